"use server";

import { defineAction } from "@/lib/server/action";
import * as grading from "@/lib/server/grading/grading";
import { getTranslations } from "next-intl/server";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import * as meetings from "@/lib/server/grading/meetings";
import * as modelSites from "@/lib/server/grading/model-sites";
import * as turnaround from "@/lib/server/grading/turnaround";
import {
  ZConfirmGrade,
  ZConvertTurnaround,
  ZCorrectMeeting,
  ZDesignateModelSite,
  ZMeetingEvidence,
  ZOpenTurnaround,
  ZProposeGrade,
  ZRecordMeeting,
  ZRemoveMeeting,
  ZReviewModelSite,
  ZSaveGradingScheme,
} from "@/lib/validation/grading";

// The handlers apply the rules the registry cannot: proposals from above the branch alone, confirmation by the committee at a tree's top.
const none = () => undefined;

/** The working committee saves a year's grading scheme. */
export const saveGradingScheme = defineAction("action:saveGradingScheme", ZSaveGradingScheme, none, async (actor, input) => ({ version: await grading.saveGradingScheme(actor, input) }));

/** The party committee above a branch proposes its grade of a year. */
export const proposeGrade = defineAction("action:proposeGrade", ZProposeGrade, (input) => ({ orgId: input.orgId }), async (actor, input) => ({
  version: await grading.proposeGrade(actor, input),
}));

/** The working committee confirms a proposed grade, or gives another with a reason. */
export const confirmGrade = defineAction("action:confirmGrade", ZConfirmGrade, none, async (actor, input) => ({ version: await grading.confirmGrade(actor, input) }));

/** The working committee opens a weak-and-lax turnaround case on a branch; answers its id. */
export const openTurnaround = defineAction("action:openTurnaround", ZOpenTurnaround, (input) => ({ orgId: input.orgId }), async (actor, input) => ({
  id: (await turnaround.openTurnaround(actor, input)).caseId,
}));

/** The working committee records a branch converted once every measure is closed out. */
export const convertTurnaround = defineAction("action:convertTurnaround", ZConvertTurnaround, none, async (actor, input) => ({ version: await turnaround.convertTurnaround(actor, input) }));

/** The working committee designates a branch a model site; answers its id. */
export const designateModelSite = defineAction("action:designateModelSite", ZDesignateModelSite, (input) => ({ orgId: input.orgId }), async (actor, input) => ({
  id: (await modelSites.designateModelSite(actor, input)).siteId,
}));

/** The working committee's yearly review of a model site: kept, or the title withdrawn. */
export const reviewModelSite = defineAction("action:reviewModelSite", ZReviewModelSite, none, async (actor, input) => ({ version: await modelSites.reviewModelSite(actor, input) }));

/** A branch records a meeting of its organizational life; answers its id. */
export const recordMeeting = defineAction("action:recordMeeting", ZRecordMeeting, (input) => ({ orgId: input.orgId }), async (actor, input) => ({
  id: (await meetings.recordMeeting(actor, input)).meetingId,
}));

/** Those who record a branch's meetings correct a record. */
export const correctMeeting = defineAction("action:correctMeeting", ZCorrectMeeting, none, async (actor, input) => ({ version: await meetings.correctMeeting(actor, input) }));

/** Those who record a branch's meetings remove one recorded by mistake, with the reason. */
export const removeMeeting = defineAction("action:removeMeeting", ZRemoveMeeting, none, async (actor, input) => meetings.removeMeeting(actor, input));

/** A meeting's record brought to one of its branch's duties as evidence, in the actor's language. */
export const bringMeetingToDuty = defineAction("action:bringMeetingToDuty", ZMeetingEvidence, (input) => ({ itemId: input.itemId }), async (actor, input) => {
  const t = (await getTranslations({ locale: actor.locale })) as unknown as Translate;
  await meetings.bringMeetingToDuty(actor, input, { t });
});
