import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_GRADING, readGradingConfig, type GradingConfig } from "@/lib/grading/scheme";

// No "server-only" here: the draw's pool (seeds, scripts, tests) reads the year's grades too.

type Db = PrismaClient | Prisma.TransactionClient;

export type GradingSchemeView = { year: number; config: GradingConfig; version: number; savedBy: string | null; updatedAt: Date | null };

/** A year's grading scheme as it stands: the saved one, or the default (version 0) when none was saved. */
export async function readGradingScheme(db: Db, year: number): Promise<GradingSchemeView> {
  const saved = await db.gradingScheme.findUnique({ where: { year }, select: { config: true, version: true, updatedAt: true, savedBy: { select: { name: true } } } });
  if (!saved) return { year, config: DEFAULT_GRADING, version: 0, savedBy: null, updatedAt: null };
  return { year, config: readGradingConfig(saved.config), version: saved.version, savedBy: saved.savedBy?.name ?? null, updatedAt: saved.updatedAt };
}

/** The schemes of several years at once, by year (the default for a year with none saved). */
export async function readGradingSchemes(db: Db, years: readonly number[]): Promise<Map<number, GradingConfig>> {
  const saved = await db.gradingScheme.findMany({ where: { year: { in: [...years] } }, select: { year: true, config: true } });
  const byYear = new Map(years.map((y) => [y, DEFAULT_GRADING]));
  for (const s of saved) byYear.set(s.year, readGradingConfig(s.config));
  return byYear;
}
