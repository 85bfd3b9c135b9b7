import { describe, expect, it } from "vitest";
import { routeTestDatabase } from "@/lib/testing/route-database";
import { GET as listUsers } from "./route";
import { PATCH as changeUser } from "./[id]/route";
import { GET as listInvites, POST as createInvite } from "../invites/route";
import { POST as acceptInvite } from "../invites/accept/route";
import { GET as whoAmI, POST as signIn } from "../session/route";

// A fresh SQLite database (with the demo accounts) for this file, read through lib/env like the server does.
routeTestDatabase("users-route", { RS_DEMO_SEED: "on" });

const URL0 = "http://localhost";
const json = (method: string, url: string, body: unknown, cookie = "") =>
  new Request(`${URL0}${url}`, { method, headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) });
const get = (url: string, cookie = "") => new Request(`${URL0}${url}`, { headers: { cookie } });
const cookieOf = (res: Response) => (res.headers.get("set-cookie") ?? "").split(";")[0]!;
const as = async (email: string) => cookieOf(await signIn(json("POST", "/api/session", { email, password: "studio-demo" })));
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("users, roles and invites through the edge", () => {
  it("only admins list users, change them and create invites (401 signed out, 403 for engineers and raters)", async () => {
    for (const cookie of ["", await as("engineer@reward.studio"), await as("rater1@reward.studio")]) {
      const want = cookie ? 403 : 401;
      expect((await listUsers(get("/api/users", cookie))).status).toBe(want);
      expect((await listInvites(get("/api/invites", cookie))).status).toBe(want);
      expect((await createInvite(json("POST", "/api/invites", { role: "rater" }, cookie))).status).toBe(want);
      expect((await changeUser(json("PATCH", "/api/users/x", { role: "admin" }, cookie), params("x"))).status).toBe(want);
    }
    const res = await listUsers(get("/api/users", await as("admin@reward.studio")));
    const { users } = (await res.json()) as { users: { email: string; role: string; liveSessions: number }[] };
    expect(users.map((u) => u.email)).toEqual(expect.arrayContaining(["admin@reward.studio", "rater2@reward.studio"]));
    expect(users.find((u) => u.email === "admin@reward.studio")?.liveSessions).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(users)).not.toContain("scrypt");
  });

  it("an invite link signs a new rater in once; a second use is 409 naming the token", async () => {
    const admin = await as("admin@reward.studio");
    const created = await createInvite(json("POST", "/api/invites", { role: "rater", expiresInHours: 24 }, admin));
    expect(created.status).toBe(201);
    const { invite } = (await created.json()) as { invite: { path: string; role: string; expiresAt: string } };
    expect(invite).toMatchObject({ role: "rater", path: expect.stringMatching(/^\/invite\/[\w-]{43}$/) });
    expect(Math.abs(Date.parse(invite.expiresAt) - Date.now() - 24 * 3_600_000)).toBeLessThan(60_000);
    const token = invite.path.split("/").pop()!;
    const body = { token, name: "Nora New", password: "a long password", email: "nora@reward.studio" };
    const accepted = await acceptInvite(json("POST", "/api/invites/accept", body));
    expect(accepted.status).toBe(201);
    expect(await (await whoAmI(get("/api/session", cookieOf(accepted)))).json()).toMatchObject({ user: { email: "nora@reward.studio", role: "rater" } });
    const again = await acceptInvite(json("POST", "/api/invites/accept", { ...body, email: "nora2@reward.studio" }));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: "conflict:invite", field: "token" });
  });

  it("refuses bad input naming the field, and the last admin's demotion with 409", async () => {
    const admin = await as("admin@reward.studio");
    const bad = await createInvite(json("POST", "/api/invites", { role: "owner" }, admin));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "bad_request:invite", field: "role" });
    const short = await acceptInvite(json("POST", "/api/invites/accept", { token: "A".repeat(43), name: "x", password: "short" }));
    expect(await short.json()).toMatchObject({ code: "bad_request:invite", field: "password" });
    const unknown = await acceptInvite(json("POST", "/api/invites/accept", { token: "A".repeat(43), name: "x", password: "a long password" }));
    expect(unknown.status).toBe(404);

    const { user } = (await (await whoAmI(get("/api/session", admin))).json()) as { user: { id: string } };
    const demote = await changeUser(json("PATCH", `/api/users/${user.id}`, { role: "engineer" }, admin), params(user.id));
    expect(demote.status).toBe(409);
    expect(await demote.json()).toMatchObject({ code: "conflict:user" });
    const disable = await changeUser(json("PATCH", `/api/users/${user.id}`, { disabled: true }, admin), params(user.id));
    expect(disable.status).toBe(409);
    const empty = await changeUser(json("PATCH", `/api/users/${user.id}`, {}, admin), params(user.id));
    expect(await empty.json()).toMatchObject({ code: "bad_request:user", field: "role" });
  });

  it("disabling a rater ends their sessions at once; re-enabling lets them sign in again", async () => {
    const admin = await as("admin@reward.studio");
    const rater = await as("rater2@reward.studio");
    const { user } = (await (await whoAmI(get("/api/session", rater))).json()) as { user: { id: string } };
    const res = await changeUser(json("PATCH", `/api/users/${user.id}`, { disabled: true }, admin), params(user.id));
    expect(await res.json()).toMatchObject({ user: { disabledAt: expect.any(String) }, endedSessions: 1 });
    expect(await (await whoAmI(get("/api/session", rater))).json()).toEqual({ user: null });
    expect((await signIn(json("POST", "/api/session", { email: "rater2@reward.studio", password: "studio-demo" }))).status).toBe(403);
    await changeUser(json("PATCH", `/api/users/${user.id}`, { disabled: false, role: "engineer" }, admin), params(user.id));
    expect(await (await whoAmI(get("/api/session", await as("rater2@reward.studio")))).json()).toMatchObject({ user: { role: "engineer" } });
  });
});
