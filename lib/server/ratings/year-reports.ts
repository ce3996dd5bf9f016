import "server-only";
import { dayString, isoDay } from "@/lib/dates";
import type { FindingSeverity, RectificationState } from "@/lib/generated/prisma/enums";
import { UNCOUNTED_STATUSES } from "@/lib/item-status";
import { draftReport, type ReportLanguage } from "@/lib/ratings/report-draft";
import { reachesPath } from "@/lib/server/access/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { checkVersion } from "@/lib/server/db/versioned-write";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { openRatedWrite, ratesSelf } from "@/lib/server/ratings/entries";
import { managesRatings, readScheme } from "@/lib/server/ratings/schemes";
import { ratedYearOf } from "@/lib/server/ratings/unit-facts";
import type { VersionChange } from "@/lib/version-change";
import { projectsForReport } from "@/lib/server/projects/projects";

/**
 * A secretary's yearly report (述职报告): drafted from the ledger until
 * they first save it, edited by them, frozen when submitted; the committee
 * may return it once, with a comment, for them to mend and submit again.
 * The unit's secretary writes it; the committee and the unit's readers read
 * it once submitted.
 */

export type YearReportView = {
  /** NEW: nothing saved yet, the body is the ledger's draft. */
  status: "NEW" | "DRAFT" | "SUBMITTED";
  /** The text, for its author always, for others once submitted; null when the reader may not see it yet. */
  body: string | null;
  version: number;
  savedBy: string | null;
  updatedAt: Date | null;
  submittedAt: Date | null;
  submittedBy: string | null;
  returnedAt: Date | null;
  returnedBy: string | null;
  returnComment: string | null;
  /** What the reader may do with it now. */
  canWrite: boolean;
  canReturn: boolean;
};

const REPORT_SELECT = {
  body: true,
  status: true,
  version: true,
  updatedAt: true,
  submittedAt: true,
  returnedAt: true,
  returnComment: true,
  savedBy: { select: { name: true } },
  submittedBy: { select: { name: true } },
  returnedBy: { select: { name: true } },
} as const;

type FindingRow = {
  round: string;
  org: string;
  description: string;
  severity: FindingSeverity;
  state: RectificationState;
  measures: string | null;
  deadline: Date | null;
  closedAt: Date | null;
};
type DutyRow = { title: string; done: bigint | number; of: bigint | number; evidence: bigint | number; overdue: bigint | number };

/**
 * The ledger's draft of a unit's report for the year, as of `day`: the
 * findings of the unit's subtree from issued reports of rounds that began
 * in the year (as the rating counts them), and its items of the year by
 * duty, in the order the duties are listed.
 */
export async function draftFromLedger(periodId: string, orgId: string, language: ReportLanguage, day = new Date()): Promise<string> {
  const [period, org] = await Promise.all([
    prisma.period.findUniqueOrThrow({ where: { id: periodId }, select: { year: true } }),
    prisma.org.findUniqueOrThrow({ where: { id: orgId }, select: { name: true, nameEn: true, path: true } }),
  ]);
  const year = await ratedYearOf(prisma, period.year);
  const under = `${org.path}%`;
  const [findings, duties, projects] = await Promise.all([
    prisma.$queryRaw<FindingRow[]>`
      SELECT rd."title" AS round, o."name" AS org, f."description", f."severity"::text AS severity, f."state"::text AS state,
             f."measures", f."deadline", f."closedAt"
        FROM "Finding" f
        JOIN "Org" o ON o."id" = f."orgId"
        JOIN "InspectionReport" r ON r."id" = f."reportId" AND r."status" = 'ISSUED'
        JOIN "InspectionRound" rd ON rd."id" = f."roundId"
       WHERE o."path" LIKE ${under}
         AND rd."startsOn" BETWEEN ${isoDay(year.startsOn)}::date AND ${isoDay(year.endsOn)}::date
       ORDER BY rd."startsOn", f."seq"`,
    prisma.$queryRaw<DutyRow[]>`
      SELECT d."title",
             count(*) FILTER (WHERE i."status" = 'DONE') AS done,
             count(*) AS of,
             coalesce(sum(ev.n) FILTER (WHERE i."status" = 'DONE'), 0)::bigint AS evidence,
             count(*) FILTER (WHERE i."status" <> 'DONE' AND i."dueDate" < ${dayString(day)}::date) AS overdue
        FROM "ChecklistItem" i
        JOIN "Org" o ON o."id" = i."orgId"
        JOIN "Duty" d ON d."id" = i."dutyId"
        LEFT JOIN LATERAL (SELECT count(*) AS n FROM "ItemEvidence" x WHERE x."itemId" = i."id") ev ON TRUE
       WHERE o."path" LIKE ${under}
         AND i."periodId" = ANY (${year.periodIds}::text[])
         AND NOT (i."status"::text = ANY (${[...UNCOUNTED_STATUSES]}::text[]))
       GROUP BY d."title", d."code"
       ORDER BY min(d."sortOrder"), d."code"`,
    projectsForReport(prisma, orgId, period.year),
  ]);
  return draftReport(
    {
      unit: language === "en" && org.nameEn ? org.nameEn : org.name,
      year: period.year,
      findings: findings.map((f) => ({
        round: f.round,
        org: f.org,
        description: f.description,
        severity: f.severity,
        state: f.state,
        measures: f.measures,
        deadline: f.deadline ? isoDay(f.deadline) : null,
        closedOn: f.closedAt ? dayString(f.closedAt) : null,
      })),
      duties: duties.map((d) => ({ title: d.title, done: Number(d.done), of: Number(d.of), evidence: Number(d.evidence), overdue: Number(d.overdue) })),
      projects,
    },
    language,
  );
}

