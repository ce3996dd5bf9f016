import "server-only";
import { currentYear } from "@/lib/dates";
import { prisma } from "@/lib/server/db";

export type PeriodSummary = { id: string; year: number; quarter: number; startsOn: Date; endsOn: Date };

const periodSelect = { id: true, year: true, quarter: true, startsOn: true, endsOn: true } as const;

/** This year's period, or the latest year that has one. */
export async function getCurrentPeriod(now = new Date()): Promise<PeriodSummary | null> {
  const year = currentYear(now);
  return (
    (await prisma.period.findUnique({ where: { year_quarter: { year, quarter: 0 } }, select: periodSelect })) ??
    (await prisma.period.findFirst({ where: { quarter: 0, year: { lte: year } }, orderBy: { year: "desc" }, select: periodSelect }))
  );
}

/** The period a list asks for by id, or the current one when it asks for none or for one that does not exist. */
export async function resolvePeriod(periodId: string | undefined, now = new Date()): Promise<PeriodSummary | null> {
  const chosen = periodId ? await prisma.period.findUnique({ where: { id: periodId }, select: periodSelect }) : null;
  return chosen ?? getCurrentPeriod(now);
}
