"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import type { Actor } from "@/lib/server/auth/actor";
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

function refreshing<I, T>(step: (actor: Actor, input: I) => Promise<T>) {
  return async (actor: Actor, input: I) => {
    const result = await step(actor, input);
    revalidatePath("/", "layout");
    return result ?? null;
  };
}

export const saveRectification = defineAction("action:saveRectification", ZSaveRectification, none, refreshing(steps.saveRectification));
export const addFindingProgress = defineAction("action:addFindingProgress", ZFindingProgress, none, refreshing(steps.addFindingProgress));
export const submitRectification = defineAction("action:submitRectification", ZFindingStep, none, refreshing((actor, input: { findingId: string; expectedVersion: number; text: string }) => steps.submitRectification(actor, input)));
export const acceptRectification = defineAction("action:acceptRectification", ZAcceptRectification, none, refreshing((actor, input: { findingId: string; expectedVersion: number; party?: "GROUP" | "COMMITTEE" | "UNIT" }) => steps.acceptRectification(actor, input)));
export const returnRectification = defineAction("action:returnRectification", ZReturnRectification, none, refreshing(steps.returnRectification));
export const reopenFinding = defineAction("action:reopenFinding", ZReopenFinding, none, refreshing((actor, input: { findingId: string; expectedVersion: number; reason: string; deadline?: string }) => steps.reopenFinding(actor, input)));
