import "server-only";
import type { Writable } from "node:stream";
import { currentYear, dayOf, dayString, isoDay, today } from "@/lib/dates";
import type { ModelSiteOutcome, Prisma } from "@/lib/generated/prisma/client";
import { GRADED_TYPES } from "@/lib/grading/scheme";
import { localized } from "@/lib/org-label";
import { orgScopeWhere, reachesPath } from "@/lib/server/access/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import { prisma } from "@/lib/server/db";
import { writeVersioned } from "@/lib/server/db/versioned-write";
import { assertId, DomainError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { confirmsGrades } from "@/lib/server/grading/grading";
import { writeLedgerWorkbook } from "@/lib/server/ledger-workbook";
import type { TDesignateModelSite, TModelSiteQuery, TReviewModelSite } from "@/lib/validation/grading";
import type { VersionChange } from "@/lib/version-change";

/**
 * Model sites (示范点). The working committee (the one that confirms
 * grades) designates a branch a model site, with what it models and the
 * day the plaque was hung; each year it reviews every site, which keeps the
 * title or has it withdrawn. A withdrawn site stays on record; a branch
 * holds one title at a time. Readers: grading.read over the branch.
 */

function managesFor(actor: Actor, path: string): boolean {
  return confirmsGrades(actor) && reachesPath(actor, "grading.confirm", path);
}

/** Whether the actor designates and reviews sites at all. */
export function keepsModelSites(actor: Actor): boolean {
  return confirmsGrades(actor);
}

/** The committee designates a branch in its reach that holds no title now; the plaque hung today or before. Answers the site's id. */
export async function designateModelSite(actor: Actor, input: TDesignateModelSite, now: Date = new Date()): Promise<{ siteId: string }> {
  if (dayOf(input.plaqueOn) > today(now)) throw new ValidationError("The plaque is hung first", { plaqueOn: ["plaqueInFuture"] });
  return prisma.$transaction(async (tx) => {
    assertId(input.orgId);
    const org = await tx.org.findUnique({ where: { id: input.orgId }, select: { id: true, path: true, type: true, closedAt: true } });
    if (!org || !(GRADED_TYPES as readonly string[]).includes(org.type) || !reachesPath(actor, "grading.read", org.path)) throw new NotFoundError();
    if (!managesFor(actor, org.path)) throw new DomainError("forbidden", "The working committee designates model sites");
    if (org.closedAt) throw new ValidationError("A closed branch is no model", { orgId: ["orgClosed"] });
    // The branch's row, locked: two designations at once cannot both pass the one-title rule.
    await tx.$queryRaw`SELECT 1 FROM "Org" WHERE "id" = ${org.id} FOR UPDATE`;
    if (await tx.modelSite.findFirst({ where: { orgId: org.id, withdrawnOn: null }, select: { id: true } })) {
      throw new ValidationError("The branch is a model site already", { orgId: ["alreadyModel"] });
    }
    const site = await tx.modelSite.create({
      data: { orgId: org.id, title: input.title, models: input.models, plaqueOn: dayOf(input.plaqueOn), designatedById: actor.id },
      select: { id: true },
    });
    await writeAudit(tx, { actorId: actor.id, action: "modelSite.designate", entityType: "ModelSite", entityId: site.id, orgId: org.id, after: input as unknown as Prisma.InputJsonObject });
    return { siteId: site.id };
  });
}

/** The committee's review of this year, once a year, against the version seen; WITHDRAWN ends the title today. */
export async function reviewModelSite(actor: Actor, input: TReviewModelSite, now: Date = new Date()): Promise<VersionChange> {
  return prisma.$transaction(async (tx) => {
    assertId(input.siteId);
    const site = await tx.modelSite.findUnique({ where: { id: input.siteId }, select: { id: true, version: true, withdrawnOn: true, org: { select: { id: true, path: true } } } });
    if (!site || !reachesPath(actor, "grading.read", site.org.path)) throw new NotFoundError();
    if (!managesFor(actor, site.org.path)) throw new DomainError("forbidden", "The working committee reviews model sites");
    if (site.withdrawnOn) throw new ValidationError("The title is withdrawn", { outcome: ["withdrawn"] });
    const year = currentYear(now);
    if (await tx.modelSiteReview.findUnique({ where: { siteId_year: { siteId: site.id, year } }, select: { id: true } })) {
      throw new ValidationError("Reviewed this year already", { outcome: ["reviewedThisYear"] });
    }
    const day = today(now);
    return writeVersioned(tx, {
      version: site.version,
      expected: input.expectedVersion,
      state: () => ({ version: site.version }),
      update: async (version) => {
        const result = await tx.modelSite.updateMany({
          where: { id: site.id, version },
          data: { withdrawnOn: input.outcome === "WITHDRAWN" ? day : null, version: { increment: 1 } },
        });
        if (result.count === 1) {
          await tx.modelSiteReview.create({ data: { siteId: site.id, year, outcome: input.outcome, comment: input.comment, reviewedById: actor.id, reviewedOn: day } });
        }
        return result;
      },
      audit: { actorId: actor.id, action: "modelSite.review", entityType: "ModelSite", entityId: site.id, orgId: site.org.id, after: { year, outcome: input.outcome, comment: input.comment } },
    });
  });
}

export const MODEL_SITES_PAGE_SIZE = 50;

const rowSelect = {
  id: true,
  title: true,
  plaqueOn: true,
  withdrawnOn: true,
  org: { select: { id: true, name: true, nameEn: true } },
  reviews: { orderBy: { year: "desc" }, take: 1, select: { year: true, outcome: true } },
} satisfies Prisma.ModelSiteSelect;

export type ModelSiteRow = Prisma.ModelSiteGetPayload<{ select: typeof rowSelect }> & { reviewDue: boolean };

/**
 * The sites the reader sees: those holding the title (the default), the
 * ones not yet reviewed this year first; or the withdrawn ones, the latest
 * first. A page at a time, or `all`; with how many still await this year's review.
 */
export async function listModelSites(actor: Actor, query: TModelSiteQuery & { all?: boolean }, now: Date = new Date()) {
  const status = query.status ?? "active";
  const year = currentYear(now);
  const where: Prisma.ModelSiteWhereInput = { org: orgScopeWhere(actor, "grading.read"), withdrawnOn: status === "active" ? null : { not: null } };
  const page = query.page ?? 1;
  const size = query.all ? undefined : MODEL_SITES_PAGE_SIZE;
  const skip = query.all ? 0 : (page - 1) * MODEL_SITES_PAGE_SIZE;
  const find = (w: Prisma.ModelSiteWhereInput, from: number, take: number | undefined, orderBy: Prisma.ModelSiteOrderByWithRelationInput[]) =>
    take === 0 ? Promise.resolve([]) : prisma.modelSite.findMany({ where: w, select: rowSelect, orderBy, skip: from, take });
  const [total, due] = await Promise.all([prisma.modelSite.count({ where }), status === "active" ? prisma.modelSite.count({ where: { ...where, reviews: { none: { year } } } }) : Promise.resolve(0)]);
  let sites: Prisma.ModelSiteGetPayload<{ select: typeof rowSelect }>[];
  if (status === "active") {
    // Those awaiting this year's review first, then the reviewed ones: a page may span both.
    const byPlaque = [{ plaqueOn: "asc" as const }, { id: "asc" as const }];
    const first = skip < due ? await find({ ...where, reviews: { none: { year } } }, skip, size, byPlaque) : [];
    const rest = await find({ ...where, reviews: { some: { year } } }, Math.max(0, skip - due), size === undefined ? undefined : size - first.length, byPlaque);
    sites = [...first, ...rest];
  } else {
    sites = await find(where, skip, size, [{ withdrawnOn: "desc" }, { id: "asc" }]);
  }
  return { status, year, total, due, rows: sites.map((s) => ({ ...s, reviewDue: !s.withdrawnOn && s.reviews[0]?.year !== year })) };
}

/** One site with its reviews, for a reader whose scope covers the branch; else not found. */
export async function getModelSite(actor: Actor, siteId: string, now: Date = new Date()) {
  assertId(siteId);
  const site = await prisma.modelSite.findUnique({
    where: { id: siteId },
    select: {
      id: true,
      version: true,
      title: true,
      models: true,
      plaqueOn: true,
      withdrawnOn: true,
      designatedBy: { select: { name: true } },
      org: { select: { id: true, name: true, nameEn: true, path: true } },
      reviews: { orderBy: { year: "desc" }, select: { id: true, year: true, outcome: true, comment: true, reviewedOn: true, reviewedBy: { select: { name: true } } } },
    },
  });
  if (!site || !reachesPath(actor, "grading.read", site.org.path)) throw new NotFoundError();
  const year = currentYear(now);
  return { ...site, year, canReview: managesFor(actor, site.org.path) && !site.withdrawnOn && !site.reviews.some((r) => r.year === year) };
}

/** A branch's titles, the latest first (its grade page), and whether the actor may designate it now. */
export async function branchModelSites(actor: Actor, org: { id: string; path: string; closedAt: Date | null }) {
  if (!reachesPath(actor, "grading.read", org.path)) return { sites: [], canDesignate: false };
  const sites = await prisma.modelSite.findMany({ where: { orgId: org.id }, orderBy: { plaqueOn: "desc" }, select: { id: true, title: true, plaqueOn: true, withdrawnOn: true } });
  return { sites, canDesignate: managesFor(actor, org.path) && !org.closedAt && sites.every((s) => s.withdrawnOn) };
}

/** What the committee's designation form needs: the branch, in its reach, with no title now. */
export async function modelSiteSetup(actor: Actor, orgId: string) {
  assertId(orgId);
  const org = await prisma.org.findUnique({ where: { id: orgId }, select: { id: true, path: true, type: true, name: true, nameEn: true, closedAt: true } });
  if (!org || !(GRADED_TYPES as readonly string[]).includes(org.type) || !reachesPath(actor, "grading.read", org.path)) throw new NotFoundError();
  if (!managesFor(actor, org.path)) throw new NotFoundError();
  const held = await prisma.modelSite.findFirst({ where: { orgId: org.id, withdrawnOn: null }, select: { id: true } });
  return { org, heldSiteId: held?.id ?? null };
}

/** The sites as the list shows them, as an .xlsx; answers how many rows it wrote. */
export async function writeModelSiteWorkbook(actor: Actor, query: TModelSiteQuery, output: Writable, words: { t: Translate; locale: string; now?: Date }): Promise<number> {
  const { t, locale, now } = words;
  const { rows, status } = await listModelSites(actor, { ...query, all: true }, now);
  const column = (key: string, width: number, wrap = false) => ({ key, width, wrap, header: t(`modelSites.export.columns.${key}`) });
  const outcome = (o: ModelSiteOutcome) => t(`modelSites.outcome.${o}`);
  await writeLedgerWorkbook(
    output,
    { sheet: t("modelSites.export.sheet"), title: `${t(`modelSites.status.${status}`)} · ${t("modelSites.export.title")} · ${t("grading.export.exportedOn", { date: dayString(now) })}` },
    [column("branch", 40, true), column("title", 30, true), column("plaqueOn", 12), column("lastReview", 16), column("withdrawnOn", 12)],
    rows.map((r) => ({
      branch: localized(r.org.name, r.org.nameEn, locale),
      title: r.title,
      plaqueOn: isoDay(r.plaqueOn),
      lastReview: r.reviews[0] ? `${r.reviews[0].year} ${outcome(r.reviews[0].outcome)}` : "",
      withdrawnOn: r.withdrawnOn ? isoDay(r.withdrawnOn) : "",
    })),
  );
  return rows.length;
}
