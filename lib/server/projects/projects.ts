import "server-only";
import type { Writable } from "node:stream";
import { currentYear, dayOf, dayString, isoDay, today } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgType, ProjectOutcome } from "@/lib/generated/prisma/enums";
import { localized } from "@/lib/org-label";
import { RATED_TYPES } from "@/lib/ratings/scheme";
import { holdsOn, pathUnderSql, reachesPath, scopePatterns } from "@/lib/server/access/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import { prisma } from "@/lib/server/db";
import { writeVersioned } from "@/lib/server/db/versioned-write";
import { DomainError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { writeLedgerWorkbook } from "@/lib/server/ledger-workbook";
import { managesRatings } from "@/lib/server/ratings/schemes";
import { PROJECTS_PER_YEAR, type TAddProjectProgress, type TMarkMilestone, type TRegisterProject, type TReviewProject, type TUpdateProject } from "@/lib/validation/projects";
import type { VersionChange } from "@/lib/version-change";
import { deadlineWarning, deadlineWarningSql, warningFirstSql, warningThresholds, type ItemWarning, type WarningColour } from "@/lib/warnings";

/**
 * Secretary projects (书记项目). Each organization's party secretary
 * registers one or two projects a year: the goal, the business work it
 * serves (党建业务融合), milestones with dates and a progress note each
 * quarter. A project's colour is its next milestone's: red once a
 * milestone is past its day and not reached, yellow and green as the day
 * nears, as for duties. At the year's end the working committee reviews
 * each (done, partly done, not done, with a comment); the review feeds the
 * secretary's yearly report.
 *
 * The secretary keeps the projects (project.keep, held on the organization
 * itself) until the review; the committee (rating.manage at a tree's top)
 * reviews them; readers of the organization's ratings (rating.read) see
 * them.
 */

type ProjectFacts = { id: string; orgId: string; year: number; version: number; outcome: ProjectOutcome | null; org: { path: string } };

const factsSelect = { id: true, orgId: true, year: true, version: true, outcome: true, org: { select: { path: true } } } as const;

/** Whether the actor reviews the project: the committee over its organization. */
function reviews(actor: Actor, project: ProjectFacts): boolean {
  return managesRatings(actor) && reachesPath(actor, "rating.manage", project.org.path);
}

function reads(actor: Actor, project: ProjectFacts): boolean {
  return reviews(actor, project) || reachesPath(actor, "rating.read", project.org.path) || holdsOn(actor, "project.keep", project.orgId);
}

/** The project for a write by its secretary: not found to a stranger, refused once reviewed. */
async function keptProject(db: Prisma.TransactionClient, actor: Actor, projectId: string): Promise<ProjectFacts> {
  const project = await db.secretaryProject.findUnique({ where: { id: projectId }, select: factsSelect });
  if (!project || !reads(actor, project)) throw new NotFoundError();
  if (!holdsOn(actor, "project.keep", project.orgId)) throw new DomainError("forbidden", "A project is kept by its own secretary");
  if (project.outcome) throw new ValidationError("A reviewed project no longer changes", { projectId: ["projectReviewed"] });
  return project;
}

/** Refuses a milestone whose day falls outside the project's year, at its day. */
function checkMilestoneDays(year: number, milestones: readonly { dueOn: string }[]): void {
  const errors: Record<string, string[]> = {};
  milestones.forEach((m, i) => {
    if (!m.dueOn.startsWith(`${year}-`)) errors[`milestones.${i}.dueOn`] = ["milestoneOutsideYear"];
  });
  if (Object.keys(errors).length > 0) throw new ValidationError("Milestones fall within the project's year", errors);
}

/**
 * A secretary registers a project of their own organization (a rated kind:
 * a party group, an organ party committee, a general branch or a branch)
 * for this year or the next, at most PROJECTS_PER_YEAR a year.
 */
export async function registerProject(actor: Actor, input: TRegisterProject, now: Date = new Date()): Promise<{ projectId: string }> {
  const org = await prisma.org.findUnique({ where: { id: input.orgId }, select: { id: true, type: true, closedAt: true } });
  if (!org || !holdsOn(actor, "project.keep", org.id)) throw new NotFoundError();
  if (!(RATED_TYPES as readonly string[]).includes(org.type) || org.closedAt) throw new ValidationError("Projects belong to a unit or branch", { orgId: ["notRated"] });
  const thisYear = currentYear(now);
  if (input.year < thisYear || input.year > thisYear + 1) throw new ValidationError("A project is for this year or the next", { year: ["projectYear"] });
  checkMilestoneDays(input.year, input.milestones);
  return prisma.$transaction(async (tx) => {
    // The organization's row, locked: two registrations at once cannot both pass the count.
    await tx.$queryRaw`SELECT 1 FROM "Org" WHERE "id" = ${org.id} FOR UPDATE`;
    if ((await tx.secretaryProject.count({ where: { orgId: org.id, year: input.year } })) >= PROJECTS_PER_YEAR) {
      throw new ValidationError("At most two projects a year", { year: ["tooManyProjects"] });
    }
    const project = await tx.secretaryProject.create({
      data: {
        orgId: org.id,
        year: input.year,
        title: input.title,
        goal: input.goal,
        business: input.business,
        registeredById: actor.id,
        milestones: { create: input.milestones.map((m, i) => ({ seq: i + 1, title: m.title, dueOn: dayOf(m.dueOn) })) },
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "project.register",
      entityType: "SecretaryProject",
      entityId: project.id,
      orgId: org.id,
      after: input as unknown as Prisma.InputJsonObject,
    });
    return { projectId: project.id };
  });
}

/**
 * The secretary changes a project's details and milestones until it is
 * reviewed. A milestone sent with its id is the same milestone (it keeps
 * its id and its day reached); one left out is removed; all are numbered
 * again in the order sent.
 */
export async function updateProject(actor: Actor, input: TUpdateProject): Promise<VersionChange> {
  return prisma.$transaction(async (tx) => {
    const project = await keptProject(tx, actor, input.projectId);
    checkMilestoneDays(project.year, input.milestones);
    return writeVersioned(tx, {
      version: project.version,
      expected: input.expectedVersion,
      state: () => ({ version: project.version }),
      update: async (version) => {
        const result = await tx.secretaryProject.updateMany({
          where: { id: project.id, version },
          data: { title: input.title, goal: input.goal, business: input.business, version: { increment: 1 } },
        });
        if (result.count === 1) await replaceMilestones(tx, project.id, input.milestones);
        return result;
      },
      audit: { actorId: actor.id, action: "project.update", entityType: "SecretaryProject", entityId: project.id, orgId: project.orgId, after: input as unknown as Prisma.InputJsonObject },
    });
  });
}

/** Makes the project's milestones those sent, in their order: the ones named by id changed in place, the rest removed or added. */
async function replaceMilestones(tx: Prisma.TransactionClient, projectId: string, milestones: TUpdateProject["milestones"]): Promise<void> {
  const kept = new Set((await tx.projectMilestone.findMany({ where: { projectId }, select: { id: true } })).map((m) => m.id));
  const unknown = milestones.findIndex((m) => m.id && !kept.has(m.id));
  if (unknown >= 0) throw new ValidationError("Unknown milestone", { [`milestones.${unknown}.title`]: ["unknownMilestone"] });
  const sent = new Set(milestones.flatMap((m) => (m.id ? [m.id] : [])));
  await tx.projectMilestone.deleteMany({ where: { projectId, id: { notIn: [...sent] } } });
  // Out of the way of the new numbers first: (projectId, seq) is unique.
  await tx.projectMilestone.updateMany({ where: { projectId }, data: { seq: { multiply: -1 } } });
  for (const [i, m] of milestones.entries()) {
    const data = { seq: i + 1, title: m.title, dueOn: dayOf(m.dueOn) };
    if (m.id) await tx.projectMilestone.update({ where: { id: m.id }, data });
    else await tx.projectMilestone.create({ data: { ...data, projectId } });
  }
}

/** The secretary marks a milestone reached on a day (not in the future), or not reached after all. */
export async function markMilestone(actor: Actor, input: TMarkMilestone, now: Date = new Date()): Promise<VersionChange> {
  if (input.doneOn && dayOf(input.doneOn) > today(now)) throw new ValidationError("A milestone is marked once reached", { doneOn: ["doneInFuture"] });
  return prisma.$transaction(async (tx) => {
    const project = await keptProject(tx, actor, input.projectId);
    const milestone = await tx.projectMilestone.findFirst({ where: { id: input.milestoneId, projectId: project.id }, select: { id: true } });
    if (!milestone) throw new NotFoundError();
    return writeVersioned(tx, {
      version: project.version,
      expected: input.expectedVersion,
      state: () => ({ version: project.version }),
      update: async (version) => {
        const result = await tx.secretaryProject.updateMany({ where: { id: project.id, version }, data: { version: { increment: 1 } } });
        if (result.count === 1) await tx.projectMilestone.update({ where: { id: milestone.id }, data: { doneOn: input.doneOn ? dayOf(input.doneOn) : null } });
        return result;
      },
      audit: {
        actorId: actor.id,
        action: "project.milestone",
        entityType: "SecretaryProject",
        entityId: project.id,
        orgId: project.orgId,
        after: { milestoneId: milestone.id, doneOn: input.doneOn || null },
      },
    });
  });
}

/**
 * The organization of a progress note the actor adds files to (its
 * evidence): the project's own secretary, until the review; the project's
 * row is locked, so that the review waits for the file or the file for it.
 */
export async function progressTakingFiles(db: Prisma.TransactionClient, actor: Actor, progressId: string): Promise<string> {
  const note = await db.projectProgress.findUnique({ where: { id: progressId }, select: { projectId: true } });
  if (!note) throw new NotFoundError();
  await db.$queryRaw`SELECT "id" FROM "SecretaryProject" WHERE "id" = ${note.projectId} FOR UPDATE`;
  return (await keptProject(db, actor, note.projectId)).orgId;
}

/** The secretary notes the progress of a quarter of the project's year (any number of notes; the audit log keeps who). */
export async function addProjectProgress(actor: Actor, input: TAddProjectProgress): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const project = await keptProject(tx, actor, input.projectId);
    const note = await tx.projectProgress.create({ data: { projectId: project.id, quarter: Number(input.quarter), text: input.text, authorId: actor.id }, select: { id: true } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "project.progress",
      entityType: "SecretaryProject",
      entityId: project.id,
      orgId: project.orgId,
      after: { progressId: note.id, quarter: Number(input.quarter), text: input.text },
    });
  });
}

