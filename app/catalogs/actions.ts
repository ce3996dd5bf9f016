"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/server/action";
import { loadLibraryCatalog as loadFromLibrary } from "@/lib/server/catalogs/catalogs";
import { createCatalog as create } from "@/lib/server/catalogs/edit-catalogs";
import { copyForward } from "@/lib/server/assignments/assign-catalog";
import { ZCopyForward } from "@/lib/validation/assignments";
import { ZNewCatalog } from "@/lib/validation/catalog-editor";

export const loadLibraryCatalog = defineAction(
  "action:loadLibraryCatalog",
  z.object({ key: z.string().min(1).max(64) }),
  () => undefined,
  async (actor, { key }) => {
    const result = await loadFromLibrary(actor, key);
    revalidatePath("/catalogs");
    return result;
  },
);

export const createCatalog = defineAction("action:createCatalog", ZNewCatalog, () => undefined, async (actor, input) => {
  const result = await create(actor, input);
  revalidatePath("/catalogs");
  return result;
});

export const copyAssignmentsForward = defineAction(
  "action:copyAssignmentsForward",
  ZCopyForward,
  (input) => ({ orgId: input.rootOrgId }),
  async (actor, input) => {
    const result = await copyForward(actor, input);
    revalidatePath("/", "layout");
    return result;
  },
);
