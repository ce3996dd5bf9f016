// What every stage of the generator shares: the database, the seed, the tier, the day the data is
// "as of", and the organization tree once it is built.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { OrgType } from "../../lib/generated/prisma/enums";
import { benchId, idKind } from "./random";
import type { TierShape } from "./tiers";

export type BenchOrg = {
  /** Position in creation order: the committee is 0. */
  n: number;
  id: string;
  code: string;
  name: string;
  type: OrgType;
  parentId: string | null;
  path: string;
  depth: number;
  sortOrder: number;
  /** The unit (0-based) the organization belongs to; null for the committee and its own branches. */
  unit: number | null;
};

export type BenchProgress = { stage: string; done: number; total: number };

export type BenchContext = {
  db: PrismaClient;
  seed: number;
  shape: TierShape;
  year: number;
  /** The generator's "now": every date is placed relative to it, so that runs on other days give the same rows. */
  asOf: Date;
  orgs: BenchOrg[];
  /** The year's period and its quarters. */
  periodIds: { year: string; quarters: string[] };
  progress: (p: BenchProgress) => void;
};

export const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** The day the data is "as of" for a year: 15 October, 10:00 in Beijing, with most of the year's work behind it. */
export function asOfFor(year: number): Date {
  return new Date(Date.UTC(year, 9, 15, 2, 0, 0));
}

export function orgIdOf(seed: number, n: number): string {
  return benchId(seed, "o", n);
}

/** The checklist item an organization gets from item template `k` (stage-checklists.ts makes the same id in SQL). */
export function itemIdOf(orgId: string, k: number): string {
  return `${orgId.replace(idKind("o"), idKind("i"))}k${String(k).padStart(3, "0")}`;
}

/** Every organization has one secretary, whose id follows from the organization's (so SQL can derive it too). */
export function secretaryIdOf(orgId: string): string {
  return orgId.replace(idKind("o"), idKind("us"));
}
