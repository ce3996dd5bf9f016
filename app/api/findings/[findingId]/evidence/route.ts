import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import { handleEvidenceUpload } from "@/lib/server/evidence/upload-route";
import { addFindingFileEvidence, assertFindingTakesEvidence, reviseFindingEvidenceFile } from "@/lib/server/inspections/finding-evidence";

const KEY = "route:/api/findings/[findingId]/evidence";

/**
 * Uploads an evidence file to a finding, or a new revision of one of its
 * files (lib/server/evidence/upload-route.ts). The registry's rule has no
 * target: whether the actor is the group or the unit, and whether the
 * finding takes evidence now, is checked here before a byte of the body is
 * read, and again with the finding locked as it writes.
 */
export async function POST(request: Request, { params }: { params: Promise<{ findingId: string }> }) {
  const { findingId } = await params;
  return handleEvidenceUpload(request, KEY, {
    admit: async () => {
      const actor = await authorize(await getActor(), KEY);
      if (actor) await assertFindingTakesEvidence(actor, findingId);
      return actor;
    },
    store: (actor, { evidenceId, title, ...file }, maxBytes) =>
      evidenceId
        ? reviseFindingEvidenceFile(actor, { ...file, findingId, evidenceId }, { maxBytes })
        : addFindingFileEvidence(actor, { ...file, findingId, title: title ?? "" }, { maxBytes }),
    refresh: () => {
      revalidatePath(`/findings/${findingId}`);
      revalidatePath("/inspections/reports/[reportId]", "page");
    },
  });
}
