import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgType } from "@/lib/generated/prisma/enums";
import { LIVE_STATUSES } from "@/lib/item-status";
import { mayHold, ORG_TYPE_LEVELS, typesAllowed } from "@/lib/orgs/org-rules";
import { orgScopeWhere, reachesPath, scopePaths } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { orgMatching } from "@/lib/server/db/text-search";
import { assertId, NotFoundError } from "@/lib/server/errors";
import { MANAGE_ORGS } from "@/lib/server/orgs/manage-orgs";
import type { TOrgQuery } from "@/lib/validation/orgs";

// The organization tree as its administrators browse it (/admin/orgs): a
// level at a time, opened on demand, or found by name or code.

export const ORG_CHILDREN_PAGE = 50;
export const ORG_SEARCH_PAGE = 30;
export const ORG_TARGET_LIMIT = 50;

export type OrgNode = {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  type: OrgType;
  isClosed: boolean;
  /** Open children: the node can be opened. */
  childCount: number;
};

const nodeSelect = {
  id: true,
  code: true,
  name: true,
  nameEn: true,
  type: true,
  closedAt: true,
  _count: { select: { children: { where: { closedAt: null } } } },
} as const;

type NodeRow = Prisma.OrgGetPayload<{ select: typeof nodeSelect }>;
const toNode = ({ closedAt, _count, ...o }: NodeRow): OrgNode => ({ ...o, isClosed: closedAt !== null, childCount: _count.children });

export type OrgLevel = { parentId: string | null; nodes: OrgNode[]; total: number; page: number; hasMore: boolean };

/**
 * One level of the tree: the open children of `parentId`, or without one the
 * tops of the actor's subtrees, in the tree's order, a page at a time.
 */
export async function listOrgLevel(actor: Actor, parentId: string | null, page = 1): Promise<OrgLevel> {
  let where: Prisma.OrgWhereInput;
  if (parentId) {
    assertId(parentId);
    const parent = await prisma.org.findUnique({ where: { id: parentId }, select: { path: true } });
    if (!parent || !reachesPath(actor, MANAGE_ORGS, parent.path)) throw new NotFoundError();
    where = { parentId, closedAt: null };
  } else {
    where = { path: { in: scopePaths(actor, MANAGE_ORGS) } };
  }
  const [rows, total] = await Promise.all([
    prisma.org.findMany({
      where,
      select: nodeSelect,
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      skip: (page - 1) * ORG_CHILDREN_PAGE,
      take: ORG_CHILDREN_PAGE,
    }),
    prisma.org.count({ where }),
  ]);
  return { parentId, nodes: rows.map(toNode), total, page, hasMore: page * ORG_CHILDREN_PAGE < total };
}

export type OrgHit = OrgNode & { trail: string[]; trailEn: (string | null)[] };
export type OrgSearch = { hits: OrgHit[]; total: number; page: number; pageCount: number };

/** Organizations of the actor's subtrees by name or code, each with the names above it; closed ones on request. */
export async function searchOrgs(actor: Actor, query: TOrgQuery): Promise<OrgSearch> {
  const where: Prisma.OrgWhereInput = { AND: [orgScopeWhere(actor, MANAGE_ORGS), orgMatching(query.q), query.closed ? {} : { closedAt: null }] };
  const total = await prisma.org.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / ORG_SEARCH_PAGE));
  const page = Math.min(query.page, pageCount);
  const rows = await prisma.org.findMany({
    where,
    select: { ...nodeSelect, path: true },
    orderBy: [{ depth: "asc" }, { code: "asc" }],
    skip: (page - 1) * ORG_SEARCH_PAGE,
    take: ORG_SEARCH_PAGE,
  });
  const ancestorIds = [...new Set(rows.flatMap((r) => r.path.split("/").filter(Boolean).slice(0, -1)))];
  const ancestors = new Map(
    (await prisma.org.findMany({ where: { id: { in: ancestorIds } }, select: { id: true, name: true, nameEn: true } })).map((a) => [a.id, a]),
  );
  const hits = rows.map(({ path, ...row }) => {
    const above = path
      .split("/")
      .filter(Boolean)
      .slice(0, -1)
      .map((id) => ancestors.get(id))
      .filter((a) => a !== undefined);
    return { ...toNode(row), trail: above.map((a) => a.name), trailEn: above.map((a) => a.nameEn) };
  });
  return { hits, total, page, pageCount };
}

