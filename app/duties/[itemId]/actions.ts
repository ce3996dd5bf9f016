"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { completeItem as complete, reopenItem as reopen } from "@/lib/server/checklists/complete-item";
import { delegateItem as delegate, revokeDelegation as revoke } from "@/lib/server/checklists/delegate-item";
import { ZCompleteItem, ZDelegateItem, ZReopenItem } from "@/lib/validation/checklists";

export const completeItem = defineAction(
  "action:completeItem",
  ZCompleteItem,
  (input) => ({ itemId: input.itemId }),
  async (actor, input) => {
    const state = await complete(actor, input);
    revalidatePath("/", "layout");
    return { version: state.version, status: state.status };
  },
);

export const reopenItem = defineAction(
  "action:reopenItem",
  ZReopenItem,
  (input) => ({ itemId: input.itemId }),
  async (actor, input) => {
    const state = await reopen(actor, input);
    revalidatePath("/", "layout");
    return { version: state.version, status: state.status };
  },
);

export const delegateItem = defineAction(
  "action:delegateItem",
  ZDelegateItem,
  (input) => ({ itemId: input.itemId }),
  async (actor, input) => {
    const state = await delegate(actor, input);
    revalidatePath("/", "layout");
    return { version: state.version };
  },
);

export const revokeDelegation = defineAction(
  "action:revokeDelegation",
  ZReopenItem,
  (input) => ({ itemId: input.itemId }),
  async (actor, input) => {
    const state = await revoke(actor, input);
    revalidatePath("/", "layout");
    return { version: state.version };
  },
);
