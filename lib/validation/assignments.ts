import { z } from "zod";

export const REVIEW_MODES = ["PARENT", "ORG", "NONE"] as const;

export const ORG_TYPES = ["WORKING_COMMITTEE", "PARTY_GROUP", "ORGAN_PARTY_COMMITTEE", "GENERAL_BRANCH", "BRANCH"] as const;

/** An assignment as the form sends it; the server checks it again with the same schema. */
export const ZAssignCatalog = z.object({
  catalogVersionId: z.string().min(1).max(40),
  periodId: z.string().min(1, "required").max(40),
  rootOrgId: z.string().min(1, "required").max(40),
  orgTypes: z.array(z.enum(ORG_TYPES)).min(1, "pickOrgType"),
  dueShiftDays: z.number({ error: "notANumber" }).int("notAnInteger").min(-90, "shiftRange").max(90, "shiftRange"),
  reviewMode: z.enum(REVIEW_MODES).default("PARENT"),
  reviewerOrgId: z.string().max(40).optional(),
});

export type TAssignCatalog = z.input<typeof ZAssignCatalog>;

export const ZCopyForward = z.object({
  fromPeriodId: z.string().min(1, "required").max(40),
  toYear: z.number({ error: "notANumber" }).int("notAnInteger").min(2000, "yearRange").max(2100, "yearRange"),
  toQuarter: z.number().int().min(0).max(4),
  rootOrgId: z.string().min(1, "required").max(40),
});

export type TCopyForward = z.infer<typeof ZCopyForward>;

/** Moving a period's assignments in a subtree to a newer published version of their list. */
export const ZMoveAssignments = z.object({
  toVersionId: z.string().min(1).max(40),
  periodId: z.string().min(1, "required").max(40),
  rootOrgId: z.string().min(1, "required").max(40),
});

export type TMoveAssignments = z.infer<typeof ZMoveAssignments>;
