import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AcceptanceParty } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { closeoutParties } from "@/lib/server/inspections/config";
import { pathUnderSql, scopePatterns } from "@/lib/server/access/scope";
import { acceptsAsSql, unitAcceptancePaths } from "@/lib/server/inspections/scope";

export const ACCEPTANCE_PAGE_SIZE = 20;

export type AcceptanceQueueRow = {
  id: string;
  seq: number;
  description: string;
  submittedAt: Date | null;
  deadline: Date | null;
  orgName: string;
  orgNameEn: string | null;
  roundTitle: string;
  /** The parties the actor may still accept this attempt as. */
  parties: AcceptanceParty[];
};

/**
 * The submitted findings (not the actor's own submissions) the actor could
 * accept as some party, each set read from its own index: the rounds whose
 * group the actor sits in, and the organizations under the actor's committee
 * or unit grants. Null when the actor can accept as no party at all.
 *
 * The rounds are read first and passed as values: asked as a subquery inside
 * the header's EXISTS, the planner takes every submitted finding to be a
 * likely match and scans them all to learn that a secretary sits in no group.
 */
async function candidatesSql(actor: Actor, parties: readonly AcceptanceParty[]): Promise<Prisma.Sql | null> {
  const submitted = Prisma.sql`SELECT c."id" FROM "Finding" c WHERE c."state" = 'SUBMITTED' AND c."submittedById" IS DISTINCT FROM ${actor.id}`;
  const under = (patterns: string[]) =>
    // A semi-join, not `= ANY (ARRAY(…))`: a committee's scope holds thousands of organizations.
    Prisma.sql`${submitted} AND c."orgId" IN (SELECT s."id" FROM "Org" s WHERE ${pathUnderSql(Prisma.sql`s."path"`, patterns)})`;
  const sets: Prisma.Sql[] = [];
  if (parties.includes("GROUP")) {
    const rounds = await prisma.inspectionMember.findMany({ where: { userId: actor.id }, select: { roundId: true } });
    if (rounds.length > 0) sets.push(Prisma.sql`${submitted} AND c."roundId" = ANY (${rounds.map((r) => r.roundId)}::text[])`);
  }
  const committee = parties.includes("COMMITTEE") ? scopePatterns(actor, "finding.accept.committee") : [];
  if (committee.length > 0) sets.push(under(committee));
  const unit = parties.includes("UNIT") ? unitAcceptancePaths(actor).map((path) => `${path}%`) : [];
  if (unit.length > 0) sets.push(under(unit));
  return sets.length === 0 ? null : Prisma.join(sets, " UNION ");
}

/**
 * The findings that wait for the actor: among the candidates, those with a
 * party the deployment requires (CLOSEOUT_PARTIES) that the actor may accept
 * as (acceptsAsSql, the twin of canAcceptAs) and that has not accepted this
 * attempt yet. `parties` is one row per such party, for a lateral join or
 * an EXISTS. Null when the actor has no candidates: most users, for whom the
 * header's count (on every page) is then one short query on an index.
 */
async function waiting(actor: Actor): Promise<{ from: Prisma.Sql; where: Prisma.Sql; parties: Prisma.Sql } | null> {
  const required = closeoutParties();
  const candidates = await candidatesSql(actor, required);
  if (candidates === null) return null;
  const [{ any } = { any: false }] = await prisma.$queryRaw<{ any: boolean }[]>`SELECT EXISTS (${candidates}) AS "any"`;
  if (!any) return null;
  const columns = { status: Prisma.sql`r."status"`, orgPath: Prisma.sql`o."path"`, scopePath: Prisma.sql`s."path"`, roundId: Prisma.sql`f."roundId"` };
  const parties = required.map(
    (party) => Prisma.sql`SELECT ${party}::text AS party WHERE ${acceptsAsSql(actor, party, columns)}
      AND NOT EXISTS (SELECT 1 FROM "FindingAcceptance" a WHERE a."findingId" = f."id" AND a."cycle" = f."cycle" AND a."party"::text = ${party})`,
  );
  const from = Prisma.sql`
    FROM "Finding" f
    JOIN "InspectionReport" r ON r."id" = f."reportId"
    JOIN "InspectionRound" rd ON rd."id" = f."roundId"
    JOIN "Org" o ON o."id" = f."orgId"
    JOIN "Org" s ON s."id" = rd."scopeOrgId"`;
  return { from, where: Prisma.sql`f."id" IN (${candidates})`, parties: Prisma.join(parties, " UNION ALL ") };
}

/**
 * How many findings wait for the actor's acceptance; with `upTo`, counting
 * stops there (the header shows "99+" rather than weigh a committee's whole
 * queue on every page).
 */
export async function countAcceptanceQueue(actor: Actor, options: { upTo?: number } = {}): Promise<number> {
  const sql = await waiting(actor);
  if (!sql) return 0;
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM (SELECT 1 ${sql.from} WHERE ${sql.where} AND EXISTS (${sql.parties}) LIMIT ${options.upTo ?? null}::int) x`;
  return Number(row?.count ?? 0);
}

/** One page of the findings waiting for the actor's acceptance, the longest waiting first. */
export async function listAcceptanceQueue(actor: Actor, page = 1): Promise<{ rows: AcceptanceQueueRow[]; total: number; page: number; pageCount: number }> {
  const total = await countAcceptanceQueue(actor);
  const pageCount = Math.max(1, Math.ceil(total / ACCEPTANCE_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const sql = total === 0 ? null : await waiting(actor);
  if (!sql) return { rows: [], total, page: current, pageCount };
  const rows = await prisma.$queryRaw<(Omit<AcceptanceQueueRow, "parties"> & { parties: string[] })[]>`
    SELECT f."id", f."seq", f."description", f."submittedAt", f."deadline",
           o."name" AS "orgName", o."nameEn" AS "orgNameEn", rd."title" AS "roundTitle",
           array_agg(p.party ORDER BY p.party) AS parties
    ${sql.from}
    CROSS JOIN LATERAL (${sql.parties}) p
     WHERE ${sql.where}
     GROUP BY f."id", o."id", rd."id"
     ORDER BY f."submittedAt" ASC NULLS LAST, f."id" ASC
     LIMIT ${ACCEPTANCE_PAGE_SIZE} OFFSET ${(current - 1) * ACCEPTANCE_PAGE_SIZE}`;
  return {
    rows: rows.map((r) => ({ ...r, seq: Number(r.seq), parties: r.parties as AcceptanceParty[] })),
    total,
    page: current,
    pageCount,
  };
}
