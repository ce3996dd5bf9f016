import "server-only";
import { dayOf, isoDay, today } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { rolesOf } from "@/lib/server/access/permissions";
import { writeAudit, type AuditEntry } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { checkVersion, writeVersioned } from "@/lib/server/db/versioned-write";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { deadlineFrom } from "@/lib/server/inspections/config";
import { canRectify, canWriteReport, type ReportFacts } from "@/lib/server/inspections/scope";
import { notify } from "@/lib/server/notifications/notify";
import type { TSaveFinding } from "@/lib/validation/inspections";
import type { VersionChange } from "@/lib/version-change";

type Tx = Prisma.TransactionClient;

export type LoadedReport = ReportFacts & { id: string; orgId: string; roundId: string; version: number };

/** The facts every report step checks, with the report's row locked until the transaction ends. */
export async function loadReport(tx: Tx, reportId: string): Promise<LoadedReport> {
  await tx.$executeRaw`SELECT 1 FROM "InspectionReport" WHERE "id" = ${reportId} FOR UPDATE`;
  const report = await tx.inspectionReport.findUnique({
    where: { id: reportId },
    select: {
      id: true,
      status: true,
      orgId: true,
      roundId: true,
      version: true,
      org: { select: { path: true } },
      round: { select: { scopeOrg: { select: { path: true } }, members: { select: { userId: true } } } },
    },
  });
  if (!report) throw new NotFoundError();
  return {
    id: report.id,
    status: report.status,
    orgId: report.orgId,
    roundId: report.roundId,
    version: report.version,
    orgPath: report.org.path,
    scopePath: report.round.scopeOrg.path,
    memberIds: report.round.members.map((m) => m.userId),
  };
}

/** A draft report the actor may write; an issued one is frozen (corrections are addenda). */
async function draftFor(tx: Tx, actor: Actor, reportId: string): Promise<LoadedReport> {
  const report = await loadReport(tx, reportId);
  if (!canWriteReport(actor, report)) throw new NotFoundError();
  if (report.status !== "DRAFT") throw new ValidationError("The report is issued; add an addendum instead", { reportId: ["issued"] });
  return report;
}

function auditEntry(actor: Actor, report: LoadedReport, action: string, after: Prisma.InputJsonObject, entity?: { type: string; id: string }): AuditEntry {
  return { actorId: actor.id, action, entityType: entity?.type ?? "InspectionReport", entityId: entity?.id ?? report.id, orgId: report.orgId, after };
}

/**
 * Moves the report on a version, with the step's audit row. `expectedVersion`
 * undefined: a change of one of its findings, which needs no check but still
 * tells a page that holds the report that it changed.
 */
function bump(
  tx: Tx,
  report: LoadedReport,
  expectedVersion: number | undefined,
  audit: AuditEntry,
  data: Prisma.InspectionReportUncheckedUpdateManyInput = {},
): Promise<VersionChange> {
  return writeVersioned(tx, {
    version: report.version,
    expected: expectedVersion,
    state: () => ({ version: report.version }),
    update: (version) => tx.inspectionReport.updateMany({ where: { id: report.id, version }, data: { ...data, version: { increment: 1 } } }),
    audit,
  });
}

