"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { completeItem as complete, reopenItem as reopen } from "@/lib/server/checklists/complete-item";
import { ZCompleteItem, ZReopenItem } from "@/lib/validation/checklists";

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
