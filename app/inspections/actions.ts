"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { createRound as create } from "@/lib/server/inspections/rounds";
import { ZCreateRound } from "@/lib/validation/inspections";

/** Creates a round (its organizations picked or drawn); the creator must reach its scope. */
export const createRound = defineAction(
  "action:createRound",
  ZCreateRound,
  (input) => ({ orgId: input.scopeOrgId }),
  async (actor, input) => {
    const result = await create(actor, input);
    revalidatePath("/inspections");
    return result;
  },
);
