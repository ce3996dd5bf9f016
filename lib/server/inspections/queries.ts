import "server-only";
import { today } from "@/lib/dates";
import { isFindingOpen } from "@/lib/finding-state";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AcceptanceParty } from "@/lib/generated/prisma/enums";
import { rolesOf } from "@/lib/server/access/permissions";
import { orgScopeWhere } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { deadlineWarning, warningThresholds } from "@/lib/warnings";
import { prisma } from "@/lib/server/db";
import { assertId, NotFoundError } from "@/lib/server/errors";
import { closeoutParties } from "@/lib/server/inspections/config";
import { commonCategoriesOfRound } from "@/lib/server/inspections/analysis";
import { listFindingCategories } from "@/lib/server/inspections/categories";
import type { DrawRecord } from "@/lib/server/inspections/draw";
import { acceptorsByParty, partiesOpenTo } from "@/lib/server/inspections/rectification";
import { canAcceptAs, canDeleteRound, canManageRound, canRectify, canWriteReport, findingReadWhere, isMember, reportReadWhere, roundReadWhere } from "@/lib/server/inspections/scope";
import { VISIT_ROUND_WHERE } from "@/lib/server/inspections/standing-round";

export const ROUNDS_PAGE_SIZE = 20;

const orgName = { select: { id: true, name: true, nameEn: true, path: true } } as const;

/** The rounds the actor sees, newest first, with how far their reports have got. */
export async function listRounds(actor: Actor, page = 1) {
  // A talk's or a tour's round is its own ledger's, not an inspection.
  const where: Prisma.InspectionRoundWhereInput = { AND: [roundReadWhere(actor), VISIT_ROUND_WHERE] };
  const [total, rounds] = await Promise.all([
    prisma.inspectionRound.count({ where }),
    prisma.inspectionRound.findMany({
      where,
      orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }],
      skip: (page - 1) * ROUNDS_PAGE_SIZE,
      take: ROUNDS_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        type: true,
        unannounced: true,
        startsOn: true,
        endsOn: true,
        scopeOrg: orgName,
        _count: { select: { reports: { where: reportReadWhere(actor) } } },
        reports: { where: { AND: [reportReadWhere(actor), { status: "ISSUED" }] }, select: { id: true } },
        members: { where: { userId: actor.id }, select: { userId: true } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / ROUNDS_PAGE_SIZE)),
    rounds: rounds.map((r) => ({
      id: r.id,
      title: r.title,
      type: r.type,
      unannounced: r.unannounced,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      scopeOrg: r.scopeOrg,
      reports: r._count.reports,
      issued: r.reports.length,
      isMember: r.members.length > 0,
    })),
  };
}

const findingSummarySelect = {
  id: true,
  seq: true,
  description: true,
  severity: true,
  tag: true,
  state: true,
  deadline: true,
  closedAt: true,
  category: { select: { id: true, name: true, nameEn: true } },
  duty: { select: { id: true, code: true, title: true, titleEn: true } },
  owner: { select: { id: true, name: true } },
} satisfies Prisma.FindingSelect;

function withWarning<T extends { state: Parameters<typeof isFindingOpen>[0]; deadline: Date | null }>(rows: T[], now: Date) {
  const day = today(now);
  const thresholds = warningThresholds();
  return rows.map((f) => ({ ...f, warning: f.deadline ? deadlineWarning(isFindingOpen(f.state), f.deadline, day, thresholds) : null }));
}

/** "Inspection reports about my unit": the issued reports on the organizations the actor answers for, with every finding. */
export async function listMyUnitReports(actor: Actor, now: Date = new Date()) {
  const reports = await prisma.inspectionReport.findMany({
    where: { status: "ISSUED", org: orgScopeWhere(actor, "finding.rectify"), round: VISIT_ROUND_WHERE },
    orderBy: [{ issuedAt: "desc" }],
    take: 50,
    select: {
      id: true,
      issuedAt: true,
      inspectedOn: true,
      response: true,
      org: orgName,
      round: { select: { id: true, title: true, type: true } },
      findings: { orderBy: { seq: "asc" }, select: findingSummarySelect },
    },
  });
  return reports.map((r) => ({ ...r, findings: withWarning(r.findings, now) }));
}

