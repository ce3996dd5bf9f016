"use server";

import { defineAction, refreshingAll } from "@/lib/server/action";
import * as reports from "@/lib/server/inspections/reports";
import { ZAddendum, ZFindingRef, ZReportStep, ZRespond, ZSaveFinding, ZSaveReport } from "@/lib/validation/inspections";

// Target "none": the handlers apply the inspection rules (the group writes, the unit responds) to the report they load.
const none = () => undefined;

export const saveReport = defineAction("action:saveReport", ZSaveReport, none, refreshingAll(reports.saveReport));
export const saveFinding = defineAction("action:saveFinding", ZSaveFinding, none, refreshingAll(reports.saveFinding));
export const deleteFinding = defineAction("action:deleteFinding", ZFindingRef, none, refreshingAll(reports.deleteFinding));
export const issueReport = defineAction("action:issueReport", ZReportStep, none, refreshingAll((actor, input: { reportId: string; expectedVersion: number }) => reports.issueReport(actor, input)));
export const addAddendum = defineAction("action:addAddendum", ZAddendum, none, refreshingAll(reports.addAddendum));
export const respondToReport = defineAction("action:respondToReport", ZRespond, none, refreshingAll((actor, input: { reportId: string; response: string }) => reports.respondToReport(actor, input)));
