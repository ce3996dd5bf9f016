"use server";

import { defineAction } from "@/lib/server/action";
import * as grading from "@/lib/server/grading/grading";
import { ZConfirmGrade, ZProposeGrade, ZSaveGradingScheme } from "@/lib/validation/grading";

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
