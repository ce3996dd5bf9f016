import { z } from "zod";
import { zDay } from "@/lib/validation/terms";
import { ZId, zRequiredText, zText } from "@/lib/validation/text";

export const INSPECTION_TYPES = ["ROUTINE", "SPOT_CHECK", "CONCENTRATED", "DISCIPLINE"] as const;
/** Where a finding came from: a round of one of the inspection types, an admonitory talk, a top-down inspection tour's feedback, or a weak-and-lax turnaround case. */
export const FINDING_SOURCES = [...INSPECTION_TYPES, "TALK", "TOUR", "TURNAROUND"] as const;
export const FINDING_SEVERITIES = ["LOW", "MEDIUM", "HIGH"] as const;
export const FINDING_TAGS = ["COMMON", "INDIVIDUAL"] as const;
export const ACCEPTANCE_PARTIES = ["GROUP", "COMMITTEE", "UNIT"] as const;
export const DRAW_ORG_TYPES = ["PARTY_GROUP", "ORGAN_PARTY_COMMITTEE", "GENERAL_BRANCH", "BRANCH"] as const;
export const DRAW_WEIGHTING_CHOICES = ["NONE", "LONGEST_UNINSPECTED", "MOST_OPEN_FINDINGS", "LOWEST_GRADE"] as const;

export const TEXT_MAX = 4000;
export const TITLE_MAX = 200;
export const DRAW_MAX = 500;
export const TARGETS_MAX = 500;

const id = ZId;
const expectedVersion = z.number().int().min(1);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date");
const optionalText = zText(TEXT_MAX).optional().default("");
const requiredText = zRequiredText(TEXT_MAX);

/** A group of checkboxes: one ticked box of a group of one comes from a form as a string, none as false. */
export function checked<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (typeof v === "string" ? [v] : v === false || v == null ? [] : v), z.array(item));
}

/** A new round: who, when, where, and either the organizations picked by hand or a random draw. */
export const ZCreateRound = z
  .object({
    title: zRequiredText(TITLE_MAX),
    type: z.enum(INSPECTION_TYPES),
    unannounced: z.boolean().default(false),
    scopeOrgId: id,
    startsOn: day,
    endsOn: day,
    memberIds: checked(id).pipe(z.array(id).min(1, "pickMembers").max(50)),
    leaderId: id.optional().or(z.literal("").transform(() => undefined)),
    /** The standing supervision group that runs the round, if one does. */
    groupId: id.optional().or(z.literal("").transform(() => undefined)),
    mode: z.enum(["pick", "draw"]),
    orgIds: checked(id).pipe(z.array(id).max(TARGETS_MAX)),
    draw: z
      .object({
        rootOrgId: id,
        orgTypes: checked(z.enum(DRAW_ORG_TYPES)).pipe(z.array(z.enum(DRAW_ORG_TYPES)).min(1, "pickTypes")),
        size: z.coerce.number().int("whole").min(1, "atLeastOne").max(DRAW_MAX, "tooMany"),
        weighting: z.enum(DRAW_WEIGHTING_CHOICES).default("NONE"),
        /** Blank: the server makes one. */
        seed: z
          .string()
          .trim()
          .max(64, "tooLong")
          .regex(/^[\w-]*$/, "seedChars")
          .optional()
          .default(""),
      })
      .optional(),
  })
  .refine((v) => v.endsOn >= v.startsOn, { message: "endsBeforeStart", path: ["endsOn"] })
  .refine((v) => v.mode !== "pick" || v.orgIds.length > 0, { message: "pickOrgs", path: ["orgIds"] })
  .refine((v) => v.mode !== "draw" || !!v.draw, { message: "required", path: ["draw"] });
export type TCreateRound = z.input<typeof ZCreateRound>;
export type TCreateRoundParsed = z.output<typeof ZCreateRound>;

/** What a round's details may become after creation: its type, scope and organizations stay. */
export const ZUpdateRound = z
  .object({
    roundId: id,
    expectedVersion,
    title: zRequiredText(TITLE_MAX),
    startsOn: day,
    endsOn: day,
    memberIds: checked(id).pipe(z.array(id).min(1, "pickMembers").max(50)),
    leaderId: id.optional().or(z.literal("").transform(() => undefined)),
  })
  .refine((v) => v.endsOn >= v.startsOn, { message: "endsBeforeStart", path: ["endsOn"] });
export type TUpdateRound = z.input<typeof ZUpdateRound>;
export type TUpdateRoundParsed = z.output<typeof ZUpdateRound>;

export const ZDeleteRound = z.object({ roundId: id, expectedVersion });
export type TDeleteRound = z.input<typeof ZDeleteRound>;

export const ZSaveReport = z.object({
  reportId: id,
  expectedVersion,
  summary: optionalText,
  inspectedOn: day.optional().or(z.literal("").transform(() => undefined)),
  inspectorIds: checked(id).pipe(z.array(id).max(50)),
});
export type TSaveReport = z.input<typeof ZSaveReport>;

