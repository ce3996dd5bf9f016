"use server";

import { defineAction } from "@/lib/server/action";
import * as grading from "@/lib/server/grading/grading";
import * as turnaround from "@/lib/server/grading/turnaround";
import { ZConfirmGrade, ZConvertTurnaround, ZOpenTurnaround, ZProposeGrade, ZSaveGradingScheme } from "@/lib/validation/grading";

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