export async function saveReport(
  actor: Actor,
  input: { reportId: string; expectedVersion: number; summary: string; inspectedOn?: string; inspectorIds: string[] },
  now: Date = new Date(),
): Promise<{ version: VersionChange }> {
  return prisma.$transaction(async (tx) => {
    const report = await draftFor(tx, actor, input.reportId);
    await checkVersion(report.version, input.expectedVersion, () => ({ version: report.version }));
    const inspectorIds = [...new Set(input.inspectorIds)];
    if (inspectorIds.some((id) => !report.memberIds.includes(id))) {
      throw new ValidationError("Inspectors must belong to the group", { inspectorIds: ["notMember"] });
    }
    const inspectedOn = input.inspectedOn ? dayOf(input.inspectedOn) : null;
    // The report is issued today at the earliest: an inspection recorded as later has not happened yet.
    if (inspectedOn && inspectedOn > today(now)) throw new ValidationError("The inspection date is in the future", { inspectedOn: ["inspectedAfterToday"] });
    const version = await bump(
      tx,
      report,
      input.expectedVersion,
      auditEntry(actor, report, "report.save", { summary: input.summary, inspectedOn: input.inspectedOn ?? null, inspectorIds }),
      { summary: input.summary, inspectedOn },
    );
    await tx.reportInspector.deleteMany({ where: { reportId: report.id } });
    if (inspectorIds.length > 0) await tx.reportInspector.createMany({ data: inspectorIds.map((userId) => ({ reportId: report.id, userId })) });
    return { version };
  });
}

/** Adds a finding to a draft report, or changes one of its findings. */
export async function saveFinding(actor: Actor, input: Omit<TSaveFinding, "tag" | "dutyId" | "itemId"> & { tag?: "COMMON" | "INDIVIDUAL"; dutyId?: string; itemId?: string }): Promise<{ findingId: string; version: VersionChange }> {
  return prisma.$transaction(async (tx) => {
    const report = await draftFor(tx, actor, input.reportId);
    const category = await tx.findingCategory.findUnique({ where: { id: input.categoryId }, select: { isActive: true } });
    const existing = input.findingId
      ? await tx.finding.findFirst({ where: { id: input.findingId, reportId: report.id }, select: { id: true, categoryId: true } })
      : null;
    if (input.findingId && !existing) throw new NotFoundError();
    // A retired category stays on the findings that have it, but no new finding takes it.
    if (!category || (!category.isActive && existing?.categoryId !== input.categoryId)) {
      throw new ValidationError("Unknown category", { categoryId: ["required"] });
    }
    let dutyId = input.dutyId ?? null;
    if (input.itemId) {
      const item = await tx.checklistItem.findFirst({
        where: { id: input.itemId, org: { path: { startsWith: report.orgPath } } },
        select: { dutyId: true },
      });
      if (!item) throw new ValidationError("The item is not this organization's", { itemId: ["outsideOrg"] });
      dutyId = item.dutyId;
    } else if (dutyId && !(await tx.duty.count({ where: { id: dutyId } }))) {
      throw new ValidationError("Unknown duty", { dutyId: ["required"] });
    }
    const data = {
      description: input.description,
      categoryId: input.categoryId,
      severity: input.severity,
      tag: input.tag ?? null,
      dutyId,
      itemId: input.itemId ?? null,
    };
    let findingId: string;
    if (existing) {
      await tx.finding.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } } });
      findingId = existing.id;
    } else {
      const last = await tx.finding.aggregate({ where: { reportId: report.id }, _max: { seq: true } });
      const created = await tx.finding.create({
        data: { ...data, reportId: report.id, roundId: report.roundId, orgId: report.orgId, seq: (last._max.seq ?? 0) + 1 },
        select: { id: true },
      });
      findingId = created.id;
    }
    const version = await bump(tx, report, undefined, auditEntry(actor, report, existing ? "finding.update" : "finding.create", data, { type: "Finding", id: findingId }));
    return { findingId, version };
  });
}

export async function deleteFinding(actor: Actor, input: { reportId: string; findingId: string }): Promise<{ version: VersionChange }> {
  return prisma.$transaction(async (tx) => {
    const report = await draftFor(tx, actor, input.reportId);
    const { count } = await tx.finding.deleteMany({ where: { id: input.findingId, reportId: report.id } });
    if (count === 0) throw new NotFoundError();
    const version = await bump(tx, report, undefined, auditEntry(actor, report, "finding.delete", { findingId: input.findingId }, { type: "Finding", id: input.findingId }));
    return { version };
  });
}

