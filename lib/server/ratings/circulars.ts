import "server-only";
import { isoDay } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RectificationState } from "@/lib/generated/prisma/enums";
import { draftCircular } from "@/lib/ratings/circular-draft";
import { pathUnderSql, reachesPath, scopePatterns } from "@/lib/server/access/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { checkVersion } from "@/lib/server/db/versioned-write";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { previewRatings } from "@/lib/server/ratings/preview";
import { assertManages, managesRatings, readScheme } from "@/lib/server/ratings/schemes";
import { ratedYearOf } from "@/lib/server/ratings/unit-facts";
import type { VersionChange } from "@/lib/version-change";
import { notifyOrgHolders } from "@/lib/server/notifications/notify";
import { visitRoundSql } from "@/lib/server/inspections/standing-round";

/**
 * The committee's circulars (通报) on a year: drafted from the year's data,
 * edited, frozen when issued; once issued, the readers of every unit a
 * circular names see it. The committee sees its own within its reach.
 */

export type CircularSummary = { id: string; title: string; number: string; status: "DRAFT" | "ISSUED"; issuedAt: Date | null; updatedAt: Date };

export type CircularView = CircularSummary & {
  periodId: string;
  year: number;
  body: string;
  version: number;
  issuedBy: string | null;
  named: { id: string; name: string; nameEn: string | null }[];
  /** The committee that issues it: the top of the named units' tree (null while none is named). */
  issuer: { name: string; nameEn: string | null } | null;
  /** The committee's: may edit and issue (a draft), or read it as issued. */
  canEdit: boolean;
};

/** The findings of the year the committee reaches, each with the unit (the organization under the tree's top) it belongs to. */
async function yearFindings(actor: Actor, year: number) {
  const { startsOn, endsOn } = await ratedYearOf(prisma, year);
  return prisma.$queryRaw<{ unitId: string; unit: string; category: string; description: string; state: RectificationState }[]>`
    SELECT u."id" AS "unitId", u."name" AS unit, c."name" AS category, f."description", f."state"::text AS state
      FROM "Finding" f
      JOIN "Org" o ON o."id" = f."orgId"
      JOIN "Org" u ON u."id" = coalesce(nullif(split_part(btrim(o."path", '/'), '/', 2), ''), o."id")
      JOIN "FindingCategory" c ON c."id" = f."categoryId"
      JOIN "InspectionReport" r ON r."id" = f."reportId" AND r."status" = 'ISSUED'
      JOIN "InspectionRound" rd ON rd."id" = f."roundId" AND ${visitRoundSql()}
     WHERE rd."startsOn" BETWEEN ${isoDay(startsOn)}::date AND ${isoDay(endsOn)}::date
       AND ${pathUnderSql(Prisma.sql`o."path"`, scopePatterns(actor, "rating.manage"))}
     ORDER BY u."code", rd."startsOn", f."seq"`;
}

/** Drafts a new circular on the year from its data, and keeps it as the committee's draft. Returns its id. */
export async function createCircular(actor: Actor, periodId: string): Promise<string> {
  assertManages(actor);
  const scheme = await readScheme(prisma, periodId);
  const [findings, results] = await Promise.all([yearFindings(actor, scheme.year), scheme.publishedAt ? previewRatings(actor, periodId) : null]);
  // The committee is the tree's top where the actor manages ratings.
  const committee = actor.grants.find((g) => g.orgPath.split("/").filter(Boolean).length === 1)!;
  const draft = draftCircular({
    committee: committee.orgName,
    year: scheme.year,
    findings,
    ranking: results?.units.map((u) => ({ unit: u.name, grade: u.grade, total: u.total, rank: u.rank })) ?? null,
  });
  return prisma.$transaction(async (tx) => {
    const circular = await tx.circular.create({
      data: { periodId, title: draft.title, body: draft.body, createdById: actor.id, named: { create: draft.namedUnitIds.map((orgId) => ({ orgId })) } },
      select: { id: true },
    });
    await writeAudit(tx, { actorId: actor.id, action: "rating.circular.create", entityType: "Circular", entityId: circular.id });
    return circular.id;
  });
}

async function committeeCircular(actor: Actor, id: string) {
  const circular = await prisma.circular.findUnique({ where: { id }, select: { id: true } });
  if (!circular || !managesRatings(actor)) throw new NotFoundError();
  return circular;
}

type SaveInput = { id: string; title: string; number: string; body: string; namedOrgIds: string[]; expectedVersion: number };

