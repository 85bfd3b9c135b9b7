import { RunsPage } from "./pages/runs-page";
import { SignInPage } from "./pages/sign-in-page";
import { signInAs } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { shippedUpload } from "./support/shipped-upload";

/** Chromium logs every 4xx answer to fetch as a console error; these tests expect some. */
const REFUSED = /status of (401|403)/;

test.describe("checkpoints on the server", () => {
  test("an engineer signs in, uploads a tab checkpoint and tunes again from the server copy", async ({ page }) => {
    test.setTimeout(360_000);
    // Signed out, the New run page asks to sign in first and comes back.
    await page.goto("/runs/new");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fruns%2Fnew$/);
    await new SignInPage(page).signIn("engineer@reward.studio");
    await expect(page).toHaveURL(/\/runs\/new$/);
    await expect(page.getByTestId("signed-in")).toContainText("Eli Engineer");

    const runs = new RunsPage(page);
    await runs.open();
    await runs.runToEnd({ task: "captioning", backend: "wasm", steps: 1 });
    const tuned = runs.saved("reinforce");
    await expect(tuned).toHaveCount(1);
    await tuned.getByRole("button", { name: "Upload" }).click();
    const serverUri = tuned.getByTestId("server-uri");
    await expect(serverUri).toHaveText(/^\/api\/checkpoints\/[\w-]+\/model\.json$/);
    const uri = (await serverUri.textContent())!;
    await expect(page.getByTestId("upload-message")).toContainText(uri);
    await expect(tuned.getByRole("button", { name: "Upload" })).toHaveCount(0);

    // The API lists it and serves it as TF.js loads it.
    const listed = (await (await page.request.get("/api/checkpoints?task=captioning")).json()) as { checkpoints: { uri: string; kind: string; step: number }[] };
    expect(listed.checkpoints.find((c) => c.uri === uri)).toMatchObject({ kind: "reinforce", step: 1 });
    const modelJson = (await (await page.request.get(uri)).json()) as { weightsManifest: { paths: string[] }[] };
    const weights = await page.request.get(uri.replace("model.json", modelJson.weightsManifest[0]!.paths[0]!));
    expect(weights.status()).toBe(200);
    expect(weights.headers()["cache-control"]).toBe("private, max-age=31536000, immutable");

    // A new run starts from the server copy (the worker loads it over HTTP) and records it as parent.
    await runs.runToEnd({ task: "captioning", backend: "wasm", steps: 1, from: uri });
    await expect(runs.rows).toHaveCount(1);
    await expect(page.getByTestId("run-eval")).toContainText("CIDEr");
    const child = runs.saved("reinforce").filter({ hasNot: page.getByTestId("server-uri") });
    await expect(child).toHaveCount(1);
    await expect(child).toContainText(uri);

    // Signing out leaves the engineer page for sign-in, which would come back here.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fruns%2Fnew$/);
    expect((await page.request.get("/api/checkpoints")).status()).toBe(401);
  });

  test("uploads are refused signed out (401) and for a rater (403); a session ended behind the page's back shows on it", async ({ page, context, playwright, baseURL, consoleErrors }) => {
    test.setTimeout(240_000);
    const anonymous = await page.request.post("/api/checkpoints", { multipart: shippedUpload() });
    expect(anonymous.status()).toBe(401);
    expect(await anonymous.json()).toEqual({ code: "unauthorized:checkpoint", message: "sign in to upload checkpoints" });
    // Listing needs an engineer or admin too; the public health check still counts them.
    expect((await page.request.get("/api/checkpoints")).status()).toBe(401);
    const storedCount = async () => ((await (await page.request.get("/api/health")).json()) as { counts: { checkpoints: number } }).counts.checkpoints;
    const before = await storedCount();

    // A rater (who cannot open the Runs page at all) is refused by the server, saying why.
    const rater = await playwright.request.newContext({ baseURL });
    await signInAs(rater, "rater");
    const refused = await rater.post("/api/checkpoints", { multipart: shippedUpload() });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toEqual({
      code: "forbidden:checkpoint", message: "to upload checkpoints you need an engineer or admin account; rater1@reward.studio is a rater",
    });
    await rater.dispose();

    // An engineer's session ends behind the page's back: the server says so, and the page shows it is signed out.
    await signInAs(page.request, "engineer");
    const runs = new RunsPage(page);
    await runs.goto();
    await runs.runToEnd({ task: "captioning", backend: "wasm", steps: 1 });
    const upload = runs.saved("reinforce").filter({ hasNot: page.getByTestId("server-uri") }).getByRole("button", { name: "Upload" });
    await expect(upload).toBeEnabled();
    await context.clearCookies();
    await upload.click();
    const message = page.getByTestId("upload-message");
    await expect(message).toHaveText("Upload refused: sign in to upload checkpoints");
    await expect(message).toHaveAttribute("role", "alert");
    await expect(page.getByTestId("sign-in-link")).toBeVisible();
    await expect(upload).toBeDisabled();
    await expect(upload).toHaveAttribute("title", "Sign in as an engineer or admin to upload");
    expect(await storedCount()).toBe(before);

    const logged = consoleErrors.filter((e) => REFUSED.test(e));
    expect(logged, "the refused upload").toHaveLength(1);
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !REFUSED.test(e)));
  });
});
