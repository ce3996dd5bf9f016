import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgType } from "@/lib/generated/prisma/enums";
import { mayHold, typesAllowed } from "@/lib/orgs/org-rules";
import { reachesPath } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { prisma } from "@/lib/server/db";
import { newId } from "@/lib/server/db/ids";
import { writeVersioned } from "@/lib/server/db/versioned-write";
import { assertId, NotFoundError, ValidationError } from "@/lib/server/errors";
import type { VersionChange } from "@/lib/version-change";
import type { ZCreateOrg, ZUpdateOrg } from "@/lib/validation/orgs";

// Creating and editing organizations (org.manage): an administrator manages
// the organizations of their subtree. Moving, merging and closing are in
// restructure.ts.

type Tx = Prisma.TransactionClient;
export const MANAGE_ORGS = "org.manage" as const;
/** The key of the transaction-level advisory lock that serializes changes to the tree. */
const TREE_LOCK = 0x7472_6565; // "tree"

export type ManagedOrg = {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  type: OrgType;
  path: string;
  depth: number;
  parentId: string | null;
  version: number;
  closedAt: Date | null;
};

const managedSelect = { id: true, code: true, name: true, nameEn: true, type: true, path: true, depth: true, parentId: true, version: true, closedAt: true } as const;

/**
 * An organization of the actor's subtree, locked for the change: one out of
 * sight is not found. A closed one stays readable but takes no more changes.
 */
export async function loadManagedOrg(tx: Tx, actor: Actor, orgId: string): Promise<ManagedOrg> {
  assertId(orgId);
  // One change to the tree at a time, across every app instance: a move rewrites the paths of a
  // subtree, so a child created or an organization moved meanwhile would hang from a stale path.
  await tx.$queryRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(${TREE_LOCK})) AS locked`;
  // NO KEY UPDATE: an item write on it (which locks it FOR KEY SHARE for the progress tallies) goes on
  // meanwhile, so that a step which then writes that item waits for it rather than deadlocking.
  await tx.$queryRaw`SELECT 1 FROM "Org" WHERE "id" = ${orgId} FOR NO KEY UPDATE`;
  const org = await tx.org.findUnique({ where: { id: orgId }, select: managedSelect });
  if (!org || !reachesPath(actor, MANAGE_ORGS, org.path)) throw new NotFoundError();
  if (org.closedAt) throw new ValidationError("The organization is closed", { _: ["orgClosed"] });
  return org;
}

/** What a conflict shows: the organization as it stands now. */
export const orgState = (org: ManagedOrg) => ({ code: org.code, name: org.name, nameEn: org.nameEn, type: org.type, version: org.version });

function codeTaken(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}

async function assertCodeFree(tx: Tx, code: string, orgId?: string): Promise<void> {
  const holder = await tx.org.findUnique({ where: { code }, select: { id: true } });
  if (holder && holder.id !== orgId) throw new ValidationError("The code is taken", { code: ["orgCodeTaken"] });
}

/** A new organization under one of the actor's subtree, of a type that may sit there. */
export async function createOrg(actor: Actor, input: z.output<typeof ZCreateOrg>): Promise<{ orgId: string }> {
  try {
    return await prisma.$transaction(async (tx) => {
      const parent = await loadManagedOrg(tx, actor, input.parentId);
      if (!mayHold(parent.type, input.type)) throw new ValidationError("The type may not sit under this parent", { type: ["typeUnderParent"] });
      await assertCodeFree(tx, input.code);
      const id = newId();
      const last = await tx.org.aggregate({ where: { parentId: parent.id }, _max: { sortOrder: true } });
      const data = {
        id,
        code: input.code,
        name: input.name,
        nameEn: input.nameEn || null,
        type: input.type,
        parentId: parent.id,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        sortOrder: (last._max.sortOrder ?? 0) + 1,
      };
      await tx.org.create({ data });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "org.create",
        entityType: "Org",
        entityId: id,
        orgId: id,
        after: { code: data.code, name: data.name, nameEn: data.nameEn, type: data.type, parentId: parent.id },
      });
      return { orgId: id };
    });
  } catch (error) {
    if (codeTaken(error)) throw new ValidationError("The code is taken", { code: ["orgCodeTaken"] });
    throw error;
  }
}

/** Renames, re-codes or re-types an organization, at the version the page showed. */
export async function updateOrg(actor: Actor, input: z.output<typeof ZUpdateOrg>): Promise<{ version: VersionChange }> {
  try {
    const version = await prisma.$transaction(async (tx) => {
      const org = await loadManagedOrg(tx, actor, input.orgId);
      if (input.type !== org.type) {
        const parent = org.parentId ? await tx.org.findUnique({ where: { id: org.parentId }, select: { type: true } }) : null;
        const children = await tx.org.findMany({ where: { parentId: org.id, closedAt: null }, select: { type: true }, distinct: ["type"] });
        if (!typesAllowed(parent?.type ?? null, children.map((c) => c.type)).includes(input.type)) {
          throw new ValidationError("The type does not fit the parent or the children", { type: ["typeDoesNotFit"] });
        }
      }
      if (input.code !== org.code) await assertCodeFree(tx, input.code, org.id);
      const after = { code: input.code, name: input.name, nameEn: input.nameEn || null, type: input.type };
      return writeVersioned(tx, {
        version: org.version,
        expected: input.expectedVersion,
        state: () => orgState(org),
        update: (v) => tx.org.updateMany({ where: { id: org.id, version: v }, data: { ...after, version: { increment: 1 } } }),
        audit: {
          actorId: actor.id,
          action: "org.update",
          entityType: "Org",
          entityId: org.id,
          orgId: org.id,
          before: { code: org.code, name: org.name, nameEn: org.nameEn, type: org.type },
          after,
        },
      });
    });
    return { version };
  } catch (error) {
    if (codeTaken(error)) throw new ValidationError("The code is taken", { code: ["orgCodeTaken"] });
    throw error;
  }
}
