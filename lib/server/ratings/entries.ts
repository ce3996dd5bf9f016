import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RatingSource } from "@/lib/generated/prisma/enums";
import { type DimensionScores, meanOf, ratingOf, scoreErrors } from "@/lib/ratings/ratings";
import type { RatingScheme } from "@/lib/ratings/scheme";
import type { Adjustment, Ratings } from "@/lib/ratings/score";
import { holdsOn, reachesPath } from "@/lib/server/access/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { managesRatings, readScheme, type SchemeView } from "@/lib/server/ratings/schemes";

/**
 * The ratings people give a unit's year (the self-rating, the superior's
 * rating, the democratic ballots) and the committee's adjustments. The
 * first of them freezes the year's scheme: from then on the weights and
 * dimensions the ratings were given against stay as they were. Nothing is
 * rated once the year's results are published.
 */

type Tx = Prisma.TransactionClient;

type RatedOrg = { id: string; path: string };

/** Who may write what about a rated unit: its own secretary the self-rating, the committee above it the rest. */
/** Who writes: the unit itself, the committee, or an attendee of its report meeting (whom the meeting's own checks admit). */
export type Writer = "self" | "committee" | "attendee";

/** Whether `actor` gives the self-rating of the unit `orgId`: a secretary's grant on the unit itself. */
export function ratesSelf(actor: Actor, orgId: string): boolean {
  return holdsOn(actor, "rating.self", orgId);
}

function mayWrite(actor: Actor, writer: Writer, org: RatedOrg): boolean {
  if (writer === "attendee") return true;
  return writer === "committee" ? managesRatings(actor) && reachesPath(actor, "rating.manage", org.path) : ratesSelf(actor, org.id);
}

/**
 * Opens a write about one rated unit of a year: the period's row locked (so
 * that the scheme, its freezing and the ballot numbers are settled one
 * write at a time), the writer checked, the unit one the scheme rates, the
 * year not yet published, and (for a rating, not a report) the scheme
 * frozen from now on.
 */
export async function openRatedWrite(
  tx: Tx,
  actor: Actor,
  writer: Writer,
  periodId: string,
  orgId: string,
  { freeze = true } = {},
): Promise<{ scheme: SchemeView; org: RatedOrg }> {
  const [period] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Period" WHERE "id" = ${periodId} AND "kind" = 'YEAR' FOR NO KEY UPDATE`;
  if (!period) throw new NotFoundError();
  const org = await tx.org.findUnique({ where: { id: orgId }, select: { id: true, path: true, type: true, closedAt: true } });
  if (!org || !mayWrite(actor, writer, org)) throw new NotFoundError();
  const scheme = await readScheme(tx, periodId);
  if (!(scheme.config.ratedTypes as readonly string[]).includes(org.type) || org.closedAt) {
    throw new ValidationError("The unit is not rated this year", { orgId: ["notRated"] });
  }
  if (scheme.publishedAt) throw new ValidationError("The year's results are published", { periodId: ["published"] });
  if (freeze && !scheme.frozenAt) {
    const frozenAt = new Date();
    if (scheme.version === 0) {
      await tx.ratingScheme.create({ data: { periodId, config: scheme.config as unknown as Prisma.InputJsonValue, frozenAt } });
    } else {
      await tx.ratingScheme.update({ where: { periodId }, data: { frozenAt } });
    }
    await writeAudit(tx, { actorId: actor.id, action: "rating.scheme.freeze", entityType: "RatingScheme", entityId: periodId });
  }
  return { scheme, org };
}

export function checkScores(scores: Record<string, unknown>, scheme: RatingScheme): DimensionScores {
  const errors = scoreErrors(scores, scheme.rated.dimensions);
  if (Object.keys(errors).length > 0) {
    throw new ValidationError("The scores do not match the scheme's dimensions", Object.fromEntries(Object.entries(errors).map(([key, e]) => [`scores.${key}`, e])));
  }
  return scores as DimensionScores;
}

type RatingInput = { periodId: string; orgId: string; scores: Record<string, unknown> };

