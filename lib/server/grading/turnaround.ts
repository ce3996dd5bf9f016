import "server-only";
import { redirect } from "next/navigation";
import type { Writable } from "node:stream";
import { currentYear, dayOf, dayString, isoDay, today } from "@/lib/dates";
import { FINDING_OPEN_STATES } from "@/lib/finding-state";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TurnaroundTrigger } from "@/lib/generated/prisma/enums";
import { GRADED_TYPES } from "@/lib/grading/scheme";
import { localized } from "@/lib/org-label";
import { pathUnderSql, reachesPath, scopePatterns } from "@/lib/server/access/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import { prisma } from "@/lib/server/db";
import { writeVersioned } from "@/lib/server/db/versioned-write";
import { assertId, DomainError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { confirmsGrades } from "@/lib/server/grading/grading";
import { readGradingSchemes } from "@/lib/server/grading/scheme-store";
import { findingOverdueSql } from "@/lib/server/inspections/finding-rules";
import { checkProblemCategories, createStandingRound, standingProblemsSelect, toStandingProblems } from "@/lib/server/inspections/standing-round";
import { writeLedgerWorkbook } from "@/lib/server/ledger-workbook";
import { holdersOf, notify } from "@/lib/server/notifications/notify";
import type { TConvertTurnaround, TOpenTurnaround, TTurnaroundQuery } from "@/lib/validation/grading";
import type { VersionChange } from "@/lib/version-change";
import { deadlineWarning, deadlineWarningSql, warningFirstSql, warningThresholds, type ItemWarning, type WarningColour } from "@/lib/warnings";

/**
 * Weak-and-lax turnaround (软弱涣散整顿). The working committee (the one
 * that confirms grades) opens a case on a branch graded lowest, or names a
 * branch weak and lax itself: the causes, the leader answering for it (a
 * person holding a role one level up or more, below the committee), and
 * the measures with their deadlines. The measures are the findings of a
 * standing round (type TURNAROUND), so the branch rectifies them with
 * progress and evidence, the deployment's parties accept them, they turn
 * yellow and red, escalate when late and reopen, on the findings' own
 * pages. Once every measure is closed out the committee records the branch
 * converted (转化); the case stays on record. A branch has one open case
 * at a time.
 *
 * Readers: grading.read over the branch (the party committee above, the
 * branch's own secretaries and staff, the committee).
 */

function readsFor(actor: Actor, path: string): boolean {
  return reachesPath(actor, "grading.read", path);
}

function managesFor(actor: Actor, path: string): boolean {
  return confirmsGrades(actor) && reachesPath(actor, "grading.confirm", path);
}

/** Whether the actor opens cases at all (the list's and the grade page's links). */
export function opensTurnaround(actor: Actor): boolean {
  return confirmsGrades(actor);
}

type Branch = { id: string; path: string; name: string; nameEn: string | null; closedAt: Date | null };

async function managedBranch(db: Prisma.TransactionClient | typeof prisma, actor: Actor, orgId: string): Promise<Branch> {
  assertId(orgId);
  const org = await db.org.findUnique({ where: { id: orgId }, select: { id: true, path: true, type: true, name: true, nameEn: true, closedAt: true } });
  if (!org || !(GRADED_TYPES as readonly string[]).includes(org.type) || !readsFor(actor, org.path)) throw new NotFoundError();
  if (!managesFor(actor, org.path)) throw new DomainError("forbidden", "The working committee opens turnaround cases");
  return org;
}

/**
 * The people who may answer for a branch's turnaround: active users with a
 * role on an organization above the branch and below the tree's top (its
 * party committee, its unit), the nearest first.
 */
export async function turnaroundLeaders(db: Prisma.TransactionClient | typeof prisma, branchPath: string): Promise<{ id: string; name: string; org: string; orgEn: string | null }[]> {
  const ancestors = branchPath.split("/").filter(Boolean).slice(1, -1);
  if (ancestors.length === 0) return [];
  const grants = await db.roleGrant.findMany({
    where: { orgId: { in: ancestors }, role: { in: ["SECRETARY", "STAFF"] }, user: { isActive: true } },
    select: { user: { select: { id: true, name: true } }, org: { select: { name: true, nameEn: true, depth: true } } },
    orderBy: [{ org: { depth: "desc" } }, { user: { name: "asc" } }],
  });
  const seen = new Set<string>();
  return grants.flatMap((g) => (seen.has(g.user.id) ? [] : (seen.add(g.user.id), [{ id: g.user.id, name: g.user.name, org: g.org.name, orgEn: g.org.nameEn }])));
}

/** What the committee's form to open a case needs: the branch, why it would be opened, who may lead it, and whether a case is open already. */
export async function turnaroundSetup(actor: Actor, orgId: string) {
  const org = await managedBranch(prisma, actor, orgId).catch((error: unknown) => {
    // A page: what the actor may not open a case on is simply not there for them.
    if (error instanceof DomainError && error.code === "forbidden") throw new NotFoundError();
    throw error;
  });
  const [leaders, trigger, open] = await Promise.all([
    turnaroundLeaders(prisma, org.path),
    triggerOf(prisma, org.id),
    prisma.turnaroundCase.findFirst({ where: { orgId: org.id, convertedOn: null }, select: { id: true } }),
  ]);
  return { org, leaders, trigger, openCaseId: open?.id ?? null };
}

/** LOWEST_GRADE when the branch's latest confirmed grade is the lowest of its year's scheme; NAMED otherwise. */
async function triggerOf(db: Prisma.TransactionClient | typeof prisma, orgId: string): Promise<TurnaroundTrigger> {
  const latest = await db.branchGrade.findFirst({ where: { orgId, rank: { not: null } }, orderBy: { year: "desc" }, select: { year: true, rank: true } });
  if (!latest) return "NAMED";
  const scheme = (await readGradingSchemes(db, [latest.year])).get(latest.year)!;
  return latest.rank === scheme.grades.length ? "LOWEST_GRADE" : "NAMED";
}

/** The committee opens a case on a branch with no open case; the branch's secretaries hear of it. Answers the case's id. */
export async function openTurnaround(actor: Actor, input: TOpenTurnaround, now: Date = new Date()): Promise<{ caseId: string }> {
  return prisma.$transaction(async (tx) => {
    const org = await managedBranch(tx, actor, input.orgId);
    if (org.closedAt) throw new ValidationError("A closed branch has no turnaround", { orgId: ["orgClosed"] });
    // The branch's row, locked: two cases opened at once cannot both pass the one-open-case rule.
    await tx.$queryRaw`SELECT 1 FROM "Org" WHERE "id" = ${org.id} FOR UPDATE`;
    if (await tx.turnaroundCase.findFirst({ where: { orgId: org.id, convertedOn: null }, select: { id: true } })) {
      throw new ValidationError("The branch has an open turnaround case", { orgId: ["caseOpen"] });
    }
    if (!(await turnaroundLeaders(tx, org.path)).some((l) => l.id === input.leaderId)) throw new ValidationError("The leader answers from above the branch", { leaderId: ["leaderRequired"] });
    const day = today(now);
    const errors: Record<string, string[]> = {};
    input.measures.forEach((m, i) => {
      if (dayOf(m.deadline) <= day) errors[`measures.${i}.deadline`] = ["deadlineNotAfterToday"];
    });
    if (Object.keys(errors).length > 0) throw new ValidationError("Measures are due after today", errors);
    await checkProblemCategories(tx, input.measures, "measures");
    const trigger = await triggerOf(tx, org.id);
    const { roundId, reportId } = await createStandingRound(
      tx,
      actor,
      { type: "TURNAROUND", title: `软弱涣散整顿 ${org.name}`, org, day: isoDay(day), summary: input.causes, problems: input.measures },
      now,
    );
    const created = await tx.turnaroundCase.create({
      data: { orgId: org.id, roundId, year: currentYear(now), trigger, causes: input.causes, leaderId: input.leaderId, openedById: actor.id, openedAt: now },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "turnaround.open",
      entityType: "TurnaroundCase",
      entityId: created.id,
      orgId: org.id,
      after: { ...input, trigger, roundId } as unknown as Prisma.InputJsonObject,
    });
    await notify(tx, {
      kind: "TURNAROUND_OPENED",
      userIds: await holdersOf(tx, org.id, "report.notice"),
      reportId,
      actorId: actor.id,
      payload: { measures: input.measures.length },
    });
    return { caseId: created.id };
  });
}

/** The committee records the branch converted on a day (not in the future), once every measure is closed out; against the version seen. */
export async function convertTurnaround(actor: Actor, input: TConvertTurnaround, now: Date = new Date()): Promise<VersionChange> {
  if (dayOf(input.convertedOn) > today(now)) throw new ValidationError("Converted on a day gone by", { convertedOn: ["convertedInFuture"] });
  return prisma.$transaction(async (tx) => {
    assertId(input.caseId);
    const found = await tx.turnaroundCase.findUnique({ where: { id: input.caseId }, select: { id: true, roundId: true, version: true, convertedOn: true, org: { select: { id: true, path: true } } } });
    if (!found || !readsFor(actor, found.org.path)) throw new NotFoundError();
    if (!managesFor(actor, found.org.path)) throw new DomainError("forbidden", "The working committee records the conversion");
    if (found.convertedOn) throw new ValidationError("Converted already", { convertedOn: ["alreadyConverted"] });
    if ((await tx.finding.count({ where: { roundId: found.roundId, state: { not: "CLOSED" } } })) > 0) {
      throw new ValidationError("Every measure is closed out first", { convertedOn: ["measuresOpen"] });
    }
    return writeVersioned(tx, {
      version: found.version,
      expected: input.expectedVersion,
      state: () => ({ version: found.version }),
      update: (version) =>
        tx.turnaroundCase.updateMany({
          where: { id: found.id, version },
          data: { convertedOn: dayOf(input.convertedOn), conversionNote: input.note || null, convertedById: actor.id, version: { increment: 1 } },
        }),
      audit: { actorId: actor.id, action: "turnaround.convert", entityType: "TurnaroundCase", entityId: found.id, orgId: found.org.id, after: { convertedOn: input.convertedOn, note: input.note } },
    });
  });
}

export type TurnaroundRow = {
  id: string;
  orgId: string;
  org: string;
  orgEn: string | null;
  unit: string;
  unitEn: string | null;
  trigger: TurnaroundTrigger;
  leader: string | null;
  openedAt: Date;
  convertedOn: Date | null;
  nextDue: Date | null;
  tally: { total: number; closed: number; overdue: number };
  /** The nearest deadline's colour among the measures still the branch's to work on, while the case is open. */
  warning: ItemWarning;
};

type RawRow = Omit<TurnaroundRow, "tally" | "warning"> & { total: bigint; closed: bigint; overdue: bigint };

export const TURNAROUND_PAGE_SIZE = 50;

/**
 * The cases the reader sees: open ones (the default) red first, then by
 * the nearest deadline, with the count of each colour; or the converted
 * ones, the latest first. A page at a time, or `all`.
 */
export async function listTurnaround(actor: Actor, query: TTurnaroundQuery & { all?: boolean }, now: Date = new Date()) {
  const status = query.status ?? "open";
  const day = today(now);
  const thresholds = warningThresholds();
  const colour = deadlineWarningSql({ open: Prisma.sql`c."convertedOn" IS NULL AND m."nextDue" IS NOT NULL`, dueDate: Prisma.sql`m."nextDue"` }, day, thresholds);
  const base = Prisma.sql`
    FROM "TurnaroundCase" c
    JOIN "Org" o ON o."id" = c."orgId"
    JOIN "Org" u ON u."id" = coalesce(nullif(split_part(btrim(o."path", '/'), '/', 2), ''), o."id")
    LEFT JOIN "User" l ON l."id" = c."leaderId"
    CROSS JOIN LATERAL (
      SELECT count(*) AS total, count(*) FILTER (WHERE f."state" = 'CLOSED') AS closed,
             count(*) FILTER (WHERE ${findingOverdueSql(day)}) AS overdue,
             min(f."deadline") FILTER (WHERE f."state"::text = ANY (${[...FINDING_OPEN_STATES]}::text[])) AS "nextDue"
        FROM "Finding" f WHERE f."roundId" = c."roundId") m
    WHERE ${pathUnderSql(Prisma.sql`o."path"`, scopePatterns(actor, "grading.read"))}
      AND ${status === "open" ? Prisma.sql`c."convertedOn" IS NULL` : Prisma.sql`c."convertedOn" IS NOT NULL`}`;
  const chosen = query.warning && status === "open" ? Prisma.sql`AND ${colour} = ${query.warning}` : Prisma.empty;
  const order = status === "open" ? Prisma.sql`${warningFirstSql(colour)}, m."nextDue" ASC NULLS LAST, o."path"` : Prisma.sql`c."convertedOn" DESC, o."path"`;
  const page = query.page ?? 1;
  const [rows, counts] = await Promise.all([
    prisma.$queryRaw<RawRow[]>`
      SELECT c."id", c."orgId", o."name" AS org, o."nameEn" AS "orgEn", u."name" AS unit, u."nameEn" AS "unitEn", c."trigger", l."name" AS leader,
             c."openedAt", c."convertedOn", m."nextDue", m.total, m.closed, m.overdue
      ${base} ${chosen}
      ORDER BY ${order}
      ${query.all ? Prisma.empty : Prisma.sql`LIMIT ${TURNAROUND_PAGE_SIZE} OFFSET ${(page - 1) * TURNAROUND_PAGE_SIZE}`}`,
    prisma.$queryRaw<{ colour: WarningColour | null; n: bigint }[]>`SELECT ${colour} AS colour, count(*) AS n ${base} GROUP BY 1`,
  ]);
  const tally: Record<WarningColour, number> = { red: 0, yellow: 0, green: 0 };
  let all = 0;
  for (const c of counts) {
    all += Number(c.n);
    if (c.colour) tally[c.colour] = Number(c.n);
  }
  return {
    status,
    rows: rows.map(({ total, closed, overdue, ...row }): TurnaroundRow => ({
      ...row,
      tally: { total: Number(total), closed: Number(closed), overdue: Number(overdue) },
      warning: row.convertedOn || !row.nextDue ? null : deadlineWarning(true, row.nextDue, day, thresholds),
    })),
    total: query.warning && status === "open" ? tally[query.warning] : all,
    counts: tally,
  };
}

/** One case with its measures, for a reader whose scope covers the branch; else not found. */
export async function getTurnaround(actor: Actor, caseId: string) {
  assertId(caseId);
  const found = await prisma.turnaroundCase.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      version: true,
      year: true,
      trigger: true,
      causes: true,
      openedAt: true,
      convertedOn: true,
      conversionNote: true,
      org: { select: { id: true, name: true, nameEn: true, path: true } },
      leader: { select: { name: true } },
      openedBy: { select: { name: true } },
      convertedBy: { select: { name: true } },
      round: { select: { reports: { select: { id: true } }, findings: standingProblemsSelect } },
    },
  });
  if (!found || !readsFor(actor, found.org.path)) throw new NotFoundError();
  const { round, ...rest } = found;
  const measures = toStandingProblems(round.findings);
  return {
    ...rest,
    reportId: round.reports[0]?.id ?? null,
    measures,
    canConvert: managesFor(actor, found.org.path) && !found.convertedOn && measures.every((m) => m.state === "CLOSED"),
    manages: managesFor(actor, found.org.path),
  };
}

