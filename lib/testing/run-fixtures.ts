/**
 * Test helpers for the runs routes: requests as a user (cookie or bearer token), accounts made
 * on the spot, a saved reward spec version, and the shipped captioning models as multipart uploads.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { openSession } from "@/lib/auth";
import { createUser, db, findUserByEmail, saveRewardSpecVersion, type Prisma, type Role } from "@/lib/db";
import { parseRewardSpec, type TaskId } from "@/lib/rewards";

export const BASE = "http://studio.test";

/** Credentials of a request: a session cookie, a bearer token, or nobody (""). */
export type Who = string | { bearer: string };

const authHeaders = (who: Who): Record<string, string> =>
  typeof who === "string" ? (who ? { cookie: who } : {}) : { authorization: `Bearer ${who.bearer}` };

/** A JSON request to `url` (path and query) as `who`, with extra headers. */
export const jsonRequest = (method: string, url: string, body: unknown, who: Who, headers: Record<string, string> = {}) =>
  new Request(`${BASE}${url}`, { method, headers: { "content-type": "application/json", ...authHeaders(who), ...headers }, body: JSON.stringify(body) });

/** A request without a body (GET, DELETE). */
export const bareRequest = (method: string, url: string, who: Who) => new Request(`${BASE}${url}`, { method, headers: authHeaders(who) });

/** Route context for a dynamic segment `[id]`. */
export const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

/** A session cookie of the (demo or new) account with this email; a new one gets `role`. */
export async function cookieFor(email: string, role: Role = "engineer"): Promise<string> {
  const user = (await findUserByEmail(db(), { email })) ?? (await createUser(db(), { email, name: email.split("@")[0]!, role }));
  return `rs_session=${(await openSession(db(), { userId: user.id })).token}`;
}

/** Saves the repository's reward spec of `task` (lib/rewards/specs) for `email`; returns the version id. */
export async function savedSpecVersion(email: string, task: TaskId, name = `${task} reward`): Promise<string> {
  const user = (await findUserByEmail(db(), { email }))!;
  const body = parseRewardSpec(JSON.parse(readFileSync(path.resolve("lib/rewards/specs", `${task}.json`), "utf8")));
  const { version } = await saveRewardSpecVersion(db(), { ownerId: user.id, name, task, body: body as unknown as Prisma.InputJsonValue });
  return version.id;
}

/** A shipped captioning model (public/models/captioning/<kind>) as the multipart form tf.io.http sends. */
export function shippedUpload(kind: "mle" | "tuned"): FormData {
  const dir = path.resolve("public/models/captioning", kind);
  const modelJson = readFileSync(path.join(dir, "model.json"), "utf8");
  const weights = (JSON.parse(modelJson) as { weightsManifest: { paths: string[] }[] }).weightsManifest[0]!.paths[0]!;
  const form = new FormData();
  form.append("model.json", new Blob([modelJson], { type: "application/json" }), "model.json");
  form.append("model.weights.bin", new Blob([readFileSync(path.join(dir, weights))], { type: "application/octet-stream" }), "model.weights.bin");
  return form;
}

/** POST /api/checkpoints`query` with a shipped model, as `who`. */
export const uploadRequest = (query: string, kind: "mle" | "tuned", who: Who) =>
  new Request(`${BASE}/api/checkpoints${query}`, { method: "POST", headers: authHeaders(who), body: shippedUpload(kind) });
