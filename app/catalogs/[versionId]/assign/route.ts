import { failureOf, parseInput } from "@/lib/server/action";
import { authorize } from "@/lib/server/access/authorize";
import { assignCatalog } from "@/lib/server/assignments/assign-catalog";
import { getActor } from "@/lib/server/auth/actor";
import { isSameOrigin } from "@/lib/server/same-origin";
import { ZAssignCatalog } from "@/lib/validation/assignments";

const KEY = "route:/catalogs/[versionId]/assign";

/**
 * Applies an assignment and streams its progress as NDJSON: one
 * `{"progress": {...}}` line per batch of organizations, then one line with
 * the result as server actions give it (`{"ok": true, "data": ...}` or
 * `{"ok": false, "error": ...}`). A province-wide assignment takes long
 * enough that the administrator should see it move.
 */
export async function POST(request: Request) {
  if (!isSameOrigin(request) || !request.headers.get("content-type")?.startsWith("application/json")) {
    return Response.json({ ok: false, error: "forbidden" }, { status: 403 });
  }
  const parsed = parseInput(ZAssignCatalog, await request.json().catch(() => null));
  if (!parsed.ok) return Response.json(parsed, { status: 400 });
  let actor;
  try {
    actor = await authorize(await getActor(), KEY, { orgId: parsed.data.rootOrgId });
  } catch (error) {
    const failure = failureOf(KEY, error);
    return Response.json(failure, { status: failure.error === "unauthenticated" ? 401 : 404 });
  }
  if (!actor) return Response.json({ ok: false, error: "unauthenticated" }, { status: 401 });
  const signedIn = actor;

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const result = await assignCatalog(signedIn, parsed.data, (progress) => send({ progress }));
        send({ ok: true, data: result });
      } catch (error) {
        send(failureOf(KEY, error));
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" },
  });
}