export type AdminOrg = {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  type: OrgType;
  version: number;
  closedAt: Date | null;
  mergedInto: { id: string; name: string; nameEn: string | null } | null;
  /** The organizations above it that the actor also manages, from the top. */
  ancestors: { id: string; name: string; nameEn: string | null }[];
  parent: { id: string; name: string; nameEn: string | null; type: OrgType } | null;
  /** The top of the actor's own subtree: it can be edited, not moved, merged or closed. */
  isScopeRoot: boolean;
  /** The types it may take, given its parent and its open children. */
  typeChoices: OrgType[];
  /** The types a new child may take. */
  childTypes: OrgType[];
  openChildren: number;
  people: number;
  liveItems: number;
  openFindings: number;
};

/** One organization of the actor's subtree, open or closed, for its administration page; out of sight is not found. */
export async function getAdminOrg(actor: Actor, orgId: string): Promise<AdminOrg> {
  assertId(orgId);
  const org = await prisma.org.findUnique({
    where: { id: orgId },
    select: {
      id: true,
      code: true,
      name: true,
      nameEn: true,
      type: true,
      path: true,
      version: true,
      closedAt: true,
      mergedInto: { select: { id: true, name: true, nameEn: true } },
      parent: { select: { id: true, name: true, nameEn: true, type: true, path: true } },
    },
  });
  if (!org || !reachesPath(actor, MANAGE_ORGS, org.path)) throw new NotFoundError();
  const ancestorIds = org.path.split("/").filter(Boolean).slice(0, -1);
  const [ancestors, children, people, liveItems, openFindings] = await Promise.all([
    prisma.org.findMany({ where: { AND: [{ id: { in: ancestorIds } }, orgScopeWhere(actor, MANAGE_ORGS)] }, select: { id: true, name: true, nameEn: true }, orderBy: { depth: "asc" } }),
    prisma.org.findMany({ where: { parentId: org.id, closedAt: null }, select: { type: true } }),
    prisma.roleGrant.findMany({ where: { orgId: org.id }, select: { userId: true }, distinct: ["userId"] }).then((g) => g.length),
    prisma.checklistItem.count({ where: { orgId: org.id, status: { in: [...LIVE_STATUSES] } } }),
    prisma.finding.count({ where: { orgId: org.id, state: { not: "CLOSED" } } }),
  ]);
  const { path: _path, parent, ...rest } = org;
  return {
    ...rest,
    ancestors,
    parent: parent ? { id: parent.id, name: parent.name, nameEn: parent.nameEn, type: parent.type } : null,
    isScopeRoot: !parent || !reachesPath(actor, MANAGE_ORGS, parent.path),
    typeChoices: typesAllowed(parent?.type ?? null, children.map((c) => c.type)),
    childTypes: typesAllowed(org.type, []),
    openChildren: children.length,
    people,
    liveItems,
    openFindings,
  };
}

export type OrgTarget = { id: string; code: string; name: string; nameEn: string | null; depth: number };
export type OrgTargets = { orgs: OrgTarget[]; isTruncated: boolean };

/**
 * Where an organization can go, for the move and merge pages: open
 * organizations of the actor's subtrees outside its own subtree that may
 * hold it (move; not its present parent), or of its type (merge).
 */
export async function listTargets(actor: Actor, orgId: string, kind: "move" | "merge", q?: string): Promise<OrgTargets> {
  assertId(orgId);
  const org = await prisma.org.findUnique({ where: { id: orgId }, select: { id: true, path: true, type: true, parentId: true } });
  if (!org || !reachesPath(actor, MANAGE_ORGS, org.path)) throw new NotFoundError();
  const types = kind === "merge" ? [org.type] : ORG_TYPE_LEVELS.filter((t) => mayHold(t, org.type));
  const found = await prisma.org.findMany({
    where: {
      AND: [
        orgScopeWhere(actor, MANAGE_ORGS),
        { closedAt: null, type: { in: types }, NOT: { path: { startsWith: org.path } } },
        kind === "move" && org.parentId ? { id: { not: org.parentId } } : {},
        orgMatching(q),
      ],
    },
    select: { id: true, code: true, name: true, nameEn: true, depth: true },
    orderBy: [{ depth: "asc" }, { sortOrder: "asc" }, { code: "asc" }],
    take: ORG_TARGET_LIMIT + 1,
  });
  const minDepth = Math.min(...found.map((o) => o.depth));
  return { orgs: found.slice(0, ORG_TARGET_LIMIT).map((o) => ({ ...o, depth: o.depth - minDepth })), isTruncated: found.length > ORG_TARGET_LIMIT };
}
