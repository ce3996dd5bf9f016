import "server-only";
import { reachesPath } from "@/lib/server/access/scope";
import { applyAssignment, planAssignment, type AssignmentInput, type AssignmentPlan } from "@/lib/server/assignments/assignment-core";
import type { Actor } from "@/lib/server/auth/actor";
import { CATALOG_EDITORS } from "@/lib/server/catalogs/catalogs";
import { prisma } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";

async function checkRoot(actor: Actor, rootOrgId: string): Promise<void> {
  const root = await prisma.org.findUnique({ where: { id: rootOrgId }, select: { path: true } });
  if (!root || !reachesPath(actor, CATALOG_EDITORS, root.path)) throw new NotFoundError();
}

/** An administrator's preview of an assignment within their own subtree. */
export async function previewAssignment(actor: Actor, input: AssignmentInput): Promise<AssignmentPlan> {
  await checkRoot(actor, input.rootOrgId);
  return planAssignment(prisma, input);
}

export async function assignCatalog(actor: Actor, input: AssignmentInput) {
  await checkRoot(actor, input.rootOrgId);
  return applyAssignment(prisma, input, { actorId: actor.id });
}
