/**
 * Runs once when the Next.js server starts: applies pending database migrations, makes sure
 * the demo data is there (demo mode), and sweeps what crashed checkpoint uploads left behind.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("./lib/db/prepare");
  await prepareDatabase();
  const { sweepAtStart } = await import("./lib/server/start");
  await sweepAtStart();
}
