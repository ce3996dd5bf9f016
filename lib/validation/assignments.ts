import { z } from "zod";
import { ZId } from "@/lib/validation/text";

export const REVIEW_MODES = ["PARENT", "ORG", "NONE"] as const;

export const ORG_TYPES = ["WORKING_COMMITTEE", "PARTY_GROUP", "ORGAN_PARTY_COMMITTEE", "GENERAL_BRANCH", "BRANCH"] as const;

/** An assignment as the form sends it; the server checks it again with the same schema. */
export const ZAssignCatalog = z.object({
  catalogVersionId: ZId,
  periodId: ZId,
  rootOrgId: ZId,
  orgTypes: z.array(z.enum(ORG_TYPES)).min(1, "pickOrgType"),
  dueShiftDays: z.number({ error: "notANumber" }).int("notAnInteger").min(-90, "shiftRange").max(90, "shiftRange"),
  reviewMode: z.enum(REVIEW_MODES).default("PARENT"),
  reviewerOrgId: ZId.optional().or(z.literal("")),
});

export type TAssignCatalog = z.input<typeof ZAssignCatalog>;

export const ZCopyForward = z.object({
  fromPeriodId: ZId,
  toYear: z.number({ error: "notANumber" }).int("notAnInteger").min(2000, "yearRange").max(2100, "yearRange"),
  toQuarter: z.number().int().min(0).max(4),
  rootOrgId: ZId,
});

export type TCopyForward = z.infer<typeof ZCopyForward>;

/** Moving a period's assignments in a subtree to a newer published version of their list. */
export const ZMoveAssignments = z.object({
  toVersionId: ZId,
  periodId: ZId,
  rootOrgId: ZId,
});

export type TMoveAssignments = z.infer<typeof ZMoveAssignments>;