/** A branch's cases, the latest first (its grade page). */
export async function branchTurnarounds(actor: Actor, org: { id: string; path: string }) {
  if (!readsFor(actor, org.path)) return [];
  return prisma.turnaroundCase.findMany({ where: { orgId: org.id }, orderBy: { openedAt: "desc" }, select: { id: true, openedAt: true, convertedOn: true } });
}

/** A TURNAROUND round's report and round pages (where its notice and its measures lead) redirect to the case they stand for. */
export async function redirectToTurnaround(roundId: string): Promise<void> {
  const found = await prisma.turnaroundCase.findUnique({ where: { roundId }, select: { id: true } });
  if (found) redirect(`/branches/turnaround/${found.id}`);
}

/** The cases as the list shows them, as an .xlsx; answers how many rows it wrote. */
export async function writeTurnaroundWorkbook(actor: Actor, query: TTurnaroundQuery, output: Writable, words: { t: Translate; locale: string; now?: Date }): Promise<number> {
  const { t, locale, now } = words;
  const { rows, status } = await listTurnaround(actor, { ...query, all: true }, now);
  const column = (key: string, width: number, wrap = false) => ({ key, width, wrap, header: t(`turnaround.export.columns.${key}`) });
  await writeLedgerWorkbook(
    output,
    { sheet: t("turnaround.export.sheet"), title: `${t(`turnaround.status.${status}`)} · ${t("turnaround.export.title")} · ${t("grading.export.exportedOn", { date: dayString(now) })}` },
    [column("branch", 40, true), column("unit", 30), column("trigger", 14), column("leader", 12), column("openedOn", 12), column("closed", 10), column("total", 10), column("overdue", 10), column("nextDue", 12), column("warning", 10), column("convertedOn", 12)],
    rows.map((r) => ({
      branch: localized(r.org, r.orgEn, locale),
      unit: localized(r.unit, r.unitEn, locale),
      trigger: t(`turnaround.trigger.${r.trigger}`),
      leader: r.leader ?? "",
      openedOn: dayString(r.openedAt),
      closed: r.tally.closed,
      total: r.tally.total,
      overdue: r.tally.overdue,
      nextDue: r.nextDue && !r.convertedOn ? isoDay(r.nextDue) : "",
      warning: r.warning ? t(`warning.${r.warning.colour}`) : "",
      convertedOn: r.convertedOn ? isoDay(r.convertedOn) : "",
    })),
  );
  return rows.length;
}
