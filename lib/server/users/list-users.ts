import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/server/access/permissions";
import { orgScopeWhere } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { personMatching } from "@/lib/server/db/text-search";
import { assertId, NotFoundError } from "@/lib/server/errors";
import { canManageUserWith, isTreeAdmin, MANAGE, visibleUsersWhere } from "@/lib/server/users/user-scope";
import type { TUserQuery } from "@/lib/validation/users";

export const USER_PAGE_SIZE = 25;

export type UserGrant = { id: string; role: Role; org: { id: string; name: string; nameEn: string | null; code: string } };

export type UserRow = {
  id: string;
  username: string;
  name: string;
  email: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  /** The roles on organizations of the actor's subtree. */
  grants: UserGrant[];
  /** How many roles the account holds elsewhere: then the actor sees it but does not manage it. */
  outsideGrants: number;
  isManageable: boolean;
};

export type UserPage = { rows: UserRow[]; total: number; page: number; pageCount: number; pageSize: number };

const grantSelect = { id: true, role: true, org: { select: { id: true, name: true, nameEn: true, code: true } } } satisfies Prisma.RoleGrantSelect;

/** How many roles each of these accounts holds outside the actor's subtree, counted in the database. */
async function countOutsideGrants(actor: Actor, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const groups = await prisma.roleGrant.groupBy({
    by: ["userId"],
    where: { userId: { in: userIds }, NOT: { org: orgScopeWhere(actor, MANAGE) } },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.userId, g._count._all]));
}

/**
 * The people an administrator sees (lib/server/users/user-scope.ts), found
 * by name or username, active first and then by name, one page at a time;
 * with their roles in the actor's subtree.
 */
export async function listUsers(actor: Actor, query: Pick<TUserQuery, "q" | "status"> & { page?: number; pageSize?: number }): Promise<UserPage> {
  const pageSize = query.pageSize ?? USER_PAGE_SIZE;
  const empty: UserPage = { rows: [], total: 0, page: 1, pageCount: 1, pageSize };
  if (!can(actor, MANAGE)) return empty;
  const where: Prisma.UserWhereInput = {
    AND: [visibleUsersWhere(actor), personMatching(query.q), query.status ? { isActive: query.status === "active" } : {}],
  };
  const total = await prisma.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page ?? 1, pageCount);
  if (total === 0) return empty;
  const users = await prisma.user.findMany({
    where,
    orderBy: [{ isActive: "desc" }, { name: "asc" }, { username: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      username: true,
      name: true,
      email: true,
      isActive: true,
      mustChangePassword: true,
      roles: { where: { org: orgScopeWhere(actor, MANAGE) }, select: grantSelect, orderBy: [{ org: { depth: "asc" } }, { org: { name: "asc" } }, { role: "asc" }] },
    },
  });
  const outside = await countOutsideGrants(
    actor,
    users.map((u) => u.id),
  );
  const treeAdmin = isTreeAdmin(actor);
  const rows = users.map(({ roles, ...user }) => {
    const outsideGrants = outside.get(user.id) ?? 0;
    return { ...user, grants: roles, outsideGrants, isManageable: outsideGrants === 0 && (roles.length > 0 || treeAdmin) };
  });
  return { rows, total, page, pageCount, pageSize };
}

export type UserDetail = Omit<UserRow, "isManageable"> & {
  version: number;
  createdAt: Date;
  passwordChangedAt: Date | null;
  isManageable: boolean;
  isSelf: boolean;
};

/** One account the actor sees, for its page; not found otherwise. */
export async function getUserDetail(actor: Actor, userId: string): Promise<UserDetail> {
  assertId(userId);
  const user = await prisma.user.findFirst({
    where: { AND: [{ id: userId }, visibleUsersWhere(actor)] },
    select: {
      id: true,
      username: true,
      name: true,
      email: true,
      isActive: true,
      mustChangePassword: true,
      version: true,
      createdAt: true,
      passwordChangedAt: true,
      roles: { select: { ...grantSelect, org: { select: { ...grantSelect.org.select, path: true, depth: true } } } },
    },
  });
  if (!user) throw new NotFoundError();
  const { roles, ...account } = user;
  const paths = roles.map((r) => r.org.path);
  const inScope = roles
    .filter((r) => canManageUserWith(actor, [r.org.path]))
    .sort((a, b) => a.org.depth - b.org.depth || a.org.name.localeCompare(b.org.name) || a.role.localeCompare(b.role))
    .map(({ org: { path: _path, depth: _depth, ...org }, ...grant }) => ({ ...grant, org }));
  return {
    ...account,
    grants: inScope,
    outsideGrants: roles.length - inScope.length,
    isManageable: canManageUserWith(actor, paths),
    isSelf: user.id === actor.id,
  };
}
