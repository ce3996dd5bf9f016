"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import type { Actor } from "@/lib/server/auth/actor";
import * as reports from "@/lib/server/inspections/reports";
import { ZAddendum, ZFindingRef, ZReportStep, ZRespond, ZSaveFinding, ZSaveReport } from "@/lib/validation/inspections";

// Target "none": the handlers apply the inspection rules (the group writes, the unit responds) to the report they load.
const none = () => undefined;

function refreshing<I, T>(step: (actor: Actor, input: I) => Promise<T>) {
  return async (actor: Actor, input: I) => {
    const result = await step(actor, input);
    revalidatePath("/", "layout");
    return result ?? null;
  };
}

export const saveReport = defineAction("action:saveReport", ZSaveReport, none, refreshing(reports.saveReport));
export const saveFinding = defineAction("action:saveFinding", ZSaveFinding, none, refreshing(reports.saveFinding));
export const deleteFinding = defineAction("action:deleteFinding", ZFindingRef, none, refreshing(reports.deleteFinding));
export const issueReport = defineAction("action:issueReport", ZReportStep, none, refreshing((actor, input: { reportId: string; expectedVersion: number }) => reports.issueReport(actor, input)));
export const addAddendum = defineAction("action:addAddendum", ZAddendum, none, refreshing(reports.addAddendum));
export const respondToReport = defineAction("action:respondToReport", ZRespond, none, refreshing((actor, input: { reportId: string; response: string }) => reports.respondToReport(actor, input)));
