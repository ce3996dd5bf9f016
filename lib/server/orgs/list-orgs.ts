import "server-only";
import type { Permission } from "@/lib/server/access/permissions";
import { orgScopeWhere } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { assertId, NotFoundError } from "@/lib/server/errors";

export const ORG_OPTION_LIMIT = 300;

export type OrgOption = { id: string; name: string; nameEn: string | null; depth: number };

/** Organizations where the actor holds `permission`, in tree order, for a filter; at most ORG_OPTION_LIMIT. */
export async function listOrgOptions(actor: Actor, permission: Permission, rootPath?: string): Promise<OrgOption[]> {
  const orgs = await prisma.org.findMany({
    where: { AND: [orgScopeWhere(actor, permission), { closedAt: null }, rootPath ? { path: { startsWith: rootPath } } : {}] },
    select: { id: true, name: true, nameEn: true, depth: true, path: true },
    orderBy: [{ depth: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
    take: ORG_OPTION_LIMIT,
  });
  // Tree order: each organization right after its parent.
  const children = new Map<string, typeof orgs>();
  const ids = new Set(orgs.map((o) => o.id));
  const roots: typeof orgs = [];
  for (const org of orgs) {
    const parentId = org.path.split("/").filter(Boolean).at(-2);
    if (parentId && ids.has(parentId)) (children.get(parentId) ?? children.set(parentId, []).get(parentId))?.push(org);
    else roots.push(org);
  }
  const minDepth = Math.min(...orgs.map((o) => o.depth));
  const ordered: OrgOption[] = [];
  const visit = (org: (typeof orgs)[number]) => {
    ordered.push({ id: org.id, name: org.name, nameEn: org.nameEn, depth: org.depth - minDepth });
    for (const child of children.get(org.id) ?? []) visit(child);
  };
  roots.forEach(visit);
  return ordered;
}

export type OrgDetail = {
  id: string;
  name: string;
  nameEn: string | null;
  type: string;
  path: string;
  ancestors: { id: string; name: string; nameEn: string | null }[];
};

/** One organization in the actor's scope, with the ancestors the actor may also see. */
export async function getOrg(actor: Actor, permission: Permission, orgId: string): Promise<OrgDetail> {
  assertId(orgId);
  const org = await prisma.org.findFirst({
    where: { AND: [{ id: orgId }, orgScopeWhere(actor, permission)] },
    select: { id: true, name: true, nameEn: true, type: true, path: true },
  });
  if (!org) throw new NotFoundError();
  const ancestorIds = org.path.split("/").filter(Boolean).slice(0, -1);
  const ancestors = await prisma.org.findMany({
    where: { AND: [{ id: { in: ancestorIds } }, orgScopeWhere(actor, permission)] },
    select: { id: true, name: true, nameEn: true, depth: true },
    orderBy: { depth: "asc" },
  });
  return { ...org, ancestors: ancestors.map(({ depth: _depth, ...a }) => a) };
}
