import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import type { OrgType, Role } from "@/lib/generated/prisma/enums";
import { authOptions } from "@/lib/server/auth/options";
import { prisma } from "@/lib/server/db";

export type Grant = { orgId: string; orgPath: string; orgName: string; orgNameEn: string | null; orgType: OrgType; role: Role };

/**
 * The signed-in user as every server function sees them: the account and its
 * roles are read fresh from the database on every request, so that a role
 * granted or revoked, or an account deactivated, takes effect on the next
 * request of a session already signed in (the session holds the user's id
 * only).
 */
export type Actor = {
  id: string;
  username: string;
  name: string;
  locale: "zh" | "en";
  /** Set by an administrator's password reset: until the user sets their own, only the change-password page and its action admit them (authorize). */
  mustChangePassword: boolean;
  grants: Grant[];
};

export async function loadActor(userId: string): Promise<Actor | null> {
  const user = await prisma.user.findFirst({
    where: { id: userId, isActive: true },
    select: {
      id: true,
      username: true,
      name: true,
      locale: true,
      mustChangePassword: true,
      roles: {
        select: { role: true, org: { select: { id: true, path: true, name: true, nameEn: true, type: true } } },
        orderBy: { org: { depth: "asc" } },
      },
    },
  });
  if (!user) return null;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    locale: user.locale,
    mustChangePassword: user.mustChangePassword,
    grants: user.roles.map((r) => ({
      orgId: r.org.id,
      orgPath: r.org.path,
      orgName: r.org.name,
      orgNameEn: r.org.nameEn,
      orgType: r.org.type,
      role: r.role,
    })),
  };
}

/** The actor of this request, or null when nobody is signed in. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  return userId ? loadActor(userId) : null;
});