/** The committee's year-end review, against the version it saw; a later review replaces it (the audit log keeps each). */
export async function reviewProject(actor: Actor, input: TReviewProject, now: Date = new Date()): Promise<VersionChange> {
  return prisma.$transaction(async (tx) => {
    const project = await tx.secretaryProject.findUnique({ where: { id: input.projectId }, select: factsSelect });
    if (!project || !reviews(actor, project)) throw new NotFoundError();
    return writeVersioned(tx, {
      version: project.version,
      expected: input.expectedVersion,
      state: () => ({ version: project.version }),
      update: (version) =>
        tx.secretaryProject.updateMany({
          where: { id: project.id, version },
          data: { outcome: input.outcome, reviewComment: input.comment, reviewedAt: now, reviewedById: actor.id, version: { increment: 1 } },
        }),
      audit: { actorId: actor.id, action: "project.review", entityType: "SecretaryProject", entityId: project.id, orgId: project.orgId, after: { outcome: input.outcome, comment: input.comment } },
    });
  });
}

/** The organizations whose projects the reader sees: the committee's reach, or their own subtrees'. */
function readPatterns(actor: Actor): string[] {
  return scopePatterns(actor, managesRatings(actor) ? "rating.manage" : "rating.read");
}

/** The organizations the actor keeps projects for: where they hold project.keep, of a rated kind, open. */
export async function projectOrgsOf(actor: Actor): Promise<{ id: string; name: string; nameEn: string | null }[]> {
  const ids = actor.grants.filter((g) => holdsOn(actor, "project.keep", g.orgId)).map((g) => g.orgId);
  if (ids.length === 0) return [];
  return prisma.org.findMany({
    where: { id: { in: ids }, type: { in: [...RATED_TYPES] }, closedAt: null },
    orderBy: { path: "asc" },
    select: { id: true, name: true, nameEn: true },
  });
}