export const ZSaveFinding = z.object({
  reportId: id,
  /** Absent for a new finding. */
  findingId: id.optional(),
  description: requiredText,
  categoryId: id,
  severity: z.enum(FINDING_SEVERITIES),
  tag: z.enum(FINDING_TAGS).optional().or(z.literal("").transform(() => undefined)),
  dutyId: id.optional().or(z.literal("").transform(() => undefined)),
  itemId: id.optional().or(z.literal("").transform(() => undefined)),
});
export type TSaveFinding = z.input<typeof ZSaveFinding>;

export const ZFindingRef = z.object({ reportId: id, findingId: id });
export const ZReportStep = z.object({ reportId: id, expectedVersion });
export const ZAddendum = z.object({ reportId: id, text: requiredText });
export const ZRespond = z.object({ reportId: id, response: requiredText });

export const ZSaveRectification = z.object({
  findingId: id,
  expectedVersion,
  measures: requiredText,
  ownerId: id,
});
export type TSaveRectification = z.input<typeof ZSaveRectification>;

export const ZFindingProgress = z.object({ findingId: id, expectedVersion, text: requiredText });
export const ZFindingStep = z.object({ findingId: id, expectedVersion, text: optionalText });
export const ZAcceptRectification = z.object({
  findingId: id,
  expectedVersion,
  party: z.enum(ACCEPTANCE_PARTIES).optional(),
});
export const ZReturnRectification = z.object({ findingId: id, expectedVersion, comment: requiredText });
export const ZReopenFinding = z.object({
  findingId: id,
  expectedVersion,
  reason: requiredText,
  /** Blank: RECTIFY_DAYS from today. */
  deadline: day.optional().or(z.literal("").transform(() => undefined)),
});

/** One problem entered by hand (a talk's commitment, a tour's problem): it becomes a finding to rectify by its deadline. */
export const ZProblemEntry = z.object({
  text: requiredText,
  categoryId: id,
  severity: z.enum(FINDING_SEVERITIES),
  deadline: zDay,
});

export type TProblemEntry = z.input<typeof ZProblemEntry>;

/** Which tour fed back: 巡视 (the provincial committee's) or 巡察 (a lower committee's). */
export const TOUR_KINDS = ["PROVINCIAL", "PATROL"] as const;
export const TOUR_PROBLEMS_MAX = 100;

/** Who fed back, when, under which document, and what the feedback said: the same for every unit of one tour's feedback. */
const tourMeta = {
  kind: z.enum(TOUR_KINDS),
  tourName: zRequiredText(TITLE_MAX),
  receivedOn: zDay,
  documentNo: zText(100).optional().default(""),
  summary: requiredText,
};

/** The feedback's details as the import form sends them beside the problem sheet. */
export const ZTourMeta = z.object(tourMeta);
export type TTourMeta = z.input<typeof ZTourMeta>;

/** The import form: the feedback's details and the sheet of problems, chosen (the route judges its size and content). */
export const ZTourImportUpload = z.object({
  ...tourMeta,
  file: z
    .instanceof(File)
    .nullable()
    .pipe(z.instanceof(File, { message: "chooseFile" }).refine((file) => file.size > 0, "chooseFile")),
});
export type TTourImportUpload = z.input<typeof ZTourImportUpload>;

/** A top-down inspection tour's feedback to a unit (巡视巡察反馈), as staff enter it: who fed back, when, and the problem list. */
export const ZRecordTourFeedback = z
  .object({
    orgId: id,
    ...tourMeta,
    problems: z.array(ZProblemEntry).min(1, "noProblems").max(TOUR_PROBLEMS_MAX, "tooMany"),
  })
  .superRefine((v, ctx) => {
    v.problems.forEach((p, i) => {
      if (p.deadline <= v.receivedOn) ctx.addIssue({ code: "custom", message: "deadlineAfterFeedback", path: ["problems", i, "deadline"] });
    });
  });

export type TRecordTourFeedback = z.input<typeof ZRecordTourFeedback>;

/** The tour feedback ledger's address: the year shown (the current one when none). */
export const ZTourQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export const GROUP_NAME_MAX = 50;
export const GROUP_UNITS_MAX = 500;

/** The committee sets up or changes a standing supervision group (常设督查组): its name, leader, members and the units it covers. */
export const ZSaveGroup = z
  .object({
    /** Empty: a new group. */
    groupId: z.union([id, z.literal("")]),
    /** The version seen; 0 for a new group. */
    expectedVersion: z.number().int().min(0),
    name: zRequiredText(GROUP_NAME_MAX),
    memberIds: checked(id).pipe(z.array(id).min(1, "pickMembers").max(50)),
    leaderId: id.optional().or(z.literal("").transform(() => undefined)),
    unitIds: checked(id).pipe(z.array(id).max(GROUP_UNITS_MAX, "tooManyUnits")),
  })
  .refine((v) => !v.leaderId || v.memberIds.includes(v.leaderId), { message: "notMember", path: ["leaderId"] });
export type TSaveGroup = z.input<typeof ZSaveGroup>;
export type TSaveGroupParsed = z.output<typeof ZSaveGroup>;

/** The coverage page's address: the group (none: the committee's), the year, the quarter (0: the whole year), visited or not, the page. */
export const ZCoverageQuery = z.object({
  group: z.string().max(64).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  quarter: z.coerce.number().int().min(0).max(4).optional().catch(undefined),
  visited: z.enum(["yes", "no"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type TCoverageQuery = z.output<typeof ZCoverageQuery>;
