import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { orgMatching } from "@/lib/server/db/text-search";
import { grantableOrgWhere } from "@/lib/server/users/user-scope";

export const GRANTABLE_ORG_LIMIT = 300;

export type GrantableOrg = { id: string; code: string; name: string; nameEn: string | null; depth: number };

/**
 * The organizations the actor may grant roles on, for a select: in tree
 * order, the upper levels first when there are more than the limit; `search`
 * narrows them by name or code.
 */
export type GrantableOrgs = { orgs: GrantableOrg[]; isTruncated: boolean };

export async function listGrantableOrgs(actor: Actor, search?: string): Promise<GrantableOrgs> {
  const where: Prisma.OrgWhereInput = {
    AND: [
      grantableOrgWhere(actor),
      orgMatching(search),
    ],
  };
  const found = await prisma.org.findMany({
    where,
    select: { id: true, code: true, name: true, nameEn: true, depth: true, path: true },
    orderBy: [{ depth: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
    take: GRANTABLE_ORG_LIMIT + 1,
  });
  const orgs = found.slice(0, GRANTABLE_ORG_LIMIT);
  // Tree order: each organization right after its parent, when both are listed.
  const listed = new Set(orgs.map((o) => o.id));
  const children = new Map<string, typeof orgs>();
  const roots: typeof orgs = [];
  for (const org of orgs) {
    const parentId = org.path.split("/").filter(Boolean).at(-2);
    if (parentId && listed.has(parentId)) children.set(parentId, [...(children.get(parentId) ?? []), org]);
    else roots.push(org);
  }
  const minDepth = Math.min(...orgs.map((o) => o.depth));
  const ordered: GrantableOrg[] = [];
  const visit = (org: (typeof orgs)[number]) => {
    ordered.push({ id: org.id, code: org.code, name: org.name, nameEn: org.nameEn, depth: org.depth - minDepth });
    for (const child of children.get(org.id) ?? []) visit(child);
  };
  roots.forEach(visit);
  return { orgs: ordered, isTruncated: found.length > GRANTABLE_ORG_LIMIT };
}
