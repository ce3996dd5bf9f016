"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { approveMany as approve } from "@/lib/server/checklists/transitions";
import { ZApproveMany } from "@/lib/validation/checklists";

export const approveMany = defineAction("action:approveMany", ZApproveMany, () => undefined, async (actor, input) => {
  const result = await approve(actor, input);
  revalidatePath("/", "layout");
  return result;
});
