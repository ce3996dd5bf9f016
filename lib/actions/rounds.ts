"use server";

import { revalidatePath } from "next/cache";
import { defineAction, refreshingAll } from "@/lib/server/action";
import * as rounds from "@/lib/server/inspections/rounds";
import { findPickerOrgs } from "@/lib/server/orgs/list-orgs";
import { ZCreateRound, ZDeleteRound, ZUpdateRound } from "@/lib/validation/inspections";
import { ZFindOrgs } from "@/lib/validation/users";

/** The organizations a new round may cover or target, found by name or code (the form's OrgPickers). */
export const findRoundOrgs = defineAction("action:findRoundOrgs", ZFindOrgs, () => undefined, (actor, { q }) =>
  findPickerOrgs(actor, "round.create", q || undefined),
);

/** Creates a round (its organizations picked or drawn); the creator must reach its scope. */
export const createRound = defineAction(
  "action:createRound",
  ZCreateRound,
  (input) => ({ orgId: input.scopeOrgId }),
  async (actor, input) => {
    const result = await rounds.createRound(actor, input);
    revalidatePath("/inspections");
    return result;
  },
);

// Target "none": the handlers apply canManageRound (creator, leader, committee over the scope) to the round they lock.
const none = () => undefined;

export const updateRound = defineAction("action:updateRound", ZUpdateRound, none, refreshingAll(rounds.updateRound));
export const deleteRound = defineAction("action:deleteRound", ZDeleteRound, none, refreshingAll(rounds.deleteRound));