/** A round as the actor sees it; its reports limited to those the actor reads, the rest shown as covered only. */
export async function getRound(actor: Actor, roundId: string) {
  assertId(roundId);
  const round = await prisma.inspectionRound.findFirst({
    where: { AND: [{ id: roundId }, roundReadWhere(actor)] },
    select: {
      id: true,
      title: true,
      type: true,
      unannounced: true,
      startsOn: true,
      endsOn: true,
      createdAt: true,
      version: true,
      createdById: true,
      scopeOrg: orgName,
      createdBy: { select: { name: true } },
      group: { select: { id: true, name: true } },
      members: { select: { isLeader: true, user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } },
      draw: { select: { seed: true, rule: true, pool: true, picked: true, createdAt: true, createdBy: { select: { name: true } } } },
      reports: {
        orderBy: { org: { path: "asc" } },
        select: {
          id: true,
          status: true,
          issuedAt: true,
          org: orgName,
          _count: { select: { findings: true } },
        },
      },
    },
  });
  if (!round) throw new NotFoundError();
  const readable = new Set(
    (await prisma.inspectionReport.findMany({ where: { AND: [{ roundId }, reportReadWhere(actor)] }, select: { id: true } })).map((r) => r.id),
  );
  const memberIds = round.members.map((m) => m.user.id);
  const member = isMember(actor, { memberIds });
  // A unit learns of the organizations of an announced round that it answers for; an unannounced round only shows what is issued.
  const reports = round.reports.filter((r) => readable.has(r.id) || (!round.unannounced && actorReaches(actor, r.org.path)));
  const orgIds = new Set<string>();
  if (round.draw) for (const e of round.draw.pool as { orgId: string }[]) orgIds.add(e.orgId);
  const drawOrgs = round.draw && (member || actorIsCommittee(actor, round.scopeOrg.path))
    ? await prisma.org.findMany({ where: { id: { in: [...orgIds, (round.draw.rule as { rootOrgId: string }).rootOrgId] } }, select: { id: true, name: true, nameEn: true } })
    : [];
  const canManage = canManageRound(actor, {
    createdById: round.createdById,
    leaderIds: round.members.filter((m) => m.isLeader).map((m) => m.user.id),
    scopePath: round.scopeOrg.path,
  });
  const counts = {
    issued: round.reports.filter((r) => r.status === "ISSUED").length,
    findings: round.reports.reduce((sum, r) => sum + r._count.findings, 0),
  };
  return {
    ...round,
    canManage,
    canDelete: canManage && canDeleteRound(counts),
    // Whom the group may be made of, for the edit form.
    eligibleInspectors: canManage ? await listEligibleInspectors(round.scopeOrg.path) : [],
    // The draw is for those who run the round: the group and the committee.
    draw: drawOrgs.length > 0 && round.draw ? { ...round.draw, record: { seed: round.draw.seed, rule: round.draw.rule, pool: round.draw.pool, picked: round.draw.picked } as unknown as DrawRecord } : null,
    drawOrgs,
    isMember: member,
    reports: reports.map((r) => ({ ...r, readable: readable.has(r.id) })),
  };
}

/**
 * The inspectors a new round's creator can put in its group: those who may
 * belong to groups (round.member) somewhere within the creator's reach or
 * on an organization above it.
 */
