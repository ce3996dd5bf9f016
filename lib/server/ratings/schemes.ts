import "server-only";
import { dayString } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_RATING_SCHEME, type RatingScheme, ZRatingScheme } from "@/lib/ratings/scheme";
import { rolesOf } from "@/lib/server/access/permissions";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { checkVersion } from "@/lib/server/db/versioned-write";
import { DomainError, NotFoundError, ValidationError } from "@/lib/server/errors";
import type { VersionChange } from "@/lib/version-change";

/** A year's scheme as the committee sees it: the saved one, or the default until one is saved (version 0). */
export type SchemeView = {
  periodId: string;
  year: number;
  config: RatingScheme;
  version: number;
  frozenAt: Date | null;
  savedBy: string | null;
  updatedAt: Date | null;
  /** When the year's results were published, and by whom; null before. */
  publishedAt: Date | null;
  publishedBy: string | null;
};

/**
 * The year's rating is the working committee's: the permission held on a
 * tree's top (a committee), not on a unit an administrator keeps.
 */
export function managesRatings(actor: Actor): boolean {
  const roles = rolesOf("rating.manage");
  return actor.grants.some((g) => roles.includes(g.role) && g.orgPath.split("/").filter(Boolean).length === 1);
}

export function assertManages(actor: Actor): void {
  if (!managesRatings(actor)) throw new DomainError("forbidden", "Only the working committee rates the year");
}

type RatedYearOption = { id: string; year: number };

/** The year periods there are, the latest first: the ones a rating can be for. */
export function listRatedYears(): Promise<RatedYearOption[]> {
  return prisma.period.findMany({ where: { kind: "YEAR" }, select: { id: true, year: true }, orderBy: { year: "desc" } });
}

/** Of `years`, the one asked for when it is one; else this year's, else the latest; null when there is none. */
export function pickRatedYear(years: RatedYearOption[], periodId: string | undefined, now = new Date()): RatedYearOption | null {
  const thisYear = Number(dayString(now).slice(0, 4));
  return years.find((y) => y.id === periodId) ?? years.find((y) => y.year === thisYear) ?? years[0] ?? null;
}

/** pickRatedYear among the year periods there are. */
export async function resolveRatedYear(periodId: string | undefined, now = new Date()): Promise<RatedYearOption | null> {
  return pickRatedYear(await listRatedYears(), periodId, now);
}

/** A year period's scheme as it stands; not found for any other period. Callers check who asks. */
export async function readScheme(db: Prisma.TransactionClient | typeof prisma, periodId: string): Promise<SchemeView> {
  const period = await db.period.findUnique({
    where: { id: periodId },
    select: { id: true, year: true, kind: true, ratingScheme: {
        select: { config: true, version: true, frozenAt: true, updatedAt: true, publishedAt: true, savedBy: { select: { name: true } }, publishedBy: { select: { name: true } } },
      },
    },
  });
  if (!period || period.kind !== "YEAR") throw new NotFoundError();
  const saved = period.ratingScheme;
  if (!saved) return { periodId, year: period.year, config: DEFAULT_RATING_SCHEME, version: 0, frozenAt: null, savedBy: null, updatedAt: null, publishedAt: null, publishedBy: null };
  // A saved scheme was checked when it was saved; read back, it is checked again rather than trusted.
  return {
    periodId,
    year: period.year,
    config: ZRatingScheme.parse(saved.config),
    version: saved.version,
    frozenAt: saved.frozenAt,
    savedBy: saved.savedBy?.name ?? null,
    updatedAt: saved.updatedAt,
    publishedAt: saved.publishedAt,
    publishedBy: saved.publishedBy?.name ?? null,
  };
}

/** The scheme of a year period, for the committee; not found for any other period. */
export async function getRatingScheme(actor: Actor, periodId: string): Promise<SchemeView> {
  assertManages(actor);
  return readScheme(prisma, periodId);
}

/**
 * Saves a year's scheme against the version the committee saw (0 for the
 * default, never saved): refused once frozen, and when someone saved it in
 * between. Audited with what it was and what it became.
 */
export async function saveRatingScheme(actor: Actor, input: { periodId: string; config: RatingScheme; expectedVersion: number }): Promise<VersionChange> {
  assertManages(actor);
  const parsed = ZRatingScheme.safeParse(input.config);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[["config", ...issue.path].join(".")] ??= []).push(issue.message);
    throw new ValidationError("The scheme does not hold together", errors);
  }
  return prisma.$transaction(async (tx) => {
    // The period's row, locked: two saves of one year's scheme go one after the other.
    const [period] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Period" WHERE "id" = ${input.periodId} AND "kind" = 'YEAR' FOR NO KEY UPDATE`;
    if (!period) throw new NotFoundError();
    const current = await readScheme(tx, input.periodId);
    await checkVersion(current.version, input.expectedVersion, () => ({ version: current.version, config: current.config }));
    if (current.frozenAt) throw new ValidationError("The scheme is frozen: the year's ratings have started", { config: ["frozen"] });
    const config = parsed.data as unknown as Prisma.InputJsonValue;
    if (current.version === 0) {
      await tx.ratingScheme.create({ data: { periodId: input.periodId, config, savedById: actor.id } });
    } else {
      await tx.ratingScheme.update({ where: { periodId: input.periodId }, data: { config, savedById: actor.id, version: { increment: 1 } } });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "rating.scheme.save",
      entityType: "RatingScheme",
      entityId: input.periodId,
      before: current.version === 0 ? null : (current.config as unknown as Prisma.InputJsonValue),
      after: config,
    });
    return { from: current.version, to: current.version + 1 };
  });
}