async function saveOne(actor: Actor, writer: Writer, source: Exclude<RatingSource, "DEMOCRATIC">, input: RatingInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { scheme } = await openRatedWrite(tx, actor, writer, input.periodId, input.orgId);
    const scores = checkScores(input.scores, scheme.config) as Prisma.InputJsonValue;
    const key = { periodId: input.periodId, orgId: input.orgId, source, ballot: 0 };
    const before = await tx.ratingEntry.findUnique({ where: { periodId_orgId_source_ballot: key }, select: { scores: true } });
    await tx.ratingEntry.upsert({
      where: { periodId_orgId_source_ballot: key },
      create: { ...key, scores, enteredById: actor.id },
      update: { scores, enteredById: actor.id },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: `rating.${source.toLowerCase()}.save`,
      entityType: "RatingEntry",
      entityId: `${input.periodId}/${input.orgId}/${source}`,
      orgId: input.orgId,
      before: (before?.scores as Prisma.InputJsonValue | undefined) ?? null,
      after: scores,
    });
  });
}

/** The unit's own secretary rates its year (自评), or changes the rating until the results are published. */
export function saveSelfRating(actor: Actor, input: RatingInput): Promise<void> {
  return saveOne(actor, "self", "SELF", input);
}

/** The working committee rates a unit's year as its superior (上级评价). */
export function saveSuperiorRating(actor: Actor, input: RatingInput): Promise<void> {
  return saveOne(actor, "committee", "SUPERIOR", input);
}

/** Committee staff enter one paper ballot of the report meeting's democratic rating (民主测评); returns its number. */
export async function addDemocraticBallot(actor: Actor, input: RatingInput): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const { scheme } = await openRatedWrite(tx, actor, "committee", input.periodId, input.orgId);
    const scores = checkScores(input.scores, scheme.config) as Prisma.InputJsonValue;
    const last = await tx.ratingEntry.aggregate({ where: { periodId: input.periodId, orgId: input.orgId, source: "DEMOCRATIC" }, _max: { ballot: true } });
    const ballot = (last._max.ballot ?? 0) + 1;
    await tx.ratingEntry.create({ data: { periodId: input.periodId, orgId: input.orgId, source: "DEMOCRATIC", ballot, scores, enteredById: actor.id } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "rating.ballot.add",
      entityType: "RatingEntry",
      entityId: `${input.periodId}/${input.orgId}/DEMOCRATIC/${ballot}`,
      orgId: input.orgId,
      after: scores,
    });
    return ballot;
  });
}

/** Takes back a ballot entered by mistake; the others keep their numbers. */
export async function removeDemocraticBallot(actor: Actor, input: { periodId: string; orgId: string; ballot: number }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await openRatedWrite(tx, actor, "committee", input.periodId, input.orgId);
    const key = { periodId: input.periodId, orgId: input.orgId, source: "DEMOCRATIC" as const, ballot: input.ballot };
    const entry = await tx.ratingEntry.findUnique({ where: { periodId_orgId_source_ballot: key }, select: { id: true, scores: true } });
    if (!entry) throw new NotFoundError();
    await tx.ratingEntry.delete({ where: { id: entry.id } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "rating.ballot.remove",
      entityType: "RatingEntry",
      entityId: `${input.periodId}/${input.orgId}/DEMOCRATIC/${input.ballot}`,
      orgId: input.orgId,
      before: entry.scores as Prisma.InputJsonValue,
    });
  });
}

/** The committee gives bonus points (positive) or a deduction (negative), in hundredths at most, with the reason. */
export async function addRatingAdjustment(actor: Actor, input: { periodId: string; orgId: string; points: number; reason: string }): Promise<string> {
  return prisma.$transaction(async (tx) => {
    await openRatedWrite(tx, actor, "committee", input.periodId, input.orgId);
    const adjustment = await tx.ratingAdjustment.create({
      data: { periodId: input.periodId, orgId: input.orgId, points: input.points.toFixed(2), reason: input.reason, byId: actor.id },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "rating.adjustment.add",
      entityType: "RatingAdjustment",
      entityId: adjustment.id,
      orgId: input.orgId,
      after: { points: input.points, reason: input.reason },
    });
    return adjustment.id;
  });
}

export async function removeRatingAdjustment(actor: Actor, input: { periodId: string; orgId: string; adjustmentId: string }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await openRatedWrite(tx, actor, "committee", input.periodId, input.orgId);
    const adjustment = await tx.ratingAdjustment.findFirst({ where: { id: input.adjustmentId, periodId: input.periodId, orgId: input.orgId } });
    if (!adjustment) throw new NotFoundError();
    await tx.ratingAdjustment.delete({ where: { id: adjustment.id } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "rating.adjustment.remove",
      entityType: "RatingAdjustment",
      entityId: adjustment.id,
      orgId: input.orgId,
      before: { points: Number(adjustment.points), reason: adjustment.reason },
    });
  });
}

