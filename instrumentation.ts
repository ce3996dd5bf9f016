/**
 * Opens the database when the server starts, so that a second server on the
 * same embedded data folder stops at once with the lock's message instead
 * of failing on its first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { openAtStartup } = await import("@/lib/server/db/open-at-startup");
  openAtStartup();
}
