import { z } from "zod";
import { MEETING_KINDS } from "@/lib/grading/meetings";
import { BASIS_TEXT_MAX, GRADES_MAX, GRADE_MOVES, ZGradingConfig } from "@/lib/grading/scheme";
import { ZProblemEntry } from "@/lib/validation/inspections";
import { zDay } from "@/lib/validation/terms";
import { ZId, zRequiredText, zText } from "@/lib/validation/text";

const zYear = z.number().int().min(2000).max(2100);
const zRank = z.coerce.number({ error: "gradeRequired" }).int("gradeRequired").min(1, "gradeRequired").max(GRADES_MAX, "gradeRequired");

/** The committee saves a year's grading scheme, against the version it saw (0: none saved yet). */
export const ZSaveGradingScheme = z.object({ year: zYear, expectedVersion: z.number().int().min(0), config: ZGradingConfig });
export type TSaveGradingScheme = z.input<typeof ZSaveGradingScheme>;

/** The party committee above a branch proposes its grade of a year, with what it found on each of the five basics. */
export const ZProposeGrade = z.object({
  orgId: ZId,
  year: zYear,
  /** The version of the grade seen; 0 when there was none yet. */
  expectedVersion: z.number().int().min(0),
  rank: zRank,
  basis: z.object({
    organization: zRequiredText(BASIS_TEXT_MAX),
    team: zRequiredText(BASIS_TEXT_MAX),
    activity: zRequiredText(BASIS_TEXT_MAX),
    system: zRequiredText(BASIS_TEXT_MAX),
    support: zRequiredText(BASIS_TEXT_MAX),
  }),
});
export type TProposeGrade = z.input<typeof ZProposeGrade>;

/** The working committee confirms the proposed grade or gives another, with a reason then. */
export const ZConfirmGrade = z.object({ gradeId: ZId, expectedVersion: z.number().int().min(1), rank: zRank, reason: zText(BASIS_TEXT_MAX) });
export type TConfirmGrade = z.input<typeof ZConfirmGrade>;

/** Where a list of grades is: confirmed, proposed and waiting, or not graded. */
export const GRADE_STATUSES = ["confirmed", "proposed", "ungraded"] as const;

/** The grading list's address: the year, the subtree, the grade, the move, the status, the page. */
export const ZGradingQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  root: z.string().max(64).optional().catch(undefined),
  rank: z.coerce.number().int().min(1).max(GRADES_MAX).optional().catch(undefined),
  move: z.enum(GRADE_MOVES).optional().catch(undefined),
  status: z.enum(GRADE_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type TGradingQuery = z.output<typeof ZGradingQuery>;

/** A turnaround case's measures at most: each becomes a finding to rectify. */
export const TURNAROUND_MEASURES_MAX = 30;
export const TURNAROUND_TEXT_MAX = 2000;

/** The committee opens a weak-and-lax turnaround case on a branch: the causes, the leader answering for it, the measures with their deadlines. */
export const ZOpenTurnaround = z.object({
  orgId: ZId,
  causes: zRequiredText(TURNAROUND_TEXT_MAX),
  leaderId: z.string().trim().min(1, "leaderRequired").max(64, "leaderRequired"),
  measures: z.array(ZProblemEntry).min(1, "noMeasures").max(TURNAROUND_MEASURES_MAX, "tooManyMeasures"),
});
export type TOpenTurnaround = z.input<typeof ZOpenTurnaround>;

/** The committee records the branch converted (转化) on a day, once every measure is closed out. */
export const ZConvertTurnaround = z.object({ caseId: ZId, expectedVersion: z.number().int().min(1), convertedOn: zDay, note: zText(TURNAROUND_TEXT_MAX) });
export type TConvertTurnaround = z.input<typeof ZConvertTurnaround>;

export const TURNAROUND_STATUSES = ["open", "converted"] as const;

/** The cases list's address: open or converted ones, the colour shown, the page. */
export const ZTurnaroundQuery = z.object({
  status: z.enum(TURNAROUND_STATUSES).optional().catch(undefined),
  warning: z.enum(["red", "yellow", "green"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type TTurnaroundQuery = z.output<typeof ZTurnaroundQuery>;

export const MODEL_SITE_TITLE_MAX = 100;
export const MODEL_SITE_OUTCOMES = ["KEPT", "WITHDRAWN"] as const;

/** The committee designates a branch a model site (示范点): its title, what it models, the day the plaque was hung. */
export const ZDesignateModelSite = z.object({
  orgId: ZId,
  title: zRequiredText(MODEL_SITE_TITLE_MAX),
  models: zRequiredText(TURNAROUND_TEXT_MAX),
  plaqueOn: zDay,
});
export type TDesignateModelSite = z.input<typeof ZDesignateModelSite>;

/** The committee's review of a model site for this year: kept or withdrawn, and why. */
export const ZReviewModelSite = z.object({ siteId: ZId, expectedVersion: z.number().int().min(1), outcome: z.enum(MODEL_SITE_OUTCOMES), comment: zRequiredText(TURNAROUND_TEXT_MAX) });
export type TReviewModelSite = z.input<typeof ZReviewModelSite>;

export const MODEL_SITE_STATUSES = ["active", "withdrawn"] as const;

/** The model sites list's address: holding the title or withdrawn, the page. */
export const ZModelSiteQuery = z.object({
  status: z.enum(MODEL_SITE_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type TModelSiteQuery = z.output<typeof ZModelSiteQuery>;

export const MEETING_TEXT_MAX = 4000;
export const MEETING_ABSENTEES_MAX = 200;

/** A branch records a meeting it held: kind, day, topic, attendance, absences with reasons, minutes. */
export const ZRecordMeeting = z.object({
  orgId: ZId,
  kind: z.enum(MEETING_KINDS),
  heldOn: zDay,
  topic: zRequiredText(MODEL_SITE_TITLE_MAX * 2),
  attendees: zRequiredText(MEETING_TEXT_MAX),
  attendedCount: z.coerce.number({ error: "attendedCount" }).int("attendedCount").min(1, "attendedCount").max(10_000, "attendedCount"),
  absentees: z.array(z.object({ name: zRequiredText(50), reason: zRequiredText(200) })).max(MEETING_ABSENTEES_MAX, "tooManyAbsentees"),
  minutes: zRequiredText(MEETING_TEXT_MAX),
});
export type TRecordMeeting = z.input<typeof ZRecordMeeting>;

const meetingFields = ZRecordMeeting.omit({ orgId: true });

/** A correction of a meeting's record, against the version seen: every field as recorded, but the branch. */
export const ZCorrectMeeting = meetingFields.extend({ meetingId: ZId, expectedVersion: z.number().int().min(1) });
export type TCorrectMeeting = z.input<typeof ZCorrectMeeting>;

/** A meeting recorded by mistake, removed with the reason, against the version seen. */
export const ZRemoveMeeting = z.object({ meetingId: ZId, expectedVersion: z.number().int().min(1), reason: zRequiredText(200) });
export type TRemoveMeeting = z.input<typeof ZRemoveMeeting>;

/** A meeting's record brought to one of the branch's duties as its evidence. */
export const ZMeetingEvidence = z.object({ meetingId: ZId, itemId: ZId });
export type TMeetingEvidence = z.input<typeof ZMeetingEvidence>;

/** The meetings page's address: the year and quarter, the subtree, missing ones only, the page. */
export const ZMeetingQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  quarter: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
  root: z.string().max(64).optional().catch(undefined),
  missing: z.enum(["1"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type TMeetingQuery = z.output<typeof ZMeetingQuery>;
