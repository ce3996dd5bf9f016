"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import type { Actor } from "@/lib/server/auth/actor";
import { delegateItem as delegate, listDelegationTargets, revokeDelegation as revoke } from "@/lib/server/checklists/delegate-item";
import * as steps from "@/lib/server/checklists/transitions";
import type { ItemState } from "@/lib/server/checklists/write-item";
import {
  ZApproveItem,
  ZApproveMany,
  ZDelegateItem,
  ZFindDelegationTargets,
  ZItemStep,
  ZRequestNotApplicable,
  ZReturnItem,
  ZSubmitItem,
} from "@/lib/validation/checklists";
import type { VersionChange } from "@/lib/version-change";

const target = (input: { itemId: string }) => ({ itemId: input.itemId });

/** Every step answers with how the item's version moved (a step moves it by one) and its status, and refreshes the pages that show it. */
function done<I>(step: (actor: Actor, input: I) => Promise<ItemState>) {
  return async (actor: Actor, input: I) => {
    const state = await step(actor, input);
    revalidatePath("/", "layout");
    return { version: { from: state.version - 1, to: state.version } satisfies VersionChange, status: state.status };
  };
}

export const saveProgress = defineAction("action:saveProgress", ZSubmitItem, target, done(steps.saveProgress));
export const submitItem = defineAction("action:submitItem", ZSubmitItem, target, done(steps.submitItem));
export const requestNotApplicable = defineAction("action:requestNotApplicable", ZRequestNotApplicable, target, done(steps.requestNotApplicable));
export const recallSubmission = defineAction("action:recallSubmission", ZItemStep, target, done(steps.recallSubmission));
export const approveItem = defineAction("action:approveItem", ZApproveItem, () => undefined, done(steps.approveItem));
export const returnItem = defineAction("action:returnItem", ZReturnItem, () => undefined, done(steps.returnItem));
export const reopenItem = defineAction("action:reopenItem", ZItemStep, () => undefined, done(steps.reopenItem));
export const delegateItem = defineAction("action:delegateItem", ZDelegateItem, target, done(delegate));
export const revokeDelegation = defineAction("action:revokeDelegation", ZItemStep, target, done(revoke));
export const findDelegationTargets = defineAction("action:findDelegationTargets", ZFindDelegationTargets, target, (actor, { itemId, q }) =>
  listDelegationTargets(actor, itemId, q || undefined),
);

/** Approves a reviewer's selection one item at a time, with one optional comment for all. */
export const approveMany = defineAction("action:approveMany", ZApproveMany, () => undefined, async (actor, input) => {
  const result = await steps.approveMany(actor, input);
  revalidatePath("/", "layout");
  return result;
});