export type ProjectRow = {
  id: string;
  title: string;
  orgId: string;
  org: string;
  orgEn: string | null;
  orgType: OrgType;
  milestones: { done: number; total: number };
  nextDue: Date | null;
  /** The next milestone's colour while the project is not reviewed. */
  warning: ItemWarning;
  lastQuarter: number | null;
  outcome: ProjectOutcome | null;
};

type RawProjectRow = Omit<ProjectRow, "milestones" | "warning"> & { done: bigint; total: bigint; colour: WarningColour | null };

export const PROJECTS_PAGE_SIZE = 50;

/**
 * A year's projects the reader sees, red first, then by the next
 * milestone's day, a page at a time, with the count of each colour over
 * the whole selection; `warning` keeps one colour, `countsOnly` reads the counts alone (the cockpit).
 */
export async function listProjects(
  actor: Actor,
  options: { year: number; page?: number; warning?: WarningColour; all?: boolean; countsOnly?: boolean },
  now: Date = new Date(),
): Promise<{ rows: ProjectRow[]; total: number; counts: Record<WarningColour, number> }> {
  const page = options.page ?? 1;
  const day = today(now);
  const thresholds = warningThresholds();
  const colour = deadlineWarningSql({ open: Prisma.sql`p."outcome" IS NULL AND m."nextDue" IS NOT NULL`, dueDate: Prisma.sql`m."nextDue"` }, day, thresholds);
  const base = Prisma.sql`
    FROM "SecretaryProject" p
    JOIN "Org" o ON o."id" = p."orgId"
    CROSS JOIN LATERAL (
      SELECT count(*) AS total, count(*) FILTER (WHERE x."doneOn" IS NOT NULL) AS done, min(x."dueOn") FILTER (WHERE x."doneOn" IS NULL) AS "nextDue"
        FROM "ProjectMilestone" x WHERE x."projectId" = p."id") m
    WHERE p."year" = ${options.year} AND ${pathUnderSql(Prisma.sql`o."path"`, readPatterns(actor))}`;
  const chosen = options.warning ? Prisma.sql`AND ${colour} = ${options.warning}` : Prisma.empty;
  const [rows, counts] = await Promise.all([
    options.countsOnly
      ? Promise.resolve([])
      : prisma.$queryRaw<RawProjectRow[]>`
      SELECT p."id", p."title", p."orgId", o."name" AS org, o."nameEn" AS "orgEn", o."type" AS "orgType", p."outcome",
             m.done, m.total, m."nextDue", ${colour} AS colour,
             (SELECT max(g."quarter") FROM "ProjectProgress" g WHERE g."projectId" = p."id") AS "lastQuarter"
      ${base} ${chosen}
      ORDER BY ${warningFirstSql(colour)}, m."nextDue" ASC NULLS LAST, o."path", p."createdAt"
      ${options.all ? Prisma.empty : Prisma.sql`LIMIT ${PROJECTS_PAGE_SIZE} OFFSET ${(page - 1) * PROJECTS_PAGE_SIZE}`}`,
    prisma.$queryRaw<{ colour: WarningColour | null; n: bigint }[]>`SELECT ${colour} AS colour, count(*) AS n ${base} GROUP BY 1`,
  ]);
  const tally: Record<WarningColour, number> = { red: 0, yellow: 0, green: 0 };
  let all = 0;
  for (const c of counts) {
    all += Number(c.n);
    if (c.colour) tally[c.colour] = Number(c.n);
  }
  return {
    rows: rows.map(({ done, total, colour: _colour, ...row }) => ({
      ...row,
      milestones: { done: Number(done), total: Number(total) },
      warning: row.outcome || !row.nextDue ? null : deadlineWarning(true, row.nextDue, day, thresholds),
    })),
    total: options.warning ? tally[options.warning] : all,
    counts: tally,
  };
}

