import { Prisma } from "@/lib/generated/prisma/client";
import type { AcceptanceParty } from "@/lib/generated/prisma/enums";
import { rolesOf, type Permission } from "@/lib/server/access/permissions";
import { orgScopeWhere, pathUnderSql, reachesPath, scopePatterns } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";

// No "server-only" here: scripts and tests use these rules too.

/**
 * Who sees what of inspections:
 *
 * - the inspection group (the round's members) sees its rounds whole,
 *   drafts included; an inspector sees no other round;
 * - the working committee (administrators and supervisors) sees every round
 *   and report on the organizations its roles reach;
 * - an inspected unit (secretaries and staff) sees the issued reports on the
 *   organizations its roles reach, and an announced round that covers them;
 *   an unannounced round stays invisible to it until its report is issued.
 */

export function reportReadWhere(actor: Actor): Prisma.InspectionReportWhereInput {
  return {
    OR: [
      { round: { members: { some: { userId: actor.id } } } },
      { org: orgScopeWhere(actor, "inspection.oversee") },
      { status: "ISSUED", org: orgScopeWhere(actor, "finding.rectify") },
    ],
  };
}

export function roundReadWhere(actor: Actor): Prisma.InspectionRoundWhereInput {
  return {
    OR: [
      { members: { some: { userId: actor.id } } },
      { scopeOrg: orgScopeWhere(actor, "inspection.oversee") },
      { reports: { some: { org: orgScopeWhere(actor, "inspection.oversee") } } },
      { unannounced: false, reports: { some: { org: orgScopeWhere(actor, "finding.rectify") } } },
      { reports: { some: { status: "ISSUED", org: orgScopeWhere(actor, "finding.rectify") } } },
    ],
  };
}

export function findingReadWhere(actor: Actor): Prisma.FindingWhereInput {
  return { report: reportReadWhere(actor) };
}

/**
 * What the read rules above depend on besides the tables: the actor (a
 * round's members) and their grants. Results read by these rules are kept
 * under it (lib/server/cache/revisions.ts).
 */
export function readScopeKey(actor: Actor): string {
  return [actor.id, ...actor.grants.map((g) => `${g.role}@${g.orgPath}`).sort()].join(" ");
}

/** What one actor may do with one report, from the facts the handlers load anyway. */
export type ReportFacts = {
  status: "DRAFT" | "ISSUED";
  orgPath: string;
  /** The round's scope organization's path. */
  scopePath: string;
  memberIds: readonly string[];
};

export function isMember(actor: Actor, facts: Pick<ReportFacts, "memberIds">): boolean {
  return facts.memberIds.includes(actor.id);
}

/** The inspection group writes and issues the report, and adds addenda after. */
export function canWriteReport(actor: Actor, facts: ReportFacts): boolean {
  return isMember(actor, facts);
}

/**
 * Whether one of the actor's grants of `roles` belongs to the inspected unit:
 * on the organization or above it, but within the round's scope and not on
 * the scope organization itself (unless that is the one inspected). The
 * working committee's own secretary reads a unit's report; the unit answers it.
 */
function actsForUnit(actor: Actor, permission: Permission, facts: Pick<ReportFacts, "orgPath" | "scopePath">): boolean {
  const roles = rolesOf(permission);
  return actor.grants.some(
    (g) =>
      roles.includes(g.role) &&
      facts.orgPath.startsWith(g.orgPath) &&
      g.orgPath.startsWith(facts.scopePath) &&
      (g.orgPath !== facts.scopePath || facts.orgPath === facts.scopePath),
  );
}

/** The unit answers an issued report and rectifies its findings. */
export function canRectify(actor: Actor, facts: ReportFacts): boolean {
  return facts.status === "ISSUED" && actsForUnit(actor, "finding.rectify", facts);
}

/**
 * Whether `actor` may accept a close-out as `party`: the group by its
 * members; the working committee by its administrators and supervisors at
 * or above the finding's organization (not by its secretary, see
 * lib/server/access/permissions.ts); the unit, when the deployment asks it
 * to, by its secretaries (actsForUnit). `acceptsAsSql` is the same rule for
 * a query; a test holds the two to each other.
 */
export function canAcceptAs(actor: Actor, party: AcceptanceParty, facts: ReportFacts): boolean {
  if (facts.status !== "ISSUED") return false;
  if (party === "GROUP") return isMember(actor, facts);
  if (party === "COMMITTEE") return reachesPath(actor, "finding.accept.committee", facts.orgPath);
  return actsForUnit(actor, "finding.accept.unit", facts);
}

/** Columns of a query that hold a finding's report facts. */
export type ReportFactColumns = { status: Prisma.Sql; orgPath: Prisma.Sql; scopePath: Prisma.Sql; roundId: Prisma.Sql };

/** The organizations whose findings the actor may accept as the unit: the paths of their grants that carry it. */
export function unitAcceptancePaths(actor: Actor): string[] {
  return actor.grants.filter((g) => rolesOf("finding.accept.unit").includes(g.role)).map((g) => g.orgPath);
}

/** The SQL twin of `canAcceptAs`: a boolean expression over the columns of one finding's report. */
export function acceptsAsSql(actor: Actor, party: AcceptanceParty, c: ReportFactColumns): Prisma.Sql {
  const issued = Prisma.sql`${c.status}::text = 'ISSUED'`;
  if (party === "GROUP") {
    return Prisma.sql`(${issued} AND EXISTS (SELECT 1 FROM "InspectionMember" m WHERE m."roundId" = ${c.roundId} AND m."userId" = ${actor.id}))`;
  }
  if (party === "COMMITTEE") {
    const patterns = scopePatterns(actor, "finding.accept.committee");
    return patterns.length === 0 ? Prisma.sql`FALSE` : Prisma.sql`(${issued} AND ${pathUnderSql(c.orgPath, patterns)})`;
  }
  const grants = unitAcceptancePaths(actor);
  if (grants.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`(${issued} AND EXISTS (
    SELECT 1 FROM unnest(${grants}::text[]) AS g(path)
     WHERE ${c.orgPath} LIKE g.path || '%' AND g.path LIKE ${c.scopePath} || '%' AND (g.path <> ${c.scopePath} OR ${c.orgPath} = ${c.scopePath})))`;
}

/** The facts that decide who may change a round. */
export type RoundFacts = { createdById: string | null; leaderIds: readonly string[]; scopePath: string };

/**
 * Who may change a round's details or remove it: whoever created it, the
 * group's leader, or the working committee (an administrator or supervisor
 * at or above the round's scope).
 */
export function canManageRound(actor: Actor, facts: RoundFacts): boolean {
  return (
    facts.createdById === actor.id ||
    facts.leaderIds.includes(actor.id) ||
    actor.grants.some((g) => rolesOf("inspection.oversee").includes(g.role) && facts.scopePath.startsWith(g.orgPath))
  );
}

/** A round is removable while nothing of it has reached anyone: no report issued, no finding written. */
export function canDeleteRound(counts: { issued: number; findings: number }): boolean {
  return counts.issued === 0 && counts.findings === 0;
}
