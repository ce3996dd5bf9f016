import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { hashOneTimePassword, oneTimePassword } from "@/lib/server/auth/password";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { prisma } from "@/lib/server/db";
import { assertId, ValidationError } from "@/lib/server/errors";
import { grantableOrgWhere } from "@/lib/server/users/user-scope";
import type { ZCreateUser } from "@/lib/validation/users";
import type { z } from "zod";

export type CreatedUser = { userId: string; username: string; oneTimePassword: string };

/** Refuses an organization the actor may not grant on: out of their subtree (not found) or closed. */
export async function assertGrantableOrg(tx: Prisma.TransactionClient, actor: Actor, orgId: string): Promise<void> {
  assertId(orgId);
  const org = await tx.org.findFirst({ where: { AND: [{ id: orgId }, grantableOrgWhere(actor)] }, select: { id: true } });
  if (!org) throw new ValidationError("Not an organization the actor may grant on", { orgId: ["orgNotGrantable"] });
}

/**
 * A new account with its first role, on an organization of the actor's
 * subtree. It signs in with a one-time password, shown once to the
 * administrator and stored only as its hash, and must set its own first.
 */
export async function createUser(actor: Actor, input: z.output<typeof ZCreateUser>): Promise<CreatedUser> {
  const password = oneTimePassword();
  const passwordHash = hashOneTimePassword(password);
  const email = input.email || null;
  try {
    const user = await prisma.$transaction(async (tx) => {
      await assertGrantableOrg(tx, actor, input.orgId);
      const created = await tx.user.create({
        data: {
          username: input.username,
          name: input.name,
          email,
          passwordHash,
          mustChangePassword: true,
          roles: { create: { orgId: input.orgId, role: input.role } },
        },
        select: { id: true, username: true },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "user.create",
        entityType: "User",
        entityId: created.id,
        orgId: input.orgId,
        after: { username: input.username, name: input.name, email, grants: [{ orgId: input.orgId, role: input.role }], mustChangePassword: true },
      });
      return created;
    });
    return { userId: user.id, username: user.username, oneTimePassword: password };
  } catch (error) {
    // Usernames are unique across the whole tree, whoever holds one.
    if ((error as { code?: string } | null)?.code === "P2002") {
      throw new ValidationError("The username is taken", { username: ["usernameTaken"] });
    }
    throw error;
  }
}