export async function listInspectorsFor(actor: Actor): Promise<{ id: string; name: string }[]> {
  return prisma.user.findMany({
    where: {
      isActive: true,
      roles: {
        some: {
          role: { in: [...rolesOf("round.member")] },
          org: { OR: [orgScopeWhere(actor, "round.create"), { id: { in: actor.grants.flatMap((g) => g.orgPath.split("/").filter(Boolean)) } }] },
        },
      },
    },
    orderBy: { name: "asc" },
    take: 200,
    select: { id: true, name: true },
  });
}

/** Active users who may belong to inspection groups (round.member) above the scope or within it: those a round's group may include. */
async function listEligibleInspectors(scopePath: string): Promise<{ id: string; name: string }[]> {
  const ancestorIds = scopePath.split("/").filter(Boolean);
  return prisma.user.findMany({
    where: { isActive: true, roles: { some: { role: { in: [...rolesOf("round.member")] }, org: { OR: [{ id: { in: ancestorIds } }, { path: { startsWith: scopePath } }] } } } },
    orderBy: { name: "asc" },
    take: 200,
    select: { id: true, name: true },
  });
}

function actorReaches(actor: Actor, path: string): boolean {
  return actor.grants.some((g) => rolesOf("finding.rectify").includes(g.role) && path.startsWith(g.orgPath));
}

function actorIsCommittee(actor: Actor, path: string): boolean {
  return actor.grants.some((g) => rolesOf("inspection.oversee").includes(g.role) && (path.startsWith(g.orgPath) || g.orgPath.startsWith(path)));
}

/** A report with its findings, as the actor may see it, and what the actor may do with it. */
export async function getReport(actor: Actor, reportId: string, now: Date = new Date()) {
  assertId(reportId);
  const report = await prisma.inspectionReport.findFirst({
    where: { AND: [{ id: reportId }, reportReadWhere(actor)] },
    select: {
      id: true,
      status: true,
      summary: true,
      inspectedOn: true,
      issuedAt: true,
      response: true,
      respondedAt: true,
      version: true,
      issuedBy: { select: { name: true } },
      respondedBy: { select: { name: true } },
      org: { select: { id: true, name: true, nameEn: true, path: true, parent: { select: { name: true, nameEn: true } } } },
      round: {
        select: {
          id: true,
          title: true,
          type: true,
          unannounced: true,
          startsOn: true,
          endsOn: true,
          scopeOrg: orgName,
          members: { select: { isLeader: true, user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } },
        },
      },
      inspectors: { select: { user: { select: { id: true, name: true } } } },
      addenda: { orderBy: { createdAt: "asc" }, select: { id: true, text: true, createdAt: true, createdBy: { select: { name: true } } } },
      findings: { orderBy: { seq: "asc" }, select: { ...findingSummarySelect, itemId: true, categoryId: true, dutyId: true } },
    },
  });
  if (!report) throw new NotFoundError();
  const facts = { status: report.status, orgPath: report.org.path, scopePath: report.round.scopeOrg.path, memberIds: report.round.members.map((m) => m.user.id) };
  return {
    ...report,
    findings: withWarning(report.findings, now),
    canWrite: canWriteReport(actor, facts) && report.status === "DRAFT",
    canAmend: canWriteReport(actor, facts) && report.status === "ISSUED",
    canRespond: canRectify(actor, facts),
  };
}

export type ReportPage = Awaited<ReturnType<typeof getReport>>;

/**
 * What the group picks from while it writes a draft: the active categories,
 * those found in several units of the round (suggested as common), and the
 * inspected organization's checklist items a finding may name.
 */
export async function getReportChoices(report: Pick<ReportPage, "org" | "round">) {
  const [categories, common, items] = await Promise.all([
    listFindingCategories({ activeOnly: true }),
    commonCategoriesOfRound(prisma, report.round.id),
    prisma.checklistItem.findMany({
      where: { orgId: report.org.id, status: { not: "WITHDRAWN" } },
      orderBy: [{ dueDate: "desc" }, { duty: { code: "asc" } }],
      take: 200,
      select: { id: true, dueDate: true, duty: { select: { code: true, title: true, titleEn: true } } },
    }),
  ]);
  return { categories, common, items };
}

