"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/server/action";
import { assignCatalog as assign, previewAssignment as preview } from "@/lib/server/assignments/assign-catalog";
import { publishCatalogVersion as publish } from "@/lib/server/catalogs/catalogs";
import { ZAssignCatalog } from "@/lib/validation/assignments";

export const publishCatalogVersion = defineAction(
  "action:publishCatalogVersion",
  z.object({ versionId: z.string().min(1).max(40) }),
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

export const assignCatalog = defineAction("action:assignCatalog", ZAssignCatalog, (input) => ({ orgId: input.rootOrgId }), async (actor, input) => {
  const result = await assign(actor, input);
  revalidatePath("/", "layout");
  return result;
});