/**
 * A unit's report for the year as `actor` may see it: its author (the
 * unit's secretary) always, with the ledger's draft until the first save;
 * the committee above and the unit's other readers once it is submitted.
 * Not found outside the reader's reach.
 */
export async function getYearReport(actor: Actor, periodId: string, orgId: string, language: ReportLanguage): Promise<YearReportView> {
  const org = await prisma.org.findUnique({ where: { id: orgId }, select: { path: true } });
  if (!org || !reachesPath(actor, "rating.read", org.path)) throw new NotFoundError();
  const [saved, scheme] = await Promise.all([prisma.yearReport.findUnique({ where: { periodId_orgId: { periodId, orgId } }, select: REPORT_SELECT }), readScheme(prisma, periodId)]);
  const author = ratesSelf(actor, orgId);
  const open = scheme.publishedAt === null;
  const committee = managesRatings(actor) && reachesPath(actor, "rating.manage", org.path);
  if (!saved) {
    return {
      status: "NEW",
      body: author ? await draftFromLedger(periodId, orgId, language) : null,
      version: 0,
      savedBy: null,
      updatedAt: null,
      submittedAt: null,
      submittedBy: null,
      returnedAt: null,
      returnedBy: null,
      returnComment: null,
      canWrite: author && open,
      canReturn: false,
    };
  }
  return {
    status: saved.status,
    body: author || saved.status === "SUBMITTED" ? saved.body : null,
    version: saved.version,
    savedBy: saved.savedBy?.name ?? null,
    updatedAt: saved.updatedAt,
    submittedAt: saved.submittedAt,
    submittedBy: saved.submittedBy?.name ?? null,
    returnedAt: saved.returnedAt,
    returnedBy: saved.returnedBy?.name ?? null,
    returnComment: saved.returnComment,
    canWrite: author && open && saved.status === "DRAFT",
    canReturn: committee && open && saved.status === "SUBMITTED" && saved.returnedAt === null,
  };
}

type WriteInput = { periodId: string; orgId: string; body: string; expectedVersion: number };

/**
 * The secretary saves the report (the first save from the draft they
 * edited), and with `submit` hands it in. Refused once submitted, once the
 * year is published, and when someone saved it in between.
 */
async function writeReport(actor: Actor, input: WriteInput, submit: boolean): Promise<VersionChange> {
  return prisma.$transaction(async (tx) => {
    await openRatedWrite(tx, actor, "self", input.periodId, input.orgId, { freeze: false });
    const key = { periodId_orgId: { periodId: input.periodId, orgId: input.orgId } };
    const current = await tx.yearReport.findUnique({ where: key, select: { status: true, version: true, body: true } });
    const version = current?.version ?? 0;
    await checkVersion(version, input.expectedVersion, () => ({ version, status: current?.status ?? "NEW" }));
    if (current?.status === "SUBMITTED") throw new ValidationError("The report is submitted", { body: ["reportSubmitted"] });
    const submitted = submit ? { status: "SUBMITTED" as const, submittedAt: new Date(), submittedById: actor.id } : {};
    if (current) {
      await tx.yearReport.update({ where: key, data: { body: input.body, savedById: actor.id, version: { increment: 1 }, ...submitted } });
    } else {
      await tx.yearReport.create({ data: { periodId: input.periodId, orgId: input.orgId, body: input.body, savedById: actor.id, ...submitted } });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: submit ? "rating.report.submit" : "rating.report.save",
      entityType: "YearReport",
      entityId: `${input.periodId}/${input.orgId}`,
      orgId: input.orgId,
      before: current ? { body: current.body } : null,
      after: { body: input.body },
    });
    return { from: version, to: version + 1 };
  });
}

export function saveYearReport(actor: Actor, input: WriteInput): Promise<VersionChange> {
  return writeReport(actor, input, false);
}

export function submitYearReport(actor: Actor, input: WriteInput): Promise<VersionChange> {
  return writeReport(actor, input, true);
}

/** The committee returns a submitted report to its secretary, once, saying why. */
export async function returnYearReport(actor: Actor, input: { periodId: string; orgId: string; comment: string; expectedVersion: number }): Promise<VersionChange> {
  return prisma.$transaction(async (tx) => {
    await openRatedWrite(tx, actor, "committee", input.periodId, input.orgId, { freeze: false });
    const key = { periodId_orgId: { periodId: input.periodId, orgId: input.orgId } };
    const current = await tx.yearReport.findUnique({ where: key, select: { status: true, version: true, returnedAt: true } });
    if (!current || current.status !== "SUBMITTED") throw new ValidationError("Only a submitted report is returned", { comment: ["reportNotSubmitted"] });
    await checkVersion(current.version, input.expectedVersion, () => ({ version: current.version, status: current.status }));
    if (current.returnedAt) throw new ValidationError("A report is returned once", { comment: ["reportReturnedOnce"] });
    await tx.yearReport.update({
      where: key,
      data: { status: "DRAFT", returnedAt: new Date(), returnedById: actor.id, returnComment: input.comment, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "rating.report.return",
      entityType: "YearReport",
      entityId: `${input.periodId}/${input.orgId}`,
      orgId: input.orgId,
      after: { comment: input.comment },
    });
    return { from: current.version, to: current.version + 1 };
  });
}

/** Each unit's report status for the year, for the committee's list; units with none are left out. */
export async function reportStatuses(periodId: string, orgIds: readonly string[]): Promise<Map<string, "DRAFT" | "SUBMITTED">> {
  const rows = await prisma.yearReport.findMany({ where: { periodId, orgId: { in: [...orgIds] } }, select: { orgId: true, status: true } });
  return new Map(rows.map((r) => [r.orgId, r.status]));
}
