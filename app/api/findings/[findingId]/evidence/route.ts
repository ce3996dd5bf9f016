import { revalidatePath } from "next/cache";
import { evidenceMaxBytes } from "@/lib/env";
import { failureOf, parseInput, type ActionErrorCode, type ActionResult } from "@/lib/server/action";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import { readUploadForm } from "@/lib/server/evidence/upload-request";
import type { StoredFile } from "@/lib/server/evidence/store-file";
import { addFindingFileEvidence, assertFindingTakesEvidence, reviseFindingEvidenceFile } from "@/lib/server/inspections/finding-evidence";
import { isSameOrigin } from "@/lib/server/same-origin";
import { zFindingEvidenceUpload } from "@/lib/validation/finding-evidence";

const KEY = "route:/api/findings/[findingId]/evidence";

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
 * Uploads an evidence file to a finding (multipart: `file`, optional
 * `title`), or a new revision of one of its files (`evidenceId`); answers as
 * server actions do. A route for the reasons given in
 * app/api/duties/[itemId]/evidence/route.ts. The registry's rule has no
 * target: whether the actor is the group or the unit, and whether the
 * finding takes evidence now, is the handler's to check: once before a byte
 * of the body is read, and again with the finding locked as it writes.
 */
export async function POST(request: Request, { params }: { params: Promise<{ findingId: string }> }) {
  if (!isSameOrigin(request)) return reply({ ok: false, error: "forbidden" });
  const { findingId } = await params;
  try {
    const actor = await authorize(await getActor(), KEY);
    if (!actor) return reply({ ok: false, error: "unauthenticated" });
    await assertFindingTakesEvidence(actor, findingId);
    const maxBytes = evidenceMaxBytes();
    const form = await readUploadForm(request, maxBytes);
    const parsed = parseInput(zFindingEvidenceUpload(maxBytes), {
      findingId,
      evidenceId: form.get("evidenceId") ?? undefined,
      title: form.get("title") ?? undefined,
      file: form.get("file"),
    });
    if (!parsed.ok) return reply(parsed);
    const { evidenceId, title, file } = parsed.data;
    const upload = { findingId, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    const stored = evidenceId
      ? await reviseFindingEvidenceFile(actor, { ...upload, evidenceId }, { maxBytes })
      : await addFindingFileEvidence(actor, { ...upload, title }, { maxBytes });
    revalidatePath(`/findings/${findingId}`);
    revalidatePath("/inspections/reports/[reportId]", "page");
    return reply({ ok: true, data: stored });
  } catch (error) {
    return reply(failureOf(KEY, error));
  }
}
