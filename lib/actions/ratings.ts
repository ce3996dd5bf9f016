"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { saveRatingScheme as save } from "@/lib/server/ratings/schemes";
import { ZSaveRatingScheme } from "@/lib/validation/ratings";

/** Saves a year's rating scheme (the working committee), against the version it saw. */
export const saveRatingScheme = defineAction("action:saveRatingScheme", ZSaveRatingScheme, () => undefined, async (actor, input) => {
  const version = await save(actor, input);
  revalidatePath("/ratings");
  return { version };
});