/**
 * The people a report is for: the secretaries of the organization and of
 * the organizations above it within the round's scope (a branch's report
 * reaches the branch secretary and the unit's party secretary), never
 * those of the scope itself.
 */
async function secretariesFor(tx: Tx, orgPath: string, scopePath: string): Promise<string[]> {
  const scopeDepth = scopePath.split("/").filter(Boolean).length;
  const ids = orgPath.split("/").filter(Boolean).slice(scopeDepth);
  const grants = await tx.roleGrant.findMany({
    where: { orgId: { in: ids.length > 0 ? ids : orgPath.split("/").filter(Boolean).slice(-1) }, role: { in: [...rolesOf("report.notice")] }, user: { isActive: true } },
    select: { userId: true },
  });
  return grants.map((g) => g.userId);
}

/**
 * Issues a draft report: it is frozen from now on, each of its findings gets
 * its rectification deadline (RECTIFY_DAYS from today), and the unit's
 * secretary is notified. An unannounced round becomes visible to the unit
 * with it.
 */
export async function issueReport(actor: Actor, input: { reportId: string; expectedVersion: number }, now: Date = new Date()): Promise<{ version: VersionChange }> {
  return prisma.$transaction(async (tx) => {
    const report = await draftFor(tx, actor, input.reportId);
    await checkVersion(report.version, input.expectedVersion, () => ({ version: report.version }));
    const current = await tx.inspectionReport.findUniqueOrThrow({
      where: { id: report.id },
      select: { summary: true, inspectedOn: true, _count: { select: { inspectors: true } } },
    });
    const problems: Record<string, string[]> = {};
    if (!current.summary.trim()) problems.summary = ["required"];
    const day = today(now);
    if (!current.inspectedOn) problems.inspectedOn = ["required"];
    else if (current.inspectedOn > day) problems.inspectedOn = ["inspectedAfterIssue"];
    if (Object.keys(problems).length > 0) throw new ValidationError("The report is incomplete", problems);
    const deadline = deadlineFrom(day);
    const { count: findings } = await tx.finding.updateMany({ where: { reportId: report.id }, data: { deadline, version: { increment: 1 } } });
    const version = await bump(
      tx,
      report,
      input.expectedVersion,
      auditEntry(actor, report, "report.issue", { issuedAt: now.toISOString(), deadline: isoDay(deadline), findings }),
      { status: "ISSUED", issuedAt: now, issuedById: actor.id },
    );
    if (current._count.inspectors === 0) await tx.reportInspector.create({ data: { reportId: report.id, userId: actor.id } });
    await notify(tx, {
      kind: "REPORT_ISSUED",
      userIds: await secretariesFor(tx, report.orgPath, report.scopePath),
      reportId: report.id,
      actorId: actor.id,
      payload: { findings, deadline: isoDay(deadline) },
    });
    return { version };
  });
}

/** A dated correction to an issued report, by its group. */
export async function addAddendum(actor: Actor, input: { reportId: string; text: string }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const report = await loadReport(tx, input.reportId);
    if (!canWriteReport(actor, report)) throw new NotFoundError();
    if (report.status !== "ISSUED") throw new ValidationError("A draft is edited, not amended", { reportId: ["draft"] });
    await tx.reportAddendum.create({ data: { reportId: report.id, text: input.text, createdById: actor.id } });
    await writeAudit(tx, auditEntry(actor, report, "report.addendum", { text: input.text }));
  });
}

/** The unit's answer to an issued report; a later answer replaces it (the audit log keeps each). */
export async function respondToReport(actor: Actor, input: { reportId: string; response: string }, now: Date = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const report = await loadReport(tx, input.reportId);
    if (!canRectify(actor, report)) throw new NotFoundError();
    await tx.inspectionReport.update({ where: { id: report.id }, data: { response: input.response, respondedAt: now, respondedById: actor.id } });
    await writeAudit(tx, auditEntry(actor, report, "report.respond", { response: input.response }));
  });
}
