import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import { pingDatabase } from "@/lib/server/db/ping";
import { DomainError } from "@/lib/server/errors";

const KEY = "route:/api/bench/floor";

/**
 * The floor of `npm run bench` (bench/http/run.ts): what every page pays
 * before its own work, from the same build. It checks the session as pages
 * do (the account and its roles read afresh) and makes one round trip to
 * the database; it reads and returns nothing else.
 */
export async function GET() {
  try {
    await authorize(await getActor(), KEY);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return Response.json({ ok: false }, { status: error.code === "unauthenticated" ? 401 : 404, headers: { "Cache-Control": "no-store" } });
  }
  await pingDatabase();
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
