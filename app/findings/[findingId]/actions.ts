"use server";

import { defineAction, refreshingAll } from "@/lib/server/action";
import * as steps from "@/lib/server/inspections/rectification";
import {
  ZAcceptRectification,
  ZFindingProgress,
  ZFindingStep,
  ZReopenFinding,
  ZReturnRectification,
  ZSaveRectification,
} from "@/lib/validation/inspections";

// Target "none": the handlers apply the rectification rules (the unit rectifies, the parties accept) to the finding they load.
const none = () => undefined;

export const saveRectification = defineAction("action:saveRectification", ZSaveRectification, none, refreshingAll(steps.saveRectification));
export const addFindingProgress = defineAction("action:addFindingProgress", ZFindingProgress, none, refreshingAll(steps.addFindingProgress));
export const submitRectification = defineAction("action:submitRectification", ZFindingStep, none, refreshingAll((actor, input: { findingId: string; expectedVersion: number; text: string }) => steps.submitRectification(actor, input)));
export const acceptRectification = defineAction("action:acceptRectification", ZAcceptRectification, none, refreshingAll((actor, input: { findingId: string; expectedVersion: number; party?: "GROUP" | "COMMITTEE" | "UNIT" }) => steps.acceptRectification(actor, input)));
export const returnRectification = defineAction("action:returnRectification", ZReturnRectification, none, refreshingAll(steps.returnRectification));
export const reopenFinding = defineAction("action:reopenFinding", ZReopenFinding, none, refreshingAll((actor, input: { findingId: string; expectedVersion: number; reason: string; deadline?: string }) => steps.reopenFinding(actor, input)));
