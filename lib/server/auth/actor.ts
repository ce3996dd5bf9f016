import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import type { OrgType, Role } from "@/lib/generated/prisma/enums";
import { authOptions } from "@/lib/server/auth/options";
import { prisma } from "@/lib/server/db";

export type Grant = { orgId: string; orgPath: string; orgName: string; orgNameEn: string | null; orgType: OrgType; role: Role };

/** The signed-in user as every server function sees them: roles loaded fresh from the database. */
export type Actor = {
  id: string;
  username: string;
  name: string;
  locale: "zh" | "en";
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