/** A finding with its whole rectification record, and the steps open to the actor. */
export async function getFinding(actor: Actor, findingId: string, now: Date = new Date()) {
  assertId(findingId);
  const finding = await prisma.finding.findFirst({
    where: { AND: [{ id: findingId }, findingReadWhere(actor)] },
    select: {
      ...findingSummarySelect,
      measures: true,
      submittedAt: true,
      submittedById: true,
      cycle: true,
      lastComment: true,
      version: true,
      item: { select: { id: true, occurrence: true, dueDate: true } },
      org: { select: { id: true, name: true, nameEn: true, path: true } },
      report: {
        select: {
          id: true,
          status: true,
          issuedAt: true,
          round: { select: { id: true, title: true, type: true, scopeOrg: { select: { path: true } }, members: { select: { userId: true } } } },
        },
      },
      events: {
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, text: true, party: true, createdAt: true, actor: { select: { name: true } } },
      },
      acceptances: { orderBy: { acceptedAt: "asc" }, select: { id: true, cycle: true, party: true, acceptedAt: true, acceptedBy: { select: { name: true } } } },
      escalations: {
        orderBy: { createdAt: "asc" },
        select: { id: true, level: true, createdAt: true, daysOverdue: true, addressedOrg: { select: { name: true, nameEn: true } } },
      },
    },
  });
  if (!finding) throw new NotFoundError();
  const facts = {
    status: finding.report.status,
    orgPath: finding.org.path,
    scopePath: finding.report.round.scopeOrg.path,
    memberIds: finding.report.round.members.map((m) => m.userId),
  };
  const [withColour] = withWarning([finding], now);
  const rectifier = canRectify(actor, facts);
  return {
    ...withColour!,
    // Who must act: the people of each party whose acceptance the close-out still needs.
    acceptors: finding.state === "SUBMITTED" ? await namesByParty(await acceptorsByParty(prisma, { ...facts, orgId: finding.org.id })) : {},
    requiredParties: closeoutParties(),
    canRectify: rectifier && isFindingOpen(finding.state),
    acceptAs: finding.state === "SUBMITTED" ? partiesOpenTo(actor, finding, facts) : [],
    canReturn:
      finding.state === "SUBMITTED" && finding.submittedById !== actor.id && closeoutParties().some((p) => canAcceptAs(actor, p, facts)),
    canReopen: finding.state === "CLOSED" && (isMember(actor, facts) || canAcceptAs(actor, "COMMITTEE", facts)),
  };
}

export type FindingPage = Awaited<ReturnType<typeof getFinding>>;

async function namesByParty(ids: Partial<Record<AcceptanceParty, string[]>>): Promise<Partial<Record<AcceptanceParty, string[]>>> {
  const users = await prisma.user.findMany({ where: { id: { in: Object.values(ids).flat() } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const name = new Map(users.map((u) => [u.id, u.name]));
  return Object.fromEntries(Object.entries(ids).map(([party, userIds]) => [party, userIds.flatMap((id) => name.get(id) ?? [])]));
}

/** The people who may own a finding's rectification: the unit's secretaries and staff on the organization, above it within the unit, or below it. */
export async function listOwnerCandidates(orgPath: string, scopePath: string) {
  const ids = orgPath.split("/").filter(Boolean);
  const scopeDepth = scopePath.split("/").filter(Boolean).length;
  const users = await prisma.user.findMany({
    where: {
      isActive: true,
      roles: {
        some: { role: { in: [...rolesOf("finding.rectify")] }, org: { OR: [{ path: { startsWith: orgPath } }, { id: { in: ids.slice(scopeDepth, -1) } }] } },
      },
    },
    orderBy: { name: "asc" },
    take: 200,
    select: { id: true, name: true },
  });
  return users;
}
