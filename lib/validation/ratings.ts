import { z } from "zod";
import { ZDimensionScore } from "@/lib/ratings/ratings";
import { ZRatingScheme } from "@/lib/ratings/scheme";
import { checked, ZProblemEntry } from "@/lib/validation/inspections";
import { zDay } from "@/lib/validation/terms";
import { ZId, ZIdParam, zRequiredText, zText } from "@/lib/validation/text";

/** A year's rating scheme as the committee saves it, against the version it saw (0: never saved). */
export const ZSaveRatingScheme = z.object({
  periodId: ZId,
  expectedVersion: z.number().int().min(0),
  config: ZRatingScheme,
});

export type TSaveRatingScheme = z.input<typeof ZSaveRatingScheme>;

/** The rating pages' address: the year period shown (the latest when none). */
export const ZRatingQuery = z.object({ period: ZIdParam });

/**
 * A rater's scores of a unit's year, by dimension key: each whole, 0 to
 * 100. The server checks the keys against the year's scheme.
 */
export const ZSaveRating = z.object({
  periodId: ZId,
  orgId: ZId,
  scores: z.record(z.string().max(40), ZDimensionScore),
});

export type TSaveRating = z.input<typeof ZSaveRating>;

export const ZRemoveBallot = z.object({ periodId: ZId, orgId: ZId, ballot: z.number().int().min(1) });

/** Bonus points (positive) or a deduction (negative), to the hundredth, with its reason. */
export const ZAddAdjustment = z.object({
  periodId: ZId,
  orgId: ZId,
  points: z
    .number({ error: "notANumber" })
    .min(-100, "adjustmentRange")
    .max(100, "adjustmentRange")
    .refine((p) => p !== 0, "adjustmentZero")
    .refine((p) => Math.abs(Math.round(p * 100) - p * 100) < 1e-6, "hundredths"),
  reason: zRequiredText(200),
});

export type TAddAdjustment = z.input<typeof ZAddAdjustment>;

export const ZRemoveAdjustment = z.object({ periodId: ZId, orgId: ZId, adjustmentId: ZId });

export const ZPublishRatings = z.object({ periodId: ZId });

/** A secretary's yearly report as they save or submit it, against the version they saw (0: never saved). */
export const ZWriteYearReport = z.object({ periodId: ZId, orgId: ZId, body: zRequiredText(20_000), expectedVersion: z.number().int().min(0) });

export type TWriteYearReport = z.input<typeof ZWriteYearReport>;

/** The committee returns a submitted report once, saying why. */
export const ZReturnYearReport = z.object({ periodId: ZId, orgId: ZId, comment: zRequiredText(1_000), expectedVersion: z.number().int().min(1) });

export type TReturnYearReport = z.input<typeof ZReturnYearReport>;

/** The committee bars a unit (no `userId`) or one of its secretaries from the year's awards, with the reason. */
export const ZAddAwardBar = z.object({
  periodId: ZId,
  orgId: ZId,
  userId: z.preprocess((v) => (v === "" ? null : v), ZId.nullable()),
  reason: zRequiredText(500),
});

export type TAddAwardBar = z.input<typeof ZAddAwardBar>;

export const ZRemoveAwardBar = z.object({ orgId: ZId, barId: ZId });

export const ZCreateCircular = z.object({ periodId: ZId });

/** A circular's draft as the committee edits it: title, number, text and the units it names. */
export const ZSaveCircular = z.object({
  id: ZId,
  title: zRequiredText(200),
  number: zText(100),
  body: zRequiredText(50_000),
  namedOrgIds: z.array(ZId).max(5_000),
  expectedVersion: z.number().int().min(1),
});

export type TSaveCircular = z.input<typeof ZSaveCircular>;

export const ZIssueCircular = z.object({ id: ZId, expectedVersion: z.number().int().min(1) });

/** What led to an admonitory talk (约谈). */
export const TALK_TRIGGERS = ["GRADE", "FINDING", "RED_DUTY", "OTHER"] as const;
export const TALK_TEXT_MAX = 4000;
export const TALK_COMMITMENTS_MAX = 20;


/** An admonitory talk as the committee records it after holding it. */
export const ZRecordAdmonitoryTalk = z
  .object({
    orgId: ZId,
    trigger: z.enum(TALK_TRIGGERS),
    triggerNote: zRequiredText(500),
    talkedOn: zDay,
    talkedBy: zRequiredText(200),
    talkedWith: zRequiredText(200),
    issues: zRequiredText(TALK_TEXT_MAX),
    commitments: z.array(ZProblemEntry).max(TALK_COMMITMENTS_MAX, "tooMany"),
  })
  .superRefine((v, ctx) => {
    v.commitments.forEach((c, i) => {
      if (c.deadline <= v.talkedOn) ctx.addIssue({ code: "custom", message: "deadlineAfterTalk", path: ["commitments", i, "deadline"] });
    });
  });

