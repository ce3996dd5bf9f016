import "server-only";
import type { Writable } from "node:stream";
import { dayString } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { localized } from "@/lib/org-label";
import { pathUnderSql, reachesPath, scopePatterns } from "@/lib/server/access/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import { prisma } from "@/lib/server/db";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { managesRatings } from "@/lib/server/ratings/schemes";
import { writeLedgerWorkbook } from "@/lib/server/ledger-workbook";

/**
 * The year's bars from awards (取消评先评优资格): the committee names a unit,
 * or one of its secretaries, with the reason; the list goes to whoever
 * picks the year's awards. The committee keeps it for the units in its
 * reach; a unit's readers see their own unit's.
 */

export type AwardBarRow = {
  id: string;
  orgId: string;
  org: string;
  orgEn: string | null;
  /** The secretary barred; null for the unit itself. */
  person: string | null;
  reason: string;
  decidedBy: string | null;
  createdAt: Date;
};

async function committeeOrg(actor: Actor, orgId: string) {
  const org = await prisma.org.findUnique({ where: { id: orgId }, select: { id: true, path: true } });
  if (!org || !managesRatings(actor) || !reachesPath(actor, "rating.manage", org.path)) throw new NotFoundError();
  return org;
}

/** The unit's secretaries who may be barred: active accounts holding the secretary's role on the unit itself. */
export function barCandidates(orgId: string) {
  return prisma.user.findMany({
    where: { isActive: true, roles: { some: { orgId, role: "SECRETARY" } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** Bars the unit, or with `userId` one of its secretaries, from the year's awards; once each. Returns the bar's id. */
export async function addAwardBar(actor: Actor, input: { periodId: string; orgId: string; userId: string | null; reason: string }): Promise<string> {
  await committeeOrg(actor, input.orgId);
  const period = await prisma.period.findUnique({ where: { id: input.periodId }, select: { kind: true } });
  if (period?.kind !== "YEAR") throw new NotFoundError();
  if (input.userId && !(await barCandidates(input.orgId)).some((u) => u.id === input.userId)) {
    throw new ValidationError("Only one of the unit's secretaries can be barred", { userId: ["notUnitSecretary"] });
  }
  return prisma.$transaction(async (tx) => {
    // The unit's row, locked: two committee members barring the same person go one after the other.
    await tx.$queryRaw`SELECT "id" FROM "Org" WHERE "id" = ${input.orgId} FOR NO KEY UPDATE`;
    const same = await tx.awardBar.count({ where: { periodId: input.periodId, orgId: input.orgId, userId: input.userId } });
    if (same > 0) throw new ValidationError("Already barred this year", { userId: ["alreadyBarred"] });
    const bar = await tx.awardBar.create({ data: { ...input, decidedById: actor.id }, select: { id: true } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "rating.awardBar.add",
      entityType: "AwardBar",
      entityId: bar.id,
      orgId: input.orgId,
      after: { periodId: input.periodId, userId: input.userId, reason: input.reason },
    });
    return bar.id;
  });
}

/** Lifts a bar (one made in error, or reconsidered); audited with what it was. */
export async function removeAwardBar(actor: Actor, input: { orgId: string; barId: string }): Promise<void> {
  await committeeOrg(actor, input.orgId);
  await prisma.$transaction(async (tx) => {
    const bar = await tx.awardBar.findFirst({ where: { id: input.barId, orgId: input.orgId } });
    if (!bar) throw new NotFoundError();
    await tx.awardBar.delete({ where: { id: bar.id } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "rating.awardBar.remove",
      entityType: "AwardBar",
      entityId: bar.id,
      orgId: bar.orgId,
      before: { periodId: bar.periodId, userId: bar.userId, reason: bar.reason },
    });
  });
}

/**
 * The year's bars the reader may see, by unit code, the unit's own bar
 * before its secretaries': all within the committee's reach, or a unit's
 * own for its readers; `orgId` narrows to one unit.
 */
export async function listAwardBars(actor: Actor, periodId: string, orgId?: string): Promise<AwardBarRow[]> {
  const patterns = scopePatterns(actor, managesRatings(actor) ? "rating.manage" : "rating.read");
  return prisma.$queryRaw<AwardBarRow[]>`
    SELECT b."id", b."orgId", o."name" AS org, o."nameEn" AS "orgEn", u."name" AS person, b."reason", d."name" AS "decidedBy", b."createdAt"
      FROM "AwardBar" b
      JOIN "Org" o ON o."id" = b."orgId"
      LEFT JOIN "User" u ON u."id" = b."userId"
      LEFT JOIN "User" d ON d."id" = b."decidedById"
     WHERE b."periodId" = ${periodId}
       AND ${orgId ? Prisma.sql`b."orgId" = ${orgId}` : Prisma.sql`TRUE`}
       AND ${pathUnderSql(Prisma.sql`o."path"`, patterns)}
     ORDER BY o."code", u."name" NULLS FIRST, b."createdAt"`;
}

const COLUMNS = [
  { key: "no", width: 6 },
  { key: "org", width: 34 },
  { key: "person", width: 16 },
  { key: "reason", width: 48 },
  { key: "decidedBy", width: 12 },
  { key: "decidedOn", width: 12 },
] as const;

/** The year's bars as the reader may see them, as an .xlsx: a title row, the headers, one row per bar. */
export async function writeAwardBarWorkbook(actor: Actor, period: { id: string; year: number }, output: Writable, options: { t: Translate; locale: string; now?: Date }) {
  const { t, locale, now } = options;
  const rows = await listAwardBars(actor, period.id);
  await writeLedgerWorkbook(
    output,
    { sheet: t("ratings.bars.sheet"), title: `${t("ratings.bars.title", { year: period.year })} · ${t("ratings.export.exportedOn", { date: dayString(now) })}`, orientation: "portrait" },
    COLUMNS.map((c) => ({ ...c, wrap: c.key === "reason", header: t(`ratings.bars.columns.${c.key}`) })),
    rows.map((r, i) => ({
      no: i + 1,
      org: localized(r.org, r.orgEn, locale),
      person: r.person ?? t("ratings.bars.theUnit"),
      reason: r.reason,
      decidedBy: r.decidedBy ?? "",
      decidedOn: dayString(r.createdAt),
    })),
  );
  return rows.length;
}
