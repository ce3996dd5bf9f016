"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { saveFindingCategory as save } from "@/lib/server/inspections/categories";
import { ZSaveFindingCategory } from "@/lib/validation/finding-categories";

/** Adds, renames, reorders, retires or restores a finding category (administrators). */
export const saveFindingCategory = defineAction("action:saveFindingCategory", ZSaveFindingCategory, () => undefined, async (actor, input) => {
  const result = await save(actor, input);
  revalidatePath("/inspections/categories");
  return result;
});