/** The committee edits a draft: its title, number, text and the units it names (units within its reach). */
export async function saveCircular(actor: Actor, input: SaveInput): Promise<VersionChange> {
  await committeeCircular(actor, input.id);
  const named = await prisma.org.findMany({ where: { id: { in: input.namedOrgIds } }, select: { id: true, path: true } });
  if (named.length !== new Set(input.namedOrgIds).size || named.some((o) => !reachesPath(actor, "rating.manage", o.path))) {
    throw new ValidationError("A named unit is out of reach", { namedOrgIds: ["notInScope"] });
  }
  return prisma.$transaction(async (tx) => {
    const current = await tx.circular.findUniqueOrThrow({ where: { id: input.id }, select: { status: true, version: true, body: true } });
    await checkVersion(current.version, input.expectedVersion, () => ({ version: current.version }));
    if (current.status === "ISSUED") throw new ValidationError("The circular is issued", { body: ["circularIssued"] });
    await tx.circularUnit.deleteMany({ where: { circularId: input.id } });
    await tx.circular.update({
      where: { id: input.id },
      data: { title: input.title, number: input.number, body: input.body, version: { increment: 1 }, named: { create: named.map((o) => ({ orgId: o.id })) } },
    });
    await writeAudit(tx, { actorId: actor.id, action: "rating.circular.save", entityType: "Circular", entityId: input.id, before: { body: current.body }, after: { body: input.body } });
    return { from: current.version, to: current.version + 1 };
  });
}

/** Issues a draft: dated today, frozen for good, and shown to the units it names. */
export async function issueCircular(actor: Actor, input: { id: string; expectedVersion: number }): Promise<VersionChange> {
  await committeeCircular(actor, input.id);
  return prisma.$transaction(async (tx) => {
    const current = await tx.circular.findUniqueOrThrow({ where: { id: input.id }, select: { status: true, version: true } });
    await checkVersion(current.version, input.expectedVersion, () => ({ version: current.version }));
    if (current.status === "ISSUED") throw new ValidationError("The circular is issued", { body: ["circularIssued"] });
    const issued = await tx.circular.update({
      where: { id: input.id },
      data: { status: "ISSUED", issuedAt: new Date(), issuedById: actor.id, version: { increment: 1 } },
      select: { title: true, named: { select: { orgId: true } } },
    });
    await writeAudit(tx, { actorId: actor.id, action: "rating.circular.issue", entityType: "Circular", entityId: input.id });
    // The named units' readers hear of it: the ones who may read it (namesReach).
    await notifyOrgHolders(tx, { kind: "CIRCULAR_ISSUED", orgIds: issued.named.map((n) => n.orgId), permission: "rating.read", actorId: actor.id, payload: { circularId: input.id, title: issued.title } });
    return { from: current.version, to: current.version + 1 };
  });
}

/** Whether a reader who is not the committee may see an issued circular: it names a unit within their reach. */
function namesReach(actor: Actor, paths: string[]): boolean {
  return paths.some((p) => reachesPath(actor, "rating.read", p));
}

/**
 * The year's circulars the reader may see, the latest first: all of them
 * for the committee, drafts included; the issued ones naming a unit within
 * their reach for everybody else.
 */
export async function listCirculars(actor: Actor, periodId: string): Promise<CircularSummary[]> {
  const committee = managesRatings(actor);
  const circulars = await prisma.circular.findMany({
    where: { periodId, ...(committee ? {} : { status: "ISSUED" }) },
    select: { id: true, title: true, number: true, status: true, issuedAt: true, updatedAt: true, named: { select: { org: { select: { path: true } } } } },
    orderBy: [{ issuedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return circulars
    .filter((c) => committee || namesReach(actor, c.named.map((n) => n.org.path)))
    .map(({ named: _named, ...c }) => c);
}

/** One circular, for the committee or (once issued) a reader of a unit it names; not found otherwise. */
export async function getCircular(actor: Actor, id: string): Promise<CircularView> {
  const c = await prisma.circular.findUnique({
    where: { id },
    include: { period: { select: { year: true } }, issuedBy: { select: { name: true } }, named: { select: { org: { select: { id: true, name: true, nameEn: true, path: true, code: true } } } } },
  });
  if (!c) throw new NotFoundError();
  const committee = managesRatings(actor);
  if (!committee && (c.status !== "ISSUED" || !namesReach(actor, c.named.map((n) => n.org.path)))) throw new NotFoundError();
  const rootId = c.named[0]?.org.path.split("/").filter(Boolean)[0];
  const issuer = rootId ? await prisma.org.findUnique({ where: { id: rootId }, select: { name: true, nameEn: true } }) : null;
  return {
    id: c.id,
    issuer,
    periodId: c.periodId,
    year: c.period.year,
    title: c.title,
    number: c.number,
    body: c.body,
    status: c.status,
    version: c.version,
    issuedAt: c.issuedAt,
    issuedBy: c.issuedBy?.name ?? null,
    updatedAt: c.updatedAt,
    named: c.named.map((n) => n.org).sort((a, b) => a.code.localeCompare(b.code)).map(({ id: orgId, name, nameEn }) => ({ id: orgId, name, nameEn })),
    canEdit: committee && c.status === "DRAFT",
  };
}
