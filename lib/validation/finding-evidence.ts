import { z } from "zod";
import { ZEvidenceTargetId, ZLinkEvidenceBody, ZTextEvidenceBody, ZUploadTitle, zEvidenceFile } from "@/lib/validation/evidence";

/** Text or link evidence on a finding, as the server action takes it. Files go through the upload route. */
export const ZAddFindingEvidence = z.discriminatedUnion("kind", [
  ZTextEvidenceBody.extend({ findingId: ZEvidenceTargetId }),
  ZLinkEvidenceBody.extend({ findingId: ZEvidenceTargetId }),
]);

export type TAddFindingEvidence = z.infer<typeof ZAddFindingEvidence>;

/** A file for a finding as its upload route checks it: new evidence, or with `evidenceId` a new revision of one. */
export function zFindingEvidenceUpload(maxBytes: number) {
  return z.object({
    findingId: ZEvidenceTargetId,
    evidenceId: ZEvidenceTargetId.optional(),
    title: ZUploadTitle,
    file: zEvidenceFile(maxBytes),
  });
}

export type TFindingEvidenceUpload = z.output<ReturnType<typeof zFindingEvidenceUpload>>;
