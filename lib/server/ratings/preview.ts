import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { scoreUnits, type UnitScore } from "@/lib/ratings/score";
import { pathUnderSql, scopePatterns } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { ratingInputs } from "@/lib/server/ratings/entries";
import { assertManages, getRatingScheme, readScheme, type SchemeView } from "@/lib/server/ratings/schemes";
import { ratedYearOf, unitFacts } from "@/lib/server/ratings/unit-facts";
import { notifyOrgHolders } from "@/lib/server/notifications/notify";

type Tx = Prisma.TransactionClient;

export type RatedUnit = UnitScore & { name: string; nameEn: string | null; code: string };

export type RatingPreview = { scheme: SchemeView; units: RatedUnit[] };

type UnitRow = { id: string; name: string; nameEn: string | null; code: string; type: RatedUnit["orgType"] };

/** Units by their type's place in the scheme, then rank, then code. */
function sortRated(scheme: SchemeView, units: RatedUnit[]): RatedUnit[] {
  const typeOrder = (type: RatedUnit["orgType"]) => (scheme.config.ratedTypes as readonly string[]).indexOf(type);
  return units.sort((a, b) => typeOrder(a.orgType) - typeOrder(b.orgType) || a.rank - b.rank || a.code.localeCompare(b.code));
}

/** The open organizations of the scheme's rated types under `patterns`. */
function ratedUnitRows(db: Tx, scheme: SchemeView, patterns: string[]): Promise<UnitRow[]> {
  return db.$queryRaw<UnitRow[]>`
    SELECT o."id", o."name", o."nameEn", o."code", o."type"::text AS "type"
      FROM "Org" o
     WHERE o."type"::text = ANY (${scheme.config.ratedTypes}::text[]) AND o."closedAt" IS NULL
       AND ${pathUnderSql(Prisma.sql`o."path"`, patterns)}
     ORDER BY o."code"`;
}

/** The units the committee rates this year, by code, without scoring them: for a list to pick from. */
export async function ratedUnitList(actor: Actor, periodId: string): Promise<Omit<UnitRow, "type">[]> {
  const scheme = await getRatingScheme(actor, periodId);
  return (await ratedUnitRows(prisma, scheme, scopePatterns(actor, "rating.manage"))).map(({ type: _type, ...u }) => u);
}

/**
 * Scores the year as it stands on `day`: every open organization of the
 * rated types under `patterns`, from the ledger and from what people have
 * rated and adjusted so far.
 */
async function scoreYear(db: Tx, scheme: SchemeView, patterns: string[], day: Date): Promise<RatedUnit[]> {
  const year = await ratedYearOf(db, scheme.year);

  const units = await ratedUnitRows(db, scheme, patterns);
  const ids = units.map((u) => u.id);
  const [facts, inputs] = await Promise.all([unitFacts(ids, year, day, db), ratingInputs(scheme.periodId, ids, scheme.config, db)]);
  const scores = scoreUnits(
    scheme.config,
    units.map((u) => ({ orgId: u.id, orgType: u.type, facts: facts.get(u.id)!, ...inputs.get(u.id)! })),
  );
  const byId = new Map(units.map((u) => [u.id, u]));
  return sortRated(
    scheme,
    scores.map((s) => {
      const unit = byId.get(s.orgId)!;
      return { ...s, name: unit.name, nameEn: unit.nameEn, code: unit.code };
    }),
  );
}

/** The results kept at publication for the units under `patterns`. */
async function publishedUnits(scheme: SchemeView, patterns: string[]): Promise<RatedUnit[]> {
  const rows = await prisma.$queryRaw<(UnitRow & { score: UnitScore })[]>`
    SELECT o."id", o."name", o."nameEn", o."code", r."orgType"::text AS "type", r."score"
      FROM "RatingResult" r
      JOIN "Org" o ON o."id" = r."orgId"
     WHERE r."periodId" = ${scheme.periodId} AND ${pathUnderSql(Prisma.sql`o."path"`, patterns)}`;
  return sortRated(
    scheme,
    rows.map((r) => ({ ...r.score, name: r.name, nameEn: r.nameEn, code: r.code })),
  );
}

/**
 * The year's scores for the committee: before publication, as they stand
 * on `day` (every open unit of the rated types within the actor's reach,
 * scored under the year's scheme from the ledger and the ratings given so
 * far; a rating not given counts nothing), and nobody else sees them; once
 * published, the results as they were kept then. Units come by type, then
 * rank, then code.
 */
export async function previewRatings(actor: Actor, periodId: string, day = new Date()): Promise<RatingPreview> {
  const scheme = await getRatingScheme(actor, periodId);
  const patterns = scopePatterns(actor, "rating.manage");
  const units = scheme.publishedAt ? await publishedUnits(scheme, patterns) : await scoreYear(prisma, scheme, patterns, day);
  return { scheme, units };
}

/**
 * The year's published results a reader may see: those of the units within
 * their subtrees (their own unit's, for a unit's secretary), each with its
 * explanation, grade and rank among the units of its type. Empty before
 * publication.
 */
export async function publishedRatings(actor: Actor, periodId: string): Promise<RatingPreview> {
  const scheme = await readScheme(prisma, periodId);
  if (!scheme.publishedAt) return { scheme, units: [] };
  return { scheme, units: await publishedUnits(scheme, scopePatterns(actor, "rating.read")) };
}

/**
 * Publishes the year's results: scores every unit the committee rates as it
 * stands now, keeps each result with its explanation, and closes the year
 * to further ratings and adjustments (and the scheme to changes). Done once,
 * under the period's lock that every rating write takes, so that what is
 * kept is what was rated. Returns the number of units published.
 */
export async function publishRatings(actor: Actor, periodId: string, day = new Date()): Promise<number> {
  assertManages(actor);
  return prisma.$transaction(
    async (tx) => {
      const [period] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Period" WHERE "id" = ${periodId} AND "kind" = 'YEAR' FOR NO KEY UPDATE`;
      if (!period) throw new NotFoundError();
      const scheme = await readScheme(tx, periodId);
      if (scheme.publishedAt) throw new ValidationError("The year's results are already published", { periodId: ["published"] });
      const units = await scoreYear(tx, scheme, scopePatterns(actor, "rating.manage"), day);
      await tx.ratingResult.createMany({
        data: units.map(({ name: _n, nameEn: _e, code: _c, ...score }) => ({
          periodId,
          orgId: score.orgId,
          orgType: score.orgType,
          total: score.total.toFixed(2),
          grade: score.grade,
          rank: score.rank,
          of: score.of,
          score: score as unknown as Prisma.InputJsonValue,
        })),
      });
      const now = new Date();
      const published = { publishedAt: now, publishedById: actor.id, frozenAt: scheme.frozenAt ?? now };
      if (scheme.version === 0) {
        await tx.ratingScheme.create({ data: { periodId, config: scheme.config as unknown as Prisma.InputJsonValue, ...published } });
      } else {
        await tx.ratingScheme.update({ where: { periodId }, data: published });
      }
      await writeAudit(tx, { actorId: actor.id, action: "rating.publish", entityType: "RatingScheme", entityId: periodId, after: { units: units.length } });
      // Each unit's readers hear that its result can be read.
      await notifyOrgHolders(tx, { kind: "RATINGS_PUBLISHED", orgIds: units.map((u) => u.orgId), permission: "rating.read", actorId: actor.id, payload: { periodId, year: scheme.year } });
      return units.length;
    },
    { timeout: 60_000 },
  );
}
