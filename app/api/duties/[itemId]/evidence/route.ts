import { revalidatePath } from "next/cache";
import { evidenceMaxBytes } from "@/lib/env";
import { failureOf, parseInput, type ActionErrorCode, type ActionResult } from "@/lib/server/action";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import { isSameOrigin } from "@/lib/server/same-origin";
import { readUploadForm } from "@/lib/server/evidence/upload-request";
import { addFileEvidence, reviseEvidenceFile, type StoredFile } from "@/lib/server/evidence/write-evidence";
import { zEvidenceUpload } from "@/lib/validation/evidence";

const KEY = "route:/api/duties/[itemId]/evidence";

const STATUS: Record<ActionErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
};

function reply(result: ActionResult<StoredFile>): Response {
  const tooLarge = !result.ok && result.fieldErrors?.file?.includes("tooLarge");
  const status = result.ok ? 200 : tooLarge ? 413 : STATUS[result.error];
  return Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * Uploads an evidence file to an item (multipart: `file`, optional `title`),
 * or a new revision of one of its file evidence (`evidenceId`); answers as
 * server actions do, `{ ok, data }` or `{ ok: false, error, fieldErrors }`.
 *
 * A route rather than a server action: an action's body is capped for the
 * whole app (experimental.serverActions.bodySizeLimit) and, under /duties,
 * passes the proxy, which buffers at most 10 MB of a body and truncates the
 * rest. Under /api the proxy does not run, and this handler checks the
 * writer's scope before it reads a byte, then stops reading as soon as the
 * body passes EVIDENCE_MAX_MB.
 */
export async function POST(request: Request, { params }: { params: Promise<{ itemId: string }> }) {
  if (!isSameOrigin(request)) return reply({ ok: false, error: "forbidden" });
  const { itemId } = await params;
  try {
    const actor = await authorize(await getActor(), KEY, { itemId });
    if (!actor) return reply({ ok: false, error: "unauthenticated" });
    const maxBytes = evidenceMaxBytes();
    const form = await readUploadForm(request, maxBytes);
    const parsed = parseInput(zEvidenceUpload(maxBytes), {
      itemId,
      evidenceId: form.get("evidenceId") ?? undefined,
      title: form.get("title") ?? undefined,
      file: form.get("file"),
    });
    if (!parsed.ok) return reply(parsed);
    const { evidenceId, title, file } = parsed.data;
    const upload = { itemId, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    const stored = evidenceId
      ? await reviseEvidenceFile(actor, { ...upload, evidenceId }, { maxBytes })
      : await addFileEvidence(actor, { ...upload, title }, { maxBytes });
    revalidatePath(`/duties/${itemId}`);
    return reply({ ok: true, data: stored });
  } catch (error) {
    return reply(failureOf(KEY, error));
  }
}
