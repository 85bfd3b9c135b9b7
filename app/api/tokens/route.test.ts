import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveApiToken } from "@/lib/auth";
import { db } from "@/lib/db";
import { routeTestDatabase } from "@/lib/testing/route-database";
import { bareRequest, cookieFor, idParams, jsonRequest, savedSpecVersion } from "@/lib/testing/run-fixtures";
import { POST as createRun } from "../runs/route";
import { DELETE as revoke } from "./[id]/route";
import { GET as listTokens, POST as createToken } from "./route";

routeTestDatabase("tokens-route", { RS_DEMO_SEED: "on" });

let eli: string, eve: string, rater: string, spec: string;
beforeAll(async () => {
  [eli, eve, rater] = await Promise.all([cookieFor("engineer@reward.studio"), cookieFor("eve@reward.studio"), cookieFor("rater1@reward.studio")]);
  spec = await savedSpecVersion("engineer@reward.studio", "captioning");
});

interface Made { token: string; apiToken: { id: string; name: string; prefix: string; createdAt: string } }
const make = async (who: string, name = "laptop") => (await (await createToken(jsonRequest("POST", "/api/tokens", { name }, who))).json()) as Made;
const RUN = () => ({ task: "captioning", settings: { steps: 4, batchSize: 2, lr: 1e-4 }, rewardSpecVersionId: spec, baseUri: "file:///tmp/mle", source: "cli" });

describe("API tokens", () => {
  it("creates a token shown once; only its SHA-256 is stored and the list never shows it", async () => {
    const res = await createToken(jsonRequest("POST", "/api/tokens", { name: "ci" }, eli));
    expect(res.status).toBe(201);
    const { token, apiToken } = (await res.json()) as Made;
    expect(token).toMatch(/^rs_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({ name: "ci", prefix: token.slice(0, 9) });
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    const listed = await (await listTokens(bareRequest("GET", "/api/tokens", eli))).text();
    expect(listed).toContain(apiToken.id);
    expect(listed).not.toContain(row.tokenHash);
    expect(listed).not.toContain(token);
    expect(await (await listTokens(bareRequest("GET", "/api/tokens", eve))).json()).toEqual({ apiTokens: [] });
  });

  it("refuses raters (403), the signed out (401) and an empty name (400)", async () => {
    expect((await createToken(jsonRequest("POST", "/api/tokens", { name: "x" }, rater))).status).toBe(403);
    expect((await createToken(jsonRequest("POST", "/api/tokens", { name: "x" }, ""))).status).toBe(401);
    expect(await (await createToken(jsonRequest("POST", "/api/tokens", { name: " " }, eli))).json()).toMatchObject({ code: "bad_request:api_token", field: "name" });
  });

  it("a bearer token acts as its user without a cookie or Origin check, stamps lastUsedAt, and cannot make tokens", async () => {
    const { token, apiToken } = await make(eli);
    const res = await createRun(jsonRequest("POST", "/api/runs", RUN(), { bearer: token }, { origin: "https://elsewhere.example" }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ run: { owner: { email: "engineer@reward.studio" }, source: "cli" } });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).toBeInstanceOf(Date);
    // The same Origin with a cookie session is refused as cross-site.
    expect(await (await createRun(jsonRequest("POST", "/api/runs", RUN(), eli, { origin: "https://elsewhere.example" }))).json()).toMatchObject({ code: "forbidden:cross_site" });
    expect(await (await createToken(jsonRequest("POST", "/api/tokens", { name: "more" }, { bearer: token }))).json()).toMatchObject({ code: "forbidden:api_token" });
    expect((await createRun(jsonRequest("POST", "/api/runs", RUN(), { bearer: `${token.slice(0, -1)}x` }))).status).toBe(401);
  });

  it("a revoked token, or one of a disabled user, is 401; only the owner revokes", async () => {
    const { token, apiToken } = await make(eli);
    expect((await revoke(bareRequest("DELETE", `/api/tokens/${apiToken.id}`, eve), idParams(apiToken.id))).status).toBe(404);
    expect((await createRun(jsonRequest("POST", "/api/runs", RUN(), { bearer: token }))).status).toBe(201);
    expect(await (await revoke(bareRequest("DELETE", `/api/tokens/${apiToken.id}`, eli), idParams(apiToken.id))).json()).toEqual({ revoked: true });
    expect(await (await createRun(jsonRequest("POST", "/api/runs", RUN(), { bearer: token }))).json()).toMatchObject({ code: "unauthorized:run" });
    expect((await revoke(bareRequest("DELETE", `/api/tokens/${apiToken.id}`, eli), idParams(apiToken.id))).status).toBe(404);

    const eves = await make(eve);
    await db().user.update({ where: { email: "eve@reward.studio" }, data: { disabledAt: new Date() } });
    expect((await createRun(jsonRequest("POST", "/api/runs", RUN(), { bearer: eves.token }))).status).toBe(401);
  });

  it("writes lastUsedAt at most once a minute", async () => {
    const { token, apiToken } = await make(eli);
    const t0 = new Date(Date.now() + 3_600_000);
    const used = async () => (await db().apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt?.getTime();
    expect(await resolveApiToken(db(), { token, now: t0 })).toMatchObject({ user: { email: "engineer@reward.studio" }, scopes: ["runs"] });
    expect(await used()).toBe(t0.getTime());
    await resolveApiToken(db(), { token, now: new Date(t0.getTime() + 30_000) });
    expect(await used()).toBe(t0.getTime());
    await resolveApiToken(db(), { token, now: new Date(t0.getTime() + 61_000) });
    expect(await used()).toBe(t0.getTime() + 61_000);
  });
});
