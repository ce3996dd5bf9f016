import "server-only";
import { dayOf, isoDay } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/server/access/permissions";
import { reachesPath } from "@/lib/server/access/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { checkVersion, writeVersioned } from "@/lib/server/db/versioned-write";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { buildPool } from "@/lib/server/inspections/draw-pool";
import { checkRoundGroup } from "@/lib/server/inspections/groups";
import { checkMembers } from "@/lib/server/inspections/members";
import { drawSample, newSeed, type DrawRecord } from "@/lib/server/inspections/draw";
import { canDeleteRound, canManageRound } from "@/lib/server/inspections/scope";
import type { TCreateRoundParsed, TDeleteRound, TUpdateRoundParsed } from "@/lib/validation/inspections";
import type { VersionChange } from "@/lib/version-change";

type Tx = Prisma.TransactionClient;


/**
 * Creates a round with its group and one draft report per organization it
 * covers: picked by hand, or drawn at random from a pool with a recorded
 * seed and rule (lib/server/inspections/draw.ts) so that anyone can draw
 * the same sample again. Every organization lies within the round's scope,
 * which the creator must reach.
 */
export async function createRound(actor: Actor, input: TCreateRoundParsed, now: Date = new Date()): Promise<{ roundId: string }> {
  return prisma.$transaction(
    async (tx) => {
      const scope = await tx.org.findUnique({ where: { id: input.scopeOrgId }, select: { id: true, path: true } });
      if (!scope || !reachesPath(actor, "round.create", scope.path)) throw new NotFoundError();
      const isInspector = can(actor, "round.member");
      const memberIds = [...new Set([...input.memberIds, ...(isInspector ? [actor.id] : [])])];
      await checkMembers(tx, scope.path, memberIds);
      if (input.leaderId && !memberIds.includes(input.leaderId)) throw new ValidationError("The leader must be a member", { leaderId: ["notMember"] });
      await checkRoundGroup(tx, actor, input.groupId);

      let orgIds: string[];
      let draw: DrawRecord | null = null;
      if (input.mode === "draw" && input.draw) {
        const root = await tx.org.findUnique({ where: { id: input.draw.rootOrgId }, select: { path: true } });
        if (!root || !root.path.startsWith(scope.path)) throw new ValidationError("The pool must lie within the scope", { "draw.rootOrgId": ["outsideScope"] });
        const rule = { rootOrgId: input.draw.rootOrgId, orgTypes: input.draw.orgTypes, size: input.draw.size, weighting: input.draw.weighting };
        const pool = await buildPool(tx, rule, now);
        if (pool.length === 0) throw new ValidationError("Nothing to draw from", { "draw.orgTypes": ["emptyPool"] });
        const seed = input.draw.seed || newSeed();
        const picked = drawSample(pool, rule.size, seed);
        draw = { seed, rule, pool, picked };
        orgIds = picked;
      } else {
        orgIds = [...new Set(input.orgIds)];
        const inScope = await tx.org.count({ where: { id: { in: orgIds }, path: { startsWith: scope.path } } });
        if (inScope !== orgIds.length) throw new ValidationError("Every organization must lie within the scope", { orgIds: ["outsideScope"] });
      }

      const round = await tx.inspectionRound.create({
        data: {
          title: input.title,
          type: input.type,
          unannounced: input.unannounced,
          scopeOrgId: scope.id,
          groupId: input.groupId ?? null,
          startsOn: dayOf(input.startsOn),
          endsOn: dayOf(input.endsOn),
          createdById: actor.id,
          members: { create: memberIds.map((userId) => ({ userId, isLeader: userId === input.leaderId })) },
          reports: { create: orgIds.map((orgId) => ({ orgId })) },
          ...(draw
            ? {
                draw: {
                  create: {
                    seed: draw.seed,
                    rule: draw.rule as unknown as Prisma.InputJsonObject,
                    pool: draw.pool as unknown as Prisma.InputJsonArray,
                    picked: draw.picked,
                    createdById: actor.id,
                  },
                },
              }
            : {}),
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "round.create",
        entityType: "InspectionRound",
        entityId: round.id,
        orgId: scope.id,
        after: {
          title: input.title,
          type: input.type,
          unannounced: input.unannounced,
          memberIds,
          orgIds,
          ...(draw ? { draw: { seed: draw.seed, rule: draw.rule as unknown as Prisma.InputJsonObject, picked: draw.picked } } : {}),
        },
      });
      return { roundId: round.id };
    },
    { timeout: 30_000 },
  );
}

/** The round locked for a change by someone who may make it, at the version they saw. */
async function lockRound(tx: Tx, actor: Actor, roundId: string, expectedVersion: number) {
  await tx.$queryRaw`SELECT 1 FROM "InspectionRound" WHERE "id" = ${roundId} FOR UPDATE`;
  const round = await tx.inspectionRound.findUnique({
    where: { id: roundId },
    select: {
      id: true,
      title: true,
      startsOn: true,
      endsOn: true,
      version: true,
      createdById: true,
      scopeOrg: { select: { id: true, path: true } },
      members: { select: { userId: true, isLeader: true } },
    },
  });
  if (!round) throw new NotFoundError();
  const facts = { createdById: round.createdById, leaderIds: round.members.filter((m) => m.isLeader).map((m) => m.userId), scopePath: round.scopeOrg.path };
  if (!canManageRound(actor, facts)) throw new NotFoundError();
  await checkVersion(round.version, expectedVersion, () => ({ version: round.version }));
  return round;
}

/**
 * Changes a round's title, dates and group. Its type, scope and
 * organizations stay as created: the reports and any draw rest on them.
 * Inspectors who leave the group stay named on the reports they wrote.
 */
export async function updateRound(actor: Actor, input: TUpdateRoundParsed): Promise<{ version: VersionChange }> {
  return prisma.$transaction(async (tx) => {
    const round = await lockRound(tx, actor, input.roundId, input.expectedVersion);
    const memberIds = [...new Set(input.memberIds)];
    await checkMembers(tx, round.scopeOrg.path, memberIds);
    if (input.leaderId && !memberIds.includes(input.leaderId)) throw new ValidationError("The leader must be a member", { leaderId: ["notMember"] });
    await tx.inspectionMember.deleteMany({ where: { roundId: round.id, userId: { notIn: memberIds } } });
    for (const userId of memberIds) {
      await tx.inspectionMember.upsert({
        where: { roundId_userId: { roundId: round.id, userId } },
        create: { roundId: round.id, userId, isLeader: userId === input.leaderId },
        update: { isLeader: userId === input.leaderId },
      });
    }
    const version = await writeVersioned(tx, {
      version: round.version,
      expected: input.expectedVersion,
      state: () => ({ version: round.version }),
      update: (version) =>
        tx.inspectionRound.updateMany({
          where: { id: round.id, version },
          data: { title: input.title, startsOn: dayOf(input.startsOn), endsOn: dayOf(input.endsOn), version: { increment: 1 } },
        }),
      audit: {
        actorId: actor.id,
        action: "round.update",
        entityType: "InspectionRound",
        entityId: round.id,
        orgId: round.scopeOrg.id,
        before: {
          title: round.title,
          startsOn: isoDay(round.startsOn),
          endsOn: isoDay(round.endsOn),
          memberIds: round.members.map((m) => m.userId),
          leaderId: round.members.find((m) => m.isLeader)?.userId ?? null,
        },
        after: { title: input.title, startsOn: input.startsOn, endsOn: input.endsOn, memberIds, leaderId: input.leaderId ?? null },
      },
    });
    return { version };
  });
}

/** Removes a round made by mistake, with its group, draw and draft reports, while nothing of it has reached anyone. */
export async function deleteRound(actor: Actor, input: TDeleteRound): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const round = await lockRound(tx, actor, input.roundId, input.expectedVersion);
    const issued = await tx.inspectionReport.count({ where: { roundId: round.id, status: "ISSUED" } });
    const findings = await tx.finding.count({ where: { roundId: round.id } });
    if (!canDeleteRound({ issued, findings })) throw new ValidationError("The round has issued reports or findings", { roundId: ["roundInUse"] });
    await tx.inspectionRound.delete({ where: { id: round.id } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "round.delete",
      entityType: "InspectionRound",
      entityId: round.id,
      orgId: round.scopeOrg.id,
      before: { title: round.title, startsOn: isoDay(round.startsOn), endsOn: isoDay(round.endsOn), memberIds: round.members.map((m) => m.userId) },
    });
  });
}