/** One project with its milestones and progress, for a reader whose scope covers it; else not found. */
export async function getProject(actor: Actor, projectId: string, now: Date = new Date()) {
  const project = await prisma.secretaryProject.findUnique({
    where: { id: projectId },
    select: {
      ...factsSelect,
      title: true,
      goal: true,
      business: true,
      reviewComment: true,
      reviewedAt: true,
      createdAt: true,
      reviewedBy: { select: { name: true } },
      registeredBy: { select: { name: true } },
      org: { select: { path: true, name: true, nameEn: true } },
      milestones: { orderBy: { seq: "asc" }, select: { id: true, seq: true, title: true, dueOn: true, doneOn: true } },
      progress: { orderBy: [{ quarter: "asc" }, { createdAt: "asc" }], select: { id: true, quarter: true, text: true, createdAt: true, author: { select: { name: true } } } },
    },
  });
  if (!project || !reads(actor, project)) throw new NotFoundError();
  const day = today(now);
  const thresholds = warningThresholds();
  const milestones = project.milestones.map((m) => ({ ...m, warning: project.outcome ? null : deadlineWarning(m.doneOn === null, m.dueOn, day, thresholds) }));
  return {
    ...project,
    milestones,
    canKeep: holdsOn(actor, "project.keep", project.orgId) && !project.outcome,
    canReview: reviews(actor, project),
  };
}

