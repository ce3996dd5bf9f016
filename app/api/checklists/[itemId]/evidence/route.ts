import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import { handleEvidenceUpload } from "@/lib/server/evidence/upload-route";
import { addFileEvidence, reviseEvidenceFile } from "@/lib/server/evidence/write-evidence";

const KEY = "route:/api/checklists/[itemId]/evidence";

/** Uploads an evidence file to an item, or a new revision of one of its files (lib/server/evidence/upload-route.ts). */
export async function POST(request: Request, { params }: { params: Promise<{ itemId: string }> }) {
  const { itemId } = await params;
  return handleEvidenceUpload(request, KEY, {
    admit: async () => authorize(await getActor(), KEY, { itemId }),
    store: (actor, { evidenceId, title, ...file }, maxBytes) =>
      evidenceId
        ? reviseEvidenceFile(actor, { ...file, itemId, evidenceId }, { maxBytes })
        : addFileEvidence(actor, { ...file, itemId, title: title ?? "" }, { maxBytes }),
    refresh: () => revalidatePath(`/checklists/${itemId}`),
  });
}
