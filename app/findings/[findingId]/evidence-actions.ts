"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { addFindingEvidence as add } from "@/lib/server/inspections/finding-evidence";
import { ZAddFindingEvidence } from "@/lib/validation/finding-evidence";

// Files are uploaded through app/api/findings/[findingId]/evidence/route.ts, as the ledger's are (see there why).

/** Text or link evidence on a finding: the group's on a draft, the unit's while it rectifies (the handler checks which). */
export const addFindingEvidence = defineAction(
  "action:addFindingEvidence",
  ZAddFindingEvidence,
  () => undefined,
  async (actor, input) => {
    const result = await add(actor, input);
    revalidatePath(`/findings/${input.findingId}`);
    revalidatePath("/inspections/reports/[reportId]", "page");
    return result;
  },
);