export type TRecordAdmonitoryTalk = z.input<typeof ZRecordAdmonitoryTalk>;

/** The committee's follow-up of a talk (回访): what it found, and when. */
export const ZTalkFollowUp = z.object({
  talkId: ZId,
  followUpOn: zDay,
  followUp: zRequiredText(TALK_TEXT_MAX),
  expectedVersion: z.number().int().min(1),
});

export type TTalkFollowUp = z.input<typeof ZTalkFollowUp>;

/** The talks ledger's address: the year shown (the current one when none). */
export const ZTalkQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

/** The new-talk page's address: the unit and the trigger it starts from (the lagging units' list links here). */
export const ZNewTalkQuery = z.object({
  org: ZIdParam,
  trigger: z.enum(TALK_TRIGGERS).optional().catch(undefined),
  note: z.string().trim().max(500).optional().catch(undefined),
});

/** A moment as a datetime-local field sends it ("2026-12-20T09:00"), read as Beijing time; empty is none. */
const zBeijingMoment = z.preprocess(
  (v) => (v === "" || v == null ? undefined : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "date")
    .transform((v) => new Date(`${v}:00+08:00`))
    .refine((d) => !Number.isNaN(d.getTime()), "date")
    .optional(),
);

export const MEETING_UNITS_MAX = 5_000;
export const MEETING_ATTENDEES_MAX = 500;

/** A report meeting as the committee sets it up: when and where, the units reporting, who attends, and the ballot window. */
const meetingSetup = {
  title: zRequiredText(200),
  heldOn: zDay,
  place: zText(200),
  ballotOpensAt: zBeijingMoment,
  ballotClosesAt: zBeijingMoment,
  orgIds: checked(ZId).pipe(z.array(ZId).min(1, "pickUnits").max(MEETING_UNITS_MAX)),
  attendeeIds: checked(ZId).pipe(z.array(ZId).max(MEETING_ATTENDEES_MAX)),
};

type BallotWindow = { ballotOpensAt?: Date; ballotClosesAt?: Date };
const windowBoth = (v: BallotWindow) => !v.ballotOpensAt === !v.ballotClosesAt;
const windowOrder = (v: BallotWindow) => !v.ballotOpensAt || !v.ballotClosesAt || v.ballotClosesAt > v.ballotOpensAt;

export const ZCreateMeeting = z
  .object({ periodId: ZId, ...meetingSetup })
  .refine(windowBoth, { message: "windowBoth", path: ["ballotClosesAt"] })
  .refine(windowOrder, { message: "windowOrder", path: ["ballotClosesAt"] });

export type TCreateMeeting = z.input<typeof ZCreateMeeting>;
export type TCreateMeetingParsed = z.output<typeof ZCreateMeeting>;

/** The meeting's setup changed, against the version the committee saw. */
export const ZUpdateMeeting = z
  .object({ meetingId: ZId, expectedVersion: z.number().int().min(1), ...meetingSetup })
  .refine(windowBoth, { message: "windowBoth", path: ["ballotClosesAt"] })
  .refine(windowOrder, { message: "windowOrder", path: ["ballotClosesAt"] });

export type TUpdateMeeting = z.input<typeof ZUpdateMeeting>;
export type TUpdateMeetingParsed = z.output<typeof ZUpdateMeeting>;

export const ZDeleteMeeting = z.object({ meetingId: ZId, expectedVersion: z.number().int().min(1) });

export const REPORT_MODES = ["IN_PERSON", "IN_WRITING"] as const;

/** How a unit's secretary reported at the meeting, and the leader's comment (点评). */
export const ZRecordMeetingReport = z.object({
  meetingId: ZId,
  orgId: ZId,
  mode: z.enum(REPORT_MODES, { error: "required" }),
  commentedBy: zText(100),
  comment: zText(4000),
});

export type TRecordMeetingReport = z.input<typeof ZRecordMeetingReport>;

/** An attendee's democratic rating of one unit, cast in the app while the meeting's window is open. */
export const ZCastMeetingBallot = z.object({
  meetingId: ZId,
  orgId: ZId,
  scores: z.record(z.string().max(40), ZDimensionScore),
});

export type TCastMeetingBallot = z.input<typeof ZCastMeetingBallot>;
