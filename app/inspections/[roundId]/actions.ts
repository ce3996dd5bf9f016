"use server";

import { defineAction, refreshingAll } from "@/lib/server/action";
import * as rounds from "@/lib/server/inspections/rounds";
import { ZDeleteRound, ZUpdateRound } from "@/lib/validation/inspections";

// Target "none": the handlers apply canManageRound (creator, leader, committee over the scope) to the round they lock.
const none = () => undefined;

export const updateRound = defineAction("action:updateRound", ZUpdateRound, none, refreshingAll(rounds.updateRound));
export const deleteRound = defineAction("action:deleteRound", ZDeleteRound, none, refreshingAll(rounds.deleteRound));
