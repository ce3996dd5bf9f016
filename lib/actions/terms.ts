"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import type { Actor } from "@/lib/server/auth/actor";
import * as records from "@/lib/server/terms/record-terms";
import { ZEditTerm, ZRecordElection, ZRecordHeadChange, ZRecordTalk } from "@/lib/validation/terms";

// The registry's rule (term.record on the organization's subtree) is the coarse check; the handlers
// apply the finer one (lib/server/terms/record-scope.ts: the level above records, a secretary not for their own organization).

/** A step, then the term pages and ledgers afresh. */
function refreshingTerms<I, T>(step: (actor: Actor, input: I) => Promise<T>) {
  return async (actor: Actor, input: I): Promise<T> => {
    const result = await step(actor, input);
    revalidatePath("/terms", "layout");
    return result;
  };
}

/** Records an election: the current term ends, the new one begins. */
export const recordElection = defineAction(
  "action:recordElection",
  ZRecordElection,
  (input) => ({ orgId: input.orgId }),
  refreshingTerms((actor, input) => records.recordElection(actor, input)),
);

/** Corrects a term as recorded (versioned, audited; the term's page lists the correction). */
export const editTerm = defineAction(
  "action:editTerm",
  ZEditTerm,
  () => undefined,
  refreshingTerms((actor, input) => records.editTerm(actor, input)),
);

/** Records an appointment talk with a newly appointed secretary. */
export const recordTalk = defineAction(
  "action:recordTalk",
  ZRecordTalk,
  (input) => ({ orgId: input.orgId }),
  refreshingTerms((actor, input) => records.recordTalk(actor, input)),
);

/** Records a change of the organization's head. */
export const recordHeadChange = defineAction(
  "action:recordHeadChange",
  ZRecordHeadChange,
  (input) => ({ orgId: input.orgId }),
  refreshingTerms((actor, input) => records.recordHeadChange(actor, input)),
);
