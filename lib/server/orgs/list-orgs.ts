import "server-only";
import type { Permission } from "@/lib/server/access/permissions";
import { orgScopeWhere } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { orgMatching } from "@/lib/server/db/text-search";
import { assertId, NotFoundError } from "@/lib/server/errors";
import { isId } from "@/lib/validation/text";

export const ORG_OPTION_LIMIT = 300;

export type OrgOption = { id: string; code: string; name: string; nameEn: string | null; depth: number };

export type OrgOptions = {
  options: OrgOption[];
  /** More organizations are in scope than listed, or these are a search's: the filter offers a search. */
  isTruncated: boolean;
  /** More organizations matched than `limit`. */
  hasMore: boolean;
};

/**
 * Organizations where the actor holds `permission`, open ones, in tree order, for a picker: the first
 * `limit` of the scope (the top levels first), or with `search` those whose name, English name or code
 * contains it. The organization already `selected` is always among them, so that a filter names what it
 * filters by, however deep it lies.
 */
export async function findOrgOptions(
  actor: Actor,
  permission: Permission,
  rootPath?: string,
  options: { search?: string; selected?: string; limit?: number } = {},
): Promise<OrgOptions> {
  const limit = options.limit ?? ORG_OPTION_LIMIT;
  const scope = [orgScopeWhere(actor, permission), { closedAt: null }, rootPath ? { path: { startsWith: rootPath } } : {}];
  const search = orgMatching(options.search);
  const select = { id: true, code: true, name: true, nameEn: true, depth: true, path: true } as const;
  const found = await prisma.org.findMany({
    where: { AND: [...scope, search] },
    select,
    orderBy: [{ depth: "asc" }, { sortOrder: "asc" }, { name: "asc" }, { id: "asc" }],
    take: limit + 1,
  });
  const orgs = found.slice(0, limit);
  if (options.selected && isId(options.selected) && !orgs.some((o) => o.id === options.selected)) {
    const selected = await prisma.org.findFirst({ where: { AND: [...scope, { id: options.selected }] }, select });
    if (selected) orgs.push(selected);
  }
  return { options: inTreeOrder(orgs), isTruncated: found.length > limit || Boolean(options.search), hasMore: found.length > limit };
}

/** Organizations for a form's OrgPicker: a select with a search by name or code (components/users/org-picker.tsx). */
export type PickerOrgs = { orgs: OrgOption[]; isTruncated: boolean };

/**
 * The organizations where the actor holds `permission`, for a form's select
 * (findOrgOptions): the first ORG_OPTION_LIMIT, or with `search` those it
 * finds; `isTruncated` when more matched than are listed.
 */
export async function findPickerOrgs(actor: Actor, permission: Permission, search?: string): Promise<PickerOrgs> {
  const found = await findOrgOptions(actor, permission, undefined, { search });
  return { orgs: found.options, isTruncated: found.hasMore };
}

/** Each organization right after its parent (or, when that is not listed, among the roots), indented from the shallowest. */
function inTreeOrder(orgs: (OrgOption & { path: string })[]): OrgOption[] {
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
    ordered.push({ id: org.id, code: org.code, name: org.name, nameEn: org.nameEn, depth: org.depth - minDepth });
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