export type RatingInputs = { ratings: Ratings; adjustments: Adjustment[]; ballots: number };

const NO_INPUTS: RatingInputs = { ratings: { self: null, superior: null, democratic: null }, adjustments: [], ballots: 0 };

/**
 * What people gave each of `orgIds` for the year: the self and superior
 * ratings and the democratic one (the mean of the ballots' ratings), each
 * the mean of its dimensions; and the adjustments, oldest first.
 */
export async function ratingInputs(periodId: string, orgIds: readonly string[], scheme: RatingScheme, db: Tx = prisma): Promise<Map<string, RatingInputs>> {
  const [entries, adjustments] = await Promise.all([
    db.ratingEntry.findMany({ where: { periodId, orgId: { in: [...orgIds] } }, select: { orgId: true, source: true, scores: true } }),
    db.ratingAdjustment.findMany({
      where: { periodId, orgId: { in: [...orgIds] } },
      select: { orgId: true, points: true, reason: true, by: { select: { name: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const { dimensions } = scheme.rated;
  const byOrg = new Map<string, { self: number | null; superior: number | null; ballots: number[]; adjustments: Adjustment[] }>();
  const of = (orgId: string) => {
    let found = byOrg.get(orgId);
    if (!found) byOrg.set(orgId, (found = { self: null, superior: null, ballots: [], adjustments: [] }));
    return found;
  };
  for (const e of entries) {
    const rating = ratingOf(e.scores as DimensionScores, dimensions);
    const unit = of(e.orgId);
    if (e.source === "SELF") unit.self = rating;
    else if (e.source === "SUPERIOR") unit.superior = rating;
    else if (rating !== null) unit.ballots.push(rating);
  }
  for (const a of adjustments) of(a.orgId).adjustments.push({ points: Number(a.points), reason: a.reason, by: a.by?.name ?? "—" });
  return new Map(
    orgIds.map((id) => {
      const unit = byOrg.get(id);
      if (!unit) return [id, NO_INPUTS];
      return [id, { ratings: { self: unit.self, superior: unit.superior, democratic: meanOf(unit.ballots) }, adjustments: unit.adjustments, ballots: unit.ballots.length }];
    }),
  );
}

export type RatingSheet = {
  self: { scores: DimensionScores; by: string | null; at: Date } | null;
  superior: { scores: DimensionScores; by: string | null; at: Date } | null;
  ballots: { ballot: number; scores: DimensionScores; by: string | null }[];
  adjustments: { id: string; points: number; reason: string; by: string | null; at: Date }[];
};

/** Everything entered about one unit's year, as the committee's entry page lists it. Callers check who asks. */
export async function ratingSheet(periodId: string, orgId: string): Promise<RatingSheet> {
  const [entries, adjustments] = await Promise.all([
    prisma.ratingEntry.findMany({
      where: { periodId, orgId },
      select: { source: true, ballot: true, scores: true, updatedAt: true, voterId: true, enteredBy: { select: { name: true } } },
      orderBy: [{ source: "asc" }, { ballot: "asc" }],
    }),
    prisma.ratingAdjustment.findMany({
      where: { periodId, orgId },
      select: { id: true, points: true, reason: true, createdAt: true, by: { select: { name: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const one = (source: RatingSource) => {
    const e = entries.find((x) => x.source === source);
    return e ? { scores: e.scores as DimensionScores, by: e.enteredBy?.name ?? null, at: e.updatedAt } : null;
  };
  return {
    self: one("SELF"),
    superior: one("SUPERIOR"),
    // A ballot an attendee cast in the app names nobody: the democratic rating is secret; one entered from paper names who entered it.
    ballots: entries.filter((e) => e.source === "DEMOCRATIC").map((e) => ({ ballot: e.ballot, scores: e.scores as DimensionScores, by: e.voterId ? null : (e.enteredBy?.name ?? null) })),
    adjustments: adjustments.map((a) => ({ id: a.id, points: Number(a.points), reason: a.reason, by: a.by?.name ?? null, at: a.createdAt })),
  };
}

/** A unit's names and type, for the page of its rating. Callers check who asks. */
export function ratedUnitLabel(orgId: string) {
  return prisma.org.findUnique({ where: { id: orgId }, select: { name: true, nameEn: true, type: true, closedAt: true } });
}
