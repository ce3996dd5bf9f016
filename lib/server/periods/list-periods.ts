import "server-only";
import { prisma } from "@/lib/server/db";

export type PeriodOption = { id: string; year: number; quarter: number };

/** Periods, newest first; periods are shared by every organization. */
export function listPeriods(): Promise<PeriodOption[]> {
  return prisma.period.findMany({ orderBy: [{ year: "desc" }, { quarter: "asc" }], select: { id: true, year: true, quarter: true }, take: 40 });
}
