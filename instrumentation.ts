/**
 * Checks the session secret and opens the database when the server starts:
 * a production server with a missing, short or known secret stops with the
 * reason (lib/server/auth/secret.ts), and a second server on the same
 * embedded data folder stops at once with the lock's message instead of
 * failing on its first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { checkSecretAtStartup } = await import("@/lib/server/auth/secret");
  checkSecretAtStartup();
  const { openAtStartup } = await import("@/lib/server/db/open-at-startup");
  openAtStartup();
}