export type ProjectPage = Awaited<ReturnType<typeof getProject>>;

/** A unit's projects of a year as its yearly report tells them: milestones reached and the committee's review. */
export async function projectsForReport(db: Prisma.TransactionClient, orgId: string, year: number) {
  const projects = await db.secretaryProject.findMany({
    where: { orgId, year },
    orderBy: { createdAt: "asc" },
    select: {
      title: true,
      goal: true,
      business: true,
      outcome: true,
      reviewComment: true,
      milestones: { orderBy: { seq: "asc" }, select: { title: true, dueOn: true, doneOn: true } },
      progress: { orderBy: [{ quarter: "desc" }, { createdAt: "desc" }], take: 1, select: { quarter: true, text: true } },
    },
  });
  return projects.map((p) => ({
    title: p.title,
    goal: p.goal,
    business: p.business,
    outcome: p.outcome,
    review: p.reviewComment,
    milestones: p.milestones.map((m) => ({ title: m.title, dueOn: isoDay(m.dueOn), doneOn: m.doneOn ? isoDay(m.doneOn) : null })),
    lastProgress: p.progress[0] ?? null,
  }));
}

/** A year's projects the reader sees, as the list shows them (with its colour filter), as an .xlsx; answers how many rows it wrote. */
export async function writeProjectWorkbook(
  actor: Actor,
  options: { year: number; warning?: WarningColour },
  output: Writable,
  words: { t: Translate; locale: string; now?: Date },
): Promise<number> {
  const { t, locale, now } = words;
  const { rows } = await listProjects(actor, { ...options, all: true }, now);
  const column = (key: string, width: number, wrap = false) => ({ key, width, wrap, header: t(`ratings.project.export.columns.${key}`) });
  await writeLedgerWorkbook(
    output,
    { sheet: t("ratings.project.export.sheet"), title: `${t("ratings.project.export.title", { year: options.year })} · ${t("ratings.export.exportedOn", { date: dayString(now) })}` },
    [column("title", 34, true), column("org", 30), column("done", 10), column("total", 10), column("nextDue", 12), column("warning", 10), column("lastQuarter", 10), column("outcome", 10)],
    rows.map((r) => ({
      title: r.title,
      org: localized(r.org, r.orgEn, locale),
      done: r.milestones.done,
      total: r.milestones.total,
      nextDue: r.nextDue && !r.outcome ? isoDay(r.nextDue) : "",
      warning: r.warning ? t(`warning.${r.warning.colour}`) : "",
      lastQuarter: r.lastQuarter ?? "",
      outcome: r.outcome ? t(`ratings.project.outcome.${r.outcome}`) : t("ratings.project.notReviewed"),
    })),
  );
  return rows.length;
}
