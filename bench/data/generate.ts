// The benchmark data generator: a whole province (organizations, people, lists, a year of checklist
// items with evidence and history, inspections, terms, notices) in a fresh, migrated database,
// the same rows for the same tier, seed and year. `npm run bench:data` (bench/data/cli.ts) runs it;
// docs/benchmarks.md describes the tiers.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { asOfFor, type BenchContext, type BenchProgress } from "./context";
import { insertCatalogs, insertPeriods } from "./stage-catalogs";
import { generateChecklists, itemTemplates } from "./stage-checklists";
import { generateInspections } from "./stage-inspections";
import { buildOrgTree, insertOrgs } from "./stage-orgs";
import { generateTerms } from "./stage-terms";
import { benchAccounts, buildUsers, insertUsers, type BenchAccount } from "./stage-users";
import { TIER_SHAPES, type TierName } from "./tiers";

export { BENCH_PASSWORD, benchAccounts, type BenchAccount } from "./stage-users";

export type GenerateOptions = {
  tier: TierName;
  seed?: number;
  /** The year whose periods and items are made; the data is "as of" 15 October of it. */
  year?: number;
  /** Generate even though the database already holds organizations (ids and codes must not collide). */
  force?: boolean;
  onProgress?: (p: BenchProgress) => void;
};

export const DEFAULT_SEED = 1;
export const DEFAULT_YEAR = 2026;

/** The tables the generator fills, in the order of the counts it returns. */
export const BENCH_TABLES = [
  "Org",
  "User",
  "RoleGrant",
  "Catalog",
  "CatalogVersion",
  "Duty",
  "Period",
  "Assignment",
  "ChecklistItem",
  "Evidence",
  "EvidenceFile",
  "ItemEvidence",
  "InspectionRound",
  "InspectionMember",
  "InspectionDraw",
  "InspectionReport",
  "ReportInspector",
  "ReportAddendum",
  "Finding",
  "FindingEvent",
  "FindingAcceptance",
  "FindingEscalation",
  "FindingEvidence",
  "OrgTerm",
  "AppointmentTalk",
  "HeadChange",
  "Notification",
  "AuditLog",
] as const;

export type BenchTable = (typeof BENCH_TABLES)[number];

export type GenerateResult = { tier: TierName; seed: number; year: number; asOf: Date; counts: Record<BenchTable, number>; accounts: BenchAccount[]; ms: number };

export class DatabaseNotEmptyError extends Error {
  constructor(orgs: number) {
    super(`This database already holds ${orgs} organizations. The benchmark data generator needs a fresh, migrated database; pass --force to add to it anyway.`);
    this.name = "DatabaseNotEmptyError";
  }
}

/** Rows per table, counted in the database. */
export async function countBenchTables(db: PrismaClient): Promise<Record<BenchTable, number>> {
  const counts = {} as Record<BenchTable, number>;
  for (const table of BENCH_TABLES) {
    const [row] = await db.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM "${table}"`);
    counts[table] = Number(row?.count ?? 0);
  }
  return counts;
}

export async function generateBenchData(db: PrismaClient, options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const shape = TIER_SHAPES[options.tier];
  const seed = options.seed ?? DEFAULT_SEED;
  const year = options.year ?? DEFAULT_YEAR;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`The seed must be a whole number from 0; got ${seed}`);
  if (!options.force) {
    const orgs = await db.org.count();
    if (orgs > 0) throw new DatabaseNotEmptyError(orgs);
  }
  const asOf = asOfFor(year);
  const ctx: BenchContext = {
    db,
    seed,
    shape,
    year,
    asOf,
    orgs: buildOrgTree(seed, shape),
    periodIds: { year: "", quarters: [] },
    progress: options.onProgress ?? (() => {}),
  };
  // The directory is loaded at the turn of the year; the lists are published and assigned in its first week.
  const loadedAt = new Date(Date.UTC(year - 1, 11, 20, 1, 0, 0));
  await insertOrgs(ctx, loadedAt);
  const users = buildUsers(seed, shape, ctx.orgs);
  await insertUsers(ctx, users, loadedAt);
  const catalogs = await insertCatalogs(ctx, new Date(Date.UTC(year, 0, 5, 1, 0, 0)));
  ctx.periodIds = await insertPeriods(ctx, new Date(Date.UTC(year, 0, 5, 1, 0, 0)));
  await generateChecklists(ctx, catalogs);
  const idOf = new Map(users.map((u) => [u.username, u.id]));
  const people = {
    supervisors: users.filter((u) => u.username.startsWith("wc-supervisor")).map((u) => u.id),
    inspectors: users.filter((u) => u.username.startsWith("wc-inspector-")).map((u) => u.id),
  };
  if (!idOf.has("wc-supervisor") || people.inspectors.length === 0) throw new Error("The tier has no supervisor or inspectors");
  await generateInspections(ctx, people, itemTemplates(catalogs, year));
  await generateTerms(ctx);
  await db.$executeRawUnsafe("ANALYZE");
  return { tier: shape.name, seed, year, asOf, counts: await countBenchTables(db), accounts: benchAccounts(shape), ms: performance.now() - started };
}
