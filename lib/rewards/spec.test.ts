import { describe, expect, it } from "vitest";
import { StudioError } from "@/lib/errors";
import { DEFAULT_REWARD_SPECS } from "./defaults";
import { parseRewardSpec } from "./spec";

function refusal(input: unknown): { field?: string; message: string; code: string } {
  try {
    parseRewardSpec(input);
  } catch (err) {
    expect(err).toBeInstanceOf(StudioError);
    const e = err as StudioError;
    return { field: e.field, message: e.message, code: e.code };
  }
  throw new Error("expected the spec to be refused");
}

const base = { task: "captioning", terms: [{ term: "cider_d", weight: 1 }] };

describe("parseRewardSpec", () => {
  it("accepts every default spec and fills defaults", () => {
    for (const spec of Object.values(DEFAULT_REWARD_SPECS)) expect(() => parseRewardSpec(spec)).not.toThrow();
    expect(parseRewardSpec(base)).toMatchObject({ schemaVersion: 1, aggregate: "normalize_then_sum" });
  });

  it.each([
    [{ ...base, terms: [{ term: "cidr", weight: 1 }] }, "terms[0].term", /unknown term "cidr"; expected one of cider_d/],
    [{ ...base, terms: [{ term: "pq", weight: 1 }] }, "terms[0].term", /"pq" is a panoptic term; this spec is for captioning/],
    [{ ...base, terms: [{ term: "cider_d", weight: Number.NaN }] }, "terms[0].weight", /finite number/],
    [{ ...base, terms: [{ term: "cider_d", weight: Infinity }] }, "terms[0].weight", /finite number/],
    [{ ...base, terms: [{ term: "cider_d", weight: 0 }, { term: "bleu", weight: 0 }] }, "terms", /all weights are zero/],
    [{ ...base, terms: [{ term: "bleu", weight: 1, params: { n: 7 } }] }, "terms[0].params.n", /<=4|less than or equal to 4/],
    [{ ...base, terms: [{ term: "bleu", weight: 1, params: { m: 2 } }] }, "terms[0].params", /Unrecognized key/i],
    [{ ...base, terms: [{ term: "bleu", weight: 1 }, { term: "bleu", weight: 1 }] }, "terms[1].term", /appears twice/],
    [{ ...base, extra: 1 }, "", /Unrecognized key/i],
    [{ ...base, task: "segmentation" }, "task", /expected one of|Invalid option/],
    [{ ...base, guardrails: [{ metric: "bleu", op: ">", threshold: 0 }] }, "guardrails[0].metric", /not a term of this spec/],
    [{ ...base, guardrails: [{ metric: "cider_d", op: "=>", threshold: 0 }] }, "guardrails[0].op", /./],
    [{ ...base, kl: { beta: -1 } }, "kl.beta", /beta >= 0/],
    [{ ...base, clip: { min: 2, max: 1 } }, "clip.min", /min <= max/],
    [{ ...base, aggregate: "sum_then_normalize", terms: [{ term: "cider_d", weight: 1, normalize: "group" }] }, "terms[0].normalize", /normalize_then_sum/],
    [{ ...base, normalize: "batch" }, "normalize", /sum_then_normalize/],
    [{ ...base, terms: [] }, "terms", /at least one term/],
  ])("refuses %j at %s", (input, field, message) => {
    const r = refusal(input);
    expect(r.code).toBe("bad_request:reward_spec");
    expect(r.field).toBe(field || "spec");
    expect(r.message).toMatch(message);
    expect(r.message.startsWith(`${field || "spec"}: `)).toBe(true);
  });

  it("allows one term twice under distinct names", () => {
    const spec = parseRewardSpec({ ...base, terms: [{ term: "bleu", weight: 1, params: { n: 1 }, name: "bleu_1" }, { term: "bleu", weight: 1 }] });
    expect(spec.terms.map((t) => t.name ?? t.term)).toEqual(["bleu_1", "bleu"]);
  });
});
