/**
 * Runs once when the Next.js server starts: applies pending database migrations and makes sure
 * the demo data is there, so `npm start` on a fresh clone serves a working studio.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("./lib/db/prepare");
  await prepareDatabase();
}
