"use server";

import { defineAction } from "@/lib/server/action";
import * as groups from "@/lib/server/inspections/groups";
import { ZSaveGroup } from "@/lib/validation/inspections";

/** The committee sets up or changes a standing supervision group; answers its id and how its version moved. */
export const saveGroup = defineAction("action:saveGroup", ZSaveGroup, () => undefined, async (actor, input) => {
  const saved = await groups.saveGroup(actor, input);
  return { id: saved.groupId, version: saved.version };
});
