import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AcceptanceParty } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { closeoutParties } from "@/lib/server/inspections/config";
import { scopePatterns } from "@/lib/server/access/scope";
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
 * or unit grants. A short query that finds nothing for most users, so that
 * the header's count (on every page) plans and runs the full rule only for
 * those with something to accept.
 */
async function candidateIds(actor: Actor, parties: readonly AcceptanceParty[]): Promise<string[]> {
  const submitted = Prisma.sql`SELECT c."id" FROM "Finding" c WHERE c."state" = 'SUBMITTED' AND c."submittedById" IS DISTINCT FROM ${actor.id}`;
  const under = (patterns: string[]) =>
    Prisma.sql`${submitted} AND c."orgId" = ANY (ARRAY(SELECT s."id" FROM "Org" s WHERE s."path" LIKE ANY (${patterns}::text[])))`;
  const sets: Prisma.Sql[] = [];
  if (parties.includes("GROUP")) {
    sets.push(Prisma.sql`${submitted} AND c."roundId" IN (SELECT m."roundId" FROM "InspectionMember" m WHERE m."userId" = ${actor.id})`);
  }
  const committee = parties.includes("COMMITTEE") ? scopePatterns(actor, "finding.accept.committee") : [];
  if (committee.length > 0) sets.push(under(committee));
  const unit = parties.includes("UNIT") ? unitAcceptancePaths(actor).map((path) => `${path}%`) : [];
  if (unit.length > 0) sets.push(under(unit));
  if (sets.length === 0) return [];
  const rows = await prisma.$queryRaw<{ id: string }[]>`${Prisma.join(sets, " UNION ")}`;
  return rows.map((r) => r.id);
}

/**
 * Of the candidates, the findings that wait for the actor: a party the
 * deployment requires (CLOSEOUT_PARTIES) that the actor may accept as
 * (acceptsAsSql, the twin of canAcceptAs) and that has not accepted this
 * attempt yet.
 */
function waiting(actor: Actor, candidates: string[]): Prisma.Sql {
  const columns = { status: Prisma.sql`r."status"`, orgPath: Prisma.sql`o."path"`, scopePath: Prisma.sql`s."path"`, roundId: Prisma.sql`f."roundId"` };
  const parties = closeoutParties().map(
    (party) => Prisma.sql`SELECT ${party}::text AS party WHERE ${acceptsAsSql(actor, party, columns)}
      AND NOT EXISTS (SELECT 1 FROM "FindingAcceptance" a WHERE a."findingId" = f."id" AND a."cycle" = f."cycle" AND a."party"::text = ${party})`,
  );
  return Prisma.sql`
    FROM "Finding" f
    JOIN "InspectionReport" r ON r."id" = f."reportId"
    JOIN "InspectionRound" rd ON rd."id" = f."roundId"
    JOIN "Org" o ON o."id" = f."orgId"
    JOIN "Org" s ON s."id" = rd."scopeOrgId"
    CROSS JOIN LATERAL (${Prisma.join(parties, " UNION ALL ")}) p
   WHERE f."id" = ANY (${candidates}::text[]) AND f."state" = 'SUBMITTED' AND f."submittedById" IS DISTINCT FROM ${actor.id}`;
}

async function countWaiting(actor: Actor, candidates: string[]): Promise<number> {
  if (candidates.length === 0) return 0;
  const [row] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(DISTINCT f."id")::int AS count ${waiting(actor, candidates)}`;
  return Number(row?.count ?? 0);
}

/** How many findings wait for the actor's acceptance. */
export async function countAcceptanceQueue(actor: Actor): Promise<number> {
  return countWaiting(actor, await candidateIds(actor, closeoutParties()));
}

/** One page of the findings waiting for the actor's acceptance, the longest waiting first. */
export async function listAcceptanceQueue(actor: Actor, page = 1): Promise<{ rows: AcceptanceQueueRow[]; total: number; page: number; pageCount: number }> {
  const candidates = await candidateIds(actor, closeoutParties());
  const total = await countWaiting(actor, candidates);
  const pageCount = Math.max(1, Math.ceil(total / ACCEPTANCE_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  if (total === 0) return { rows: [], total, page: current, pageCount };
  const rows = await prisma.$queryRaw<(Omit<AcceptanceQueueRow, "parties"> & { parties: string[] })[]>`
    SELECT f."id", f."seq", f."description", f."submittedAt", f."deadline",
           o."name" AS "orgName", o."nameEn" AS "orgNameEn", rd."title" AS "roundTitle",
           array_agg(p.party ORDER BY p.party) AS parties
    ${waiting(actor, candidates)}
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
