"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import {
  addDemocraticBallot as addBallot,
  addRatingAdjustment as addAdjustment,
  removeDemocraticBallot as removeBallot,
  removeRatingAdjustment as removeAdjustment,
  saveSelfRating as saveSelf,
  saveSuperiorRating as saveSuperior,
} from "@/lib/server/ratings/entries";
import { addAwardBar as addBar, removeAwardBar as removeBar } from "@/lib/server/ratings/award-bars";
import { createCircular as create, issueCircular as issue, saveCircular as saveDraft } from "@/lib/server/ratings/circulars";
import { publishRatings as publish } from "@/lib/server/ratings/preview";
import {
  castMeetingBallot as castBallot,
  createMeeting as createOne,
  deleteMeeting as deleteOne,
  recordMeetingReport as recordReport,
  updateMeeting as updateOne,
} from "@/lib/server/ratings/meetings";
import { recordAdmonitoryTalk as recordTalk, saveTalkFollowUp as saveFollowUp } from "@/lib/server/ratings/talks";
import { saveRatingScheme as save } from "@/lib/server/ratings/schemes";
import { returnYearReport as returnReport, saveYearReport as saveReport, submitYearReport as submitReport } from "@/lib/server/ratings/year-reports";
import {
  ZAddAdjustment,
  ZAddAwardBar,
  ZCastMeetingBallot,
  ZCreateMeeting,
  ZCreateCircular,
  ZDeleteMeeting,
  ZUpdateMeeting,
  ZIssueCircular,
  ZPublishRatings,
  ZRecordMeetingReport,
  ZRecordAdmonitoryTalk,
  ZRemoveAwardBar,
  ZRemoveAdjustment,
  ZRemoveBallot,
  ZReturnYearReport,
  ZSaveCircular,
  ZSaveRating,
  ZSaveRatingScheme,
  ZTalkFollowUp,
  ZWriteYearReport,
} from "@/lib/validation/ratings";

/** Saves a year's rating scheme (the working committee), against the version it saw. */
export const saveRatingScheme = defineAction("action:saveRatingScheme", ZSaveRatingScheme, () => undefined, async (actor, input) => {
  const version = await save(actor, input);
  revalidatePath("/ratings");
  return { version };
});

const byUnit = (input: { orgId: string }) => ({ orgId: input.orgId });

/** A unit's secretary rates their own unit's year (自评). */
export const saveSelfRating = defineAction("action:saveSelfRating", ZSaveRating, byUnit, async (actor, input) => {
  await saveSelf(actor, input);
});

/** The committee rates a unit's year as its superior. */
export const saveSuperiorRating = defineAction("action:saveSuperiorRating", ZSaveRating, byUnit, async (actor, input) => {
  await saveSuperior(actor, input);
});

/** Committee staff enter one paper ballot of a unit's democratic rating; answers its number. */
export const addDemocraticBallot = defineAction("action:addDemocraticBallot", ZSaveRating, byUnit, (actor, input) => addBallot(actor, input));

export const removeDemocraticBallot = defineAction("action:removeDemocraticBallot", ZRemoveBallot, byUnit, async (actor, input) => {
  await removeBallot(actor, input);
});

/** The committee adds bonus points or a deduction to a unit's year, with the reason. */
export const addRatingAdjustment = defineAction("action:addRatingAdjustment", ZAddAdjustment, byUnit, async (actor, input) => {
  await addAdjustment(actor, input);
});

export const removeRatingAdjustment = defineAction("action:removeRatingAdjustment", ZRemoveAdjustment, byUnit, async (actor, input) => {
  await removeAdjustment(actor, input);
});

/** Publishes the year's results to the units; answers how many were published. */
export const publishRatings = defineAction("action:publishRatings", ZPublishRatings, () => undefined, async (actor, input) => {
  const units = await publish(actor, input.periodId);
  revalidatePath("/ratings");
  return { units };
});

/** The unit's secretary saves their yearly report, against the version they saw. */
export const saveYearReport = defineAction("action:saveYearReport", ZWriteYearReport, byUnit, async (actor, input) => ({ version: await saveReport(actor, input) }));

/** The unit's secretary hands in their yearly report; it freezes. */
export const submitYearReport = defineAction("action:submitYearReport", ZWriteYearReport, byUnit, async (actor, input) => ({ version: await submitReport(actor, input) }));

/** The committee returns a submitted report once, with a comment. */
export const returnYearReport = defineAction("action:returnYearReport", ZReturnYearReport, byUnit, async (actor, input) => ({ version: await returnReport(actor, input) }));

/** The committee bars a unit or one of its secretaries from the year's awards. */
export const addAwardBar = defineAction("action:addAwardBar", ZAddAwardBar, byUnit, async (actor, input) => {
  await addBar(actor, input);
});

export const removeAwardBar = defineAction("action:removeAwardBar", ZRemoveAwardBar, byUnit, async (actor, input) => {
  await removeBar(actor, input);
});

/** The committee drafts a circular on a year from its data; answers the new circular's id. */
export const createCircular = defineAction("action:createCircular", ZCreateCircular, () => undefined, async (actor, input) => ({ id: await create(actor, input.periodId) }));

export const saveCircular = defineAction("action:saveCircular", ZSaveCircular, () => undefined, async (actor, input) => ({ version: await saveDraft(actor, input) }));

/** Issues a circular: it freezes and the units it names see it. */
export const issueCircular = defineAction("action:issueCircular", ZIssueCircular, () => undefined, async (actor, input) => ({ version: await issue(actor, input) }));

/** The committee records an admonitory talk it held, with the commitments made; answers the talk's id. */
export const recordAdmonitoryTalk = defineAction("action:recordAdmonitoryTalk", ZRecordAdmonitoryTalk, byUnit, async (actor, input) => ({
  id: (await recordTalk(actor, input)).talkId,
}));

/** The committee's follow-up of a talk (回访). */
export const saveTalkFollowUp = defineAction("action:saveTalkFollowUp", ZTalkFollowUp, () => undefined, async (actor, input) => ({ version: await saveFollowUp(actor, input) }));

/** The committee sets up a year's report meeting; answers its id. */
export const createMeeting = defineAction("action:createMeeting", ZCreateMeeting, () => undefined, async (actor, input) => ({ id: await createOne(actor, input) }));

/** The committee changes a meeting's setup. */
export const updateMeeting = defineAction("action:updateMeeting", ZUpdateMeeting, () => undefined, async (actor, input) => ({ version: await updateOne(actor, input) }));

/** The committee removes a meeting set up by mistake (none of its units has reported yet). */
export const deleteMeeting = defineAction("action:deleteMeeting", ZDeleteMeeting, () => undefined, async (actor, input) => {
  await deleteOne(actor, input);
  revalidatePath("/ratings/meetings");
});

/** How a unit's secretary reported at the meeting, and the leader's comment. */
export const recordMeetingReport = defineAction("action:recordMeetingReport", ZRecordMeetingReport, byUnit, async (actor, input) => {
  await recordReport(actor, input);
});

/** An attendee's democratic ballot on one unit, while the meeting's window is open; answers its number. */
export const castMeetingBallot = defineAction("action:castMeetingBallot", ZCastMeetingBallot, () => undefined, async (actor, input) => castBallot(actor, input));
