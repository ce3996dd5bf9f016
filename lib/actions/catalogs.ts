"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/server/action";
import { copyForward, moveToVersion, previewAssignment as preview } from "@/lib/server/assignments/assign-catalog";
import { loadLibraryCatalog as loadFromLibrary, publishCatalogVersion as publish } from "@/lib/server/catalogs/catalogs";
import { createCatalog as create, reviseCatalogVersion as revise, saveCatalogDraft as save } from "@/lib/server/catalogs/edit-catalogs";
import { ZAssignCatalog, ZCopyForward, ZMoveAssignments } from "@/lib/validation/assignments";
import { findPickerOrgs } from "@/lib/server/orgs/list-orgs";
import { ZCatalogDraft, ZNewCatalog } from "@/lib/validation/catalog-editor";
import { ZFindOrgs } from "@/lib/validation/users";
import { ZId } from "@/lib/validation/text";

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

/** Narrows the organizations a list can be assigned to (or reviewed by) by name or code (a read: nothing to refresh). */
export const findCatalogOrgs = defineAction("action:findCatalogOrgs", ZFindOrgs, () => undefined, (actor, { q }) =>
  findPickerOrgs(actor, "catalog.edit", q || undefined),
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

export const publishCatalogVersion = defineAction(
  "action:publishCatalogVersion",
  z.object({ versionId: ZId }),
  () => undefined,
  async (actor, { versionId }) => {
    await publish(actor, versionId);
    revalidatePath("/catalogs", "layout");
    return { versionId };
  },
);

export const previewAssignment = defineAction("action:previewAssignment", ZAssignCatalog, (input) => ({ orgId: input.rootOrgId }), (actor, input) =>
  preview(actor, input),
);

export const reviseCatalogVersion = defineAction(
  "action:reviseCatalogVersion",
  z.object({ versionId: ZId }),
  () => undefined,
  async (actor, { versionId }) => {
    const result = await revise(actor, versionId);
    revalidatePath("/catalogs", "layout");
    return result;
  },
);

export const saveCatalogDraft = defineAction("action:saveCatalogDraft", ZCatalogDraft, () => undefined, async (actor, input) => {
  await save(actor, input);
  revalidatePath("/catalogs", "layout");
  return { versionId: input.versionId };
});

export const moveAssignments = defineAction("action:moveAssignments", ZMoveAssignments, (input) => ({ orgId: input.rootOrgId }), async (actor, input) => {
  const result = await moveToVersion(actor, input);
  revalidatePath("/", "layout");
  return result;
});
