"use server";

import { revalidatePath } from "next/cache";
import { defineAction, refreshingAll } from "@/lib/server/action";
import { addFindingEvidence as addEvidence } from "@/lib/server/inspections/finding-evidence";
import * as steps from "@/lib/server/inspections/rectification";
import {
  ZAcceptRectification,
  ZFindingProgress,
  ZFindingStep,
  ZReopenFinding,
  ZReturnRectification,
  ZSaveRectification,
} from "@/lib/validation/inspections";
import { ZAddFindingEvidence } from "@/lib/validation/finding-evidence";

// Target "none": the handlers apply the rectification rules (the unit rectifies, the parties accept) to the finding they load.
const none = () => undefined;

export const saveRectification = defineAction("action:saveRectification", ZSaveRectification, none, refreshingAll(steps.saveRectification));
export const addFindingProgress = defineAction("action:addFindingProgress", ZFindingProgress, none, refreshingAll(steps.addFindingProgress));
export const submitRectification = defineAction("action:submitRectification", ZFindingStep, none, refreshingAll((actor, input: { findingId: string; expectedVersion: number; text: string }) => steps.submitRectification(actor, input)));
export const acceptRectification = defineAction("action:acceptRectification", ZAcceptRectification, none, refreshingAll((actor, input: { findingId: string; expectedVersion: number; party?: "GROUP" | "COMMITTEE" | "UNIT" }) => steps.acceptRectification(actor, input)));
export const returnRectification = defineAction("action:returnRectification", ZReturnRectification, none, refreshingAll(steps.returnRectification));
export const reopenFinding = defineAction("action:reopenFinding", ZReopenFinding, none, refreshingAll((actor, input: { findingId: string; expectedVersion: number; reason: string; deadline?: string }) => steps.reopenFinding(actor, input)));

// Files are uploaded through app/api/findings/[findingId]/evidence/route.ts, as the ledger's are (see there why).

/** Text or link evidence on a finding: the group's on a draft, the unit's while it rectifies (the handler checks which). */
export const addFindingEvidence = defineAction(
  "action:addFindingEvidence",
  ZAddFindingEvidence,
  none,
  async (actor, input) => {
    const result = await addEvidence(actor, input);
    revalidatePath(`/findings/${input.findingId}`);
    revalidatePath("/inspections/reports/[reportId]", "page");
    return result;
  },
);
