import { z } from "zod";
import { ZEvidenceTargetId, ZLinkEvidenceBody, ZTextEvidenceBody } from "@/lib/validation/evidence";

/** Text or link evidence on a finding, as the server action takes it. Files go through the upload route. */
export const ZAddFindingEvidence = z.discriminatedUnion("kind", [
  ZTextEvidenceBody.extend({ findingId: ZEvidenceTargetId }),
  ZLinkEvidenceBody.extend({ findingId: ZEvidenceTargetId }),
]);

export type TAddFindingEvidence = z.infer<typeof ZAddFindingEvidence>;
