import { readFileSync } from "node:fs";
import path from "node:path";
import { RunsPage } from "./pages/runs-page";
import { SignInPage } from "./pages/sign-in-page";
import { expect, test } from "./support/fixtures";

/** Chromium logs every 4xx answer to fetch as a console error; these tests expect some. */
const REFUSED = /status of (401|403)/;

/** A complete, valid upload (the shipped MLE model's files), so only who sends it decides the answer. */
const shippedUpload = () => {
  const dir = path.resolve("public/models/captioning/mle");
  const modelJson = readFileSync(path.join(dir, "model.json"));
  const weightsFile = (JSON.parse(modelJson.toString()) as { weightsManifest: { paths: string[] }[] }).weightsManifest[0]!.paths[0]!;
  return {
    "model.json": { name: "model.json", mimeType: "application/json", buffer: modelJson },
    "model.weights.bin": { name: "model.weights.bin", mimeType: "application/octet-stream", buffer: readFileSync(path.join(dir, weightsFile)) },
  };
};

test.describe("checkpoints on the server", () => {
  test("an engineer signs in, uploads a tab checkpoint and tunes again from the server copy", async ({ page }) => {
    test.setTimeout(360_000);
    await page.goto("/runs");
    await page.getByTestId("sign-in-link").click();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fruns$/);
    await new SignInPage(page).signIn("engineer@reward.studio");
    await expect(page).toHaveURL(/\/runs$/);
    await expect(page.getByTestId("signed-in")).toContainText("Eli Engineer");

    const runs = new RunsPage(page);
    await expect(page.getByRole("button", { name: "Start" })).toBeEnabled();
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

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByTestId("sign-in-link")).toBeVisible();
    await expect(page.getByTestId("upload-hint")).toBeVisible();
    await expect(child.getByRole("button", { name: "Upload" })).toBeDisabled();
  });

  test("uploads are refused, with a visible message, when signed out and for a rater", async ({ page, context, consoleErrors }) => {
    test.setTimeout(240_000);
    const runs = new RunsPage(page);
    await runs.goto();
    await expect(page.getByTestId("upload-hint")).toContainText("Sign in as an engineer or admin to upload");
    await runs.runToEnd({ task: "captioning", backend: "wasm", steps: 1 });
    const upload = runs.saved("reinforce").getByRole("button", { name: "Upload" });
    await expect(upload).toBeDisabled();
    await expect(upload).toHaveAttribute("title", "Sign in as an engineer or admin to upload");
    const anonymous = await page.request.post("/api/checkpoints", { multipart: shippedUpload() });
    expect(anonymous.status()).toBe(401);
    expect(await anonymous.json()).toEqual({ code: "unauthorized:checkpoint", message: "sign in to upload checkpoints" });
    // Listing needs a signed-in user too; the public health check still counts them.
    expect((await page.request.get("/api/checkpoints")).status()).toBe(401);

    const storedCount = async () => ((await (await page.request.get("/api/health")).json()) as { counts: { checkpoints: number } }).counts.checkpoints;
    const before = await storedCount();

    // A wrong password is refused on the form; the rater then signs in and is refused by the server.
    await page.getByTestId("sign-in-link").click();
    const signIn = new SignInPage(page);
    await signIn.submit("rater1@reward.studio", "wrong");
    await expect(page.getByTestId("sign-in-error")).toHaveText("wrong email or password");
    await signIn.signIn("rater1@reward.studio");
    await expect(page).toHaveURL(/\/runs$/);
    await expect(upload).toBeEnabled();
    await upload.click();
    const message = page.getByTestId("upload-message");
    await expect(message).toHaveText("Upload refused: to upload checkpoints you need an engineer or admin account; rater1@reward.studio is a rater");
    await expect(message).toHaveAttribute("role", "alert");

    // The session ends behind the page's back: the server says so, and the page shows it is signed out.
    await context.clearCookies();
    await upload.click();
    await expect(message).toHaveText("Upload refused: sign in to upload checkpoints");
    await expect(page.getByTestId("sign-in-link")).toBeVisible();
    await expect(upload).toBeDisabled();
    expect(await storedCount()).toBe(before);

    const refused = consoleErrors.filter((e) => REFUSED.test(e));
    // The wrong password, the rater's and the signed-out upload (a signed-out page does not ask for the server's list).
    expect(refused, "the refused sign-in and uploads").toHaveLength(3);
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !REFUSED.test(e)));
  });
});
