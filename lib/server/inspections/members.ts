import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { rolesOf } from "@/lib/server/access/permissions";
import { ValidationError } from "@/lib/server/errors";

/**
 * The inspectors a group (a round's, a standing one) may be made of: users holding the inspector role
 * on an organization above the scope or within it.
 */
export async function checkMembers(tx: Prisma.TransactionClient, scopePath: string, memberIds: readonly string[]): Promise<void> {
  const grants = await tx.roleGrant.findMany({
    where: { userId: { in: [...memberIds] }, role: { in: [...rolesOf("round.member")] }, user: { isActive: true } },
    select: { userId: true, org: { select: { path: true } } },
  });
  const eligible = new Set(grants.filter((g) => scopePath.startsWith(g.org.path) || g.org.path.startsWith(scopePath)).map((g) => g.userId));
  if (memberIds.some((m) => !eligible.has(m))) throw new ValidationError("Members must be inspectors", { memberIds: ["notInspector"] });
}
