"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import {
  addEvidence as add,
  attachEvidence as attach,
  detachEvidence as detach,
} from "@/lib/server/evidence/write-evidence";
import { ZAddEvidence, ZItemEvidenceRef } from "@/lib/validation/evidence";

// Files are uploaded through app/api/checklists/[itemId]/evidence/route.ts: see there why not here.

export const addEvidence = defineAction(
  "action:addEvidence",
  ZAddEvidence,
  (input) => ({ itemId: input.itemId }),
  async (actor, input) => {
    const result = await add(actor, input);
    revalidatePath(`/checklists/${input.itemId}`);
    return result;
  },
);

export const attachEvidence = defineAction(
  "action:attachEvidence",
  ZItemEvidenceRef,
  (input) => ({ itemId: input.itemId }),
  async (actor, input) => {
    await attach(actor, input);
    revalidatePath(`/checklists/${input.itemId}`);
    return { evidenceId: input.evidenceId };
  },
);

export const detachEvidence = defineAction(
  "action:detachEvidence",
  ZItemEvidenceRef,
  (input) => ({ itemId: input.itemId }),
  async (actor, input) => {
    await detach(actor, input);
    revalidatePath(`/checklists/${input.itemId}`);
    return { evidenceId: input.evidenceId };
  },
);
