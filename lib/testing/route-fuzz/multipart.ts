/** Multipart bodies for the route fuzz: as a browser's FormData sends them, and wrong in one way each. */
import type { RouteTemplate } from "./requests";
import { JSON_DEFECTS, mutateJson, type Gen } from "./values";

export interface Part { name: string; filename?: string; type: string; bytes: Uint8Array }

const encoder = new TextEncoder();

/** multipart/form-data bytes for `parts` under `boundary`, as a browser's FormData sends them. */
export function multipart(parts: Part[], boundary: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ""}`;
    chunks.push(encoder.encode(`--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${p.type}\r\n\r\n`), p.bytes, encoder.encode("\r\n"));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** A multipart body that is wrong in one way: its framing, its parts, or the JSON part's content. */
export function badMultipart(g: Gen, t: RouteTemplate, headers: Record<string, string>): { body: Uint8Array; note: string; expect: readonly number[]; names?: string } {
  const spec = t.body as Extract<RouteTemplate["body"], { kind: "multipart" }>;
  const parts = spec.parts.map((p) => ({ ...p }));
  const how = g.cycle("multipart", ["json", "truncated", "json", "boundary", "no_boundary", "json", "drop_part", "file_as_field", "bytes"] as const);
  const finish = (body: Uint8Array, note: string, names?: string) => ({ body, note: `${how} ${note}`, expect: body.byteLength > spec.maxBytes ? [413] : [400], names });
  switch (how) {
    case "truncated": {
      const full = multipart(parts, "fuzz-boundary");
      // Cut before the closing delimiter, so what is left is never a complete form.
      const cut = g.int(0, full.byteLength - "\r\n--fuzz-boundary--\r\n".length - 1);
      return finish(full.subarray(0, cut), `at ${cut} of ${full.byteLength}`);
    }
    case "boundary":
      headers["content-type"] = `multipart/form-data; boundary=${g.pick(["other", "fuzz", "fuzz-boundaryx", '"', "x".repeat(100)])}`;
      return finish(multipart(parts, "fuzz-boundary"), headers["content-type"].slice(0, 60));
    case "no_boundary":
      headers["content-type"] = g.pick(["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; charset=utf-8"]);
      return finish(multipart(parts, "fuzz-boundary"), headers["content-type"]);
    case "drop_part": {
      const i = g.int(0, parts.length - 1);
      const dropped = parts.splice(i, 1)[0]!;
      if (g.chance(0.5)) parts.push({ ...dropped, name: `${dropped.name}x` });
      return finish(multipart(parts, "fuzz-boundary"), dropped.name, dropped.name);
    }
    case "file_as_field": {
      const p = g.pick(parts.filter((q) => q.name !== spec.json.part));
      delete p.filename;
      return finish(multipart(parts, "fuzz-boundary"), p.name, p.name);
    }
    case "bytes": {
      const p = g.pick(parts.filter((q) => q.name !== spec.json.part));
      const d = g.pick([-4, -1, 1, 3, 4, 4096]);
      p.bytes = d < 0 ? p.bytes.subarray(0, p.bytes.byteLength + d) : new Uint8Array([...p.bytes, ...new Uint8Array(d)]);
      return finish(multipart(parts, "fuzz-boundary"), `${p.name} ${d > 0 ? "+" : ""}${d}`, p.name);
    }
    case "json": {
      const defect = g.cycle("json", JSON_DEFECTS);
      const p = parts.find((q) => q.name === spec.json.part)!;
      const mutated = mutateJson(g, spec.json.shape, defect);
      p.bytes = mutated.bytes;
      return finish(multipart(parts, "fuzz-boundary"), mutated.note, mutated.names);
    }
  }
}
