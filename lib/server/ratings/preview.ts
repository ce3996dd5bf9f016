import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { scoreUnits, type UnitScore } from "@/lib/ratings/score";
import { pathUnderSql, scopePatterns } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { getRatingScheme, type SchemeView } from "@/lib/server/ratings/schemes";
import { type RatedYear, unitFacts } from "@/lib/server/ratings/unit-facts";

export type RatedUnit = UnitScore & { name: string; nameEn: string | null; code: string };

export type RatingPreview = { scheme: SchemeView; units: RatedUnit[] };

/**
 * The year's scores as they stand on `day`, for the committee to look at
 * before anything is published: every open organization of the rated types
 * within the actor's reach, scored under the year's scheme from the ledger.
 * The rated part counts nothing until the ratings are given. Units come by
 * type, then rank, then name.
 */
export async function previewRatings(actor: Actor, periodId: string, day = new Date()): Promise<RatingPreview> {
  const scheme = await getRatingScheme(actor, periodId);
  const periods = await prisma.period.findMany({ where: { year: scheme.year }, select: { id: true, quarter: true, startsOn: true, endsOn: true } });
  const whole = periods.find((p) => p.quarter === 0)!;
  const year: RatedYear = { periodIds: periods.map((p) => p.id), startsOn: whole.startsOn, endsOn: whole.endsOn };

  const units = await prisma.$queryRaw<{ id: string; name: string; nameEn: string | null; code: string; type: RatedUnit["orgType"] }[]>`
    SELECT o."id", o."name", o."nameEn", o."code", o."type"::text AS "type"
      FROM "Org" o
     WHERE o."type"::text = ANY (${scheme.config.ratedTypes}::text[]) AND o."closedAt" IS NULL
       AND ${pathUnderSql(Prisma.sql`o."path"`, scopePatterns(actor, "rating.manage"))}`;
  const facts = await unitFacts(
    units.map((u) => u.id),
    year,
    day,
  );
  const scores = scoreUnits(
    scheme.config,
    units.map((u) => ({ orgId: u.id, orgType: u.type, facts: facts.get(u.id)!, ratings: { self: null, superior: null, democratic: null }, adjustments: [] })),
  );
  const byId = new Map(units.map((u) => [u.id, u]));
  const typeOrder = (type: RatedUnit["orgType"]) => scheme.config.ratedTypes.indexOf(type as (typeof scheme.config.ratedTypes)[number]);
  const rated = scores.map((s) => {
    const unit = byId.get(s.orgId)!;
    return { ...s, name: unit.name, nameEn: unit.nameEn, code: unit.code };
  });
  rated.sort((a, b) => typeOrder(a.orgType) - typeOrder(b.orgType) || a.rank - b.rank || a.code.localeCompare(b.code));
  return { scheme, units: rated };
}
