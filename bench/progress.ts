// Benchmark: the supervisor's progress table (进度总览) for a whole province.
//   npx tsx --conditions=react-server bench/progress.ts                   (embedded PGlite in a temp folder)
//   TEST_DATABASE_URL=postgresql://… npx tsx --conditions=react-server bench/progress.ts
//   BENCH_UNITS=200 npx tsx --conditions=react-server bench/progress.ts   (a smaller province)
// (--conditions=react-server lets the app's "server-only" modules load outside Next.)
// Builds a province of BENCH_UNITS units (each a party group, an organ party committee and eight
// branches), assigns a year's list to all of it, settles a mix of statuses, then times, on the same
// data and in one run, the previous roll-up (one pass over the period's items, kept below as a frozen
// copy) and today's getProgress (the subtree tallies the database keeps), for the top of the province and
// for a drill-down into one unit, checking that both give the same rows; the same for the duties list and
// the review count. docs/benchmarks.md has the numbers.
import os from "node:os";
import path from "node:path";
import { parseDatabaseUrl } from "../lib/env";
import type { Actor } from "../lib/server/auth/actor";
import { migrate } from "../lib/server/db/migrate";
import { createTestDatabase } from "../lib/test/test-database";
import { provinceRows } from "./province";

const UNITS = Number(process.env.BENCH_UNITS ?? 2000);
const BRANCHES_PER_UNIT = 8;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const NOW = new Date("2026-11-15T04:00:00Z");

const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 3 : 1);
const load = () => `(load ${os.loadavg()[0]?.toFixed(1)})`;

async function median(run: () => Promise<unknown>, runs = RUNS): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function main() {
  const database = await createTestDatabase("bench-progress");
  await migrate({ target: parseDatabaseUrl(database.url), migrationsDir: path.resolve("prisma/migrations") });
  // One connection for all: the app's own (a PGlite folder takes one process, one connection).
  process.env.DATABASE_URL = database.url;
  const { prisma, closeConnection } = await import("../lib/server/db");
  const { Prisma } = await import("../lib/generated/prisma/client");
  const { getProgress } = await import("../lib/server/checklists/get-progress");
  const { applyAssignment } = await import("../lib/server/assignments/assignment-core");
  const { importPublishedCatalog } = await import("../lib/server/catalogs/import-catalog");
  const { readCatalogFile } = await import("../prisma/seed/seed-demo");
  const { UNCOUNTED_STATUSES } = await import("../lib/item-status");
  const { today } = await import("../lib/dates");
  const { countChecklistItems, getChecklistSummary, listChecklistItemIds } = await import("../lib/server/checklists/list-checklist-items");
  const { itemWarningSql, warningFirstSql, warningThresholds } = await import("../lib/warnings");
  const { countReviewQueue } = await import("../lib/server/checklists/review-queue");
  const { canReviewSql, REVIEW_JOINS } = await import("../lib/server/checklists/review");
  try {
    const rows = provinceRows(UNITS, BRANCHES_PER_UNIT);
    const rootId = rows[0]!.id;
    for (let i = 0; i < rows.length; i += 5000) await prisma.org.createMany({ data: rows.slice(i, i + 5000) });
    const year = await prisma.period.create({ data: { kind: "YEAR", year: 2026, startsOn: new Date("2026-01-01"), endsOn: new Date("2026-12-31") } });
    const file = readCatalogFile("shanxi-four-levels-sample");
    const { versionId } = await prisma.$transaction((tx) => importPublishedCatalog(tx, file));
    const assigned = await applyAssignment(
      prisma,
      { catalogVersionId: versionId, periodId: year.id, rootOrgId: rootId, orgTypes: ["PARTY_GROUP", "ORGAN_PARTY_COMMITTEE", "BRANCH"] },
      { actorId: null },
    );
    // A year under way: by a hash of the id, about half done, some in progress, returned or submitted.
    await prisma.$executeRaw`
      UPDATE "ChecklistItem" SET "status" = (CASE WHEN ('x' || substr(md5("id"), 1, 2))::bit(8)::int < 128 THEN 'DONE'
                                                  WHEN ('x' || substr(md5("id"), 1, 2))::bit(8)::int < 170 THEN 'IN_PROGRESS'
                                                  WHEN ('x' || substr(md5("id"), 1, 2))::bit(8)::int < 180 THEN 'RETURNED'
                                                  WHEN ('x' || substr(md5("id"), 1, 2))::bit(8)::int < 200 THEN 'SUBMITTED'
                                                  ELSE 'NOT_STARTED' END)::"ItemStatus"`;
    await prisma.$executeRawUnsafe(`ANALYZE`);
    console.log(`${rows.length} organizations, ${assigned.itemsCreated} items ${load()}`);

    const supervisor: Actor = {
      id: "bench",
      username: "bench",
      name: "bench",
      locale: "zh",
      mustChangePassword: false,
      grants: [{ orgId: rootId, orgPath: `/${rootId}/`, orgName: "基准测试工委", orgNameEn: null, orgType: "WORKING_COMMITTEE", role: "SUPERVISOR" }],
    };
    const unit = rows[1]!;

    /**
     * The roll-up as it was (commit 94a53f4), before the tallies: the period's items under the parent
     * counted per organization in one pass, each organization's counts added up its materialized path.
     */
    const clock = { day: today(NOW), thresholds: warningThresholds() };
    const previous = async (parentId: string) => {
      const warning = itemWarningSql(clock.day, clock.thresholds);
      const within = `${rows.find((r) => r.id === parentId)!.path}%`;
      const found = await prisma.$queryRaw<{ kind: string; id: string; total: number; done: number; red: number }[]>`
        WITH per_org AS (
          SELECT i."orgId", d."path", count(*) AS total, count(*) FILTER (WHERE i."status" = 'DONE') AS done,
                 count(*) FILTER (WHERE ${warning} = 'red') AS red
            FROM "ChecklistItem" i JOIN "Org" d ON d."id" = i."orgId"
           WHERE i."periodId" = ${year.id} AND NOT (i."status"::text = ANY (${UNCOUNTED_STATUSES}::text[])) AND d."path" LIKE ${within}
           GROUP BY i."orgId", d."path"
        ),
        rolled AS (
          SELECT up."id", sum(p.total) AS total, sum(p.done) AS done, sum(p.red) AS red
            FROM per_org p CROSS JOIN LATERAL unnest(string_to_array(btrim(p."path", '/'), '/')) AS up("id")
           GROUP BY up."id"
        )
        (SELECT 'row' AS kind, o."id", coalesce(r.total, 0)::int AS total, coalesce(r.done, 0)::int AS done, coalesce(r.red, 0)::int AS red
           FROM "Org" o LEFT JOIN rolled r ON r."id" = o."id" WHERE o."parentId" = ${parentId} ORDER BY o."sortOrder", o."name" LIMIT 30)
        UNION ALL
        (SELECT 'parent', o."id", coalesce(r.total, 0)::int, coalesce(r.done, 0)::int, coalesce(r.red, 0)::int
           FROM "Org" o LEFT JOIN rolled r ON r."id" = o."id" WHERE o."id" = ${parentId})`;
      return { parent: found.find((r) => r.kind === "parent"), children: found.filter((r) => r.kind === "row") };
    };
    const current = (parentId: string) =>
      getProgress(supervisor, "progress.read", year.id, { sort: "name", dir: "asc", page: 1, parentId }, NOW);

    // Both give the same numbers.
    for (const parentId of [rootId, unit.id]) {
      const [before, after] = [await previous(parentId), await current(parentId)];
      const same = (a: { total: number; done: number; red: number } | undefined, b: { total: number; done: number; red: number } | null | undefined) =>
        a?.total === b?.total && a?.done === b?.done && a?.red === b?.red;
      if (!same(before.parent, after.parent)) throw new Error(`The parent rows differ: ${JSON.stringify([before.parent, after.parent])}`);
      for (const row of before.children) {
        if (!same(row, after.rows.find((r) => r.id === row.id))) throw new Error(`Row ${row.id} differs`);
      }
    }

    // 我的职责: the count and the first page of a branch secretary's list and of the supervisor's, with the
    // previous scope condition (the path of every item's organization, and of the one it is delegated to,
    // matched against the scope) and today's (the scope's organizations found once, then equalities).
    const branch = rows.find((r) => r.type === "BRANCH")!;
    const secretary: Actor = { ...supervisor, grants: [{ ...supervisor.grants[0]!, orgId: branch.id, orgPath: branch.path, orgType: "BRANCH", role: "SECRETARY" }] };
    const previousList = async (actor: Actor) => {
      const patterns = actor.grants.map((g) => `${g.orgPath}%`);
      const where = Prisma.sql`i."periodId" = ${year.id} AND i."status" <> 'WITHDRAWN'
        AND (o."path" LIKE ANY (${patterns}::text[]) OR g."path" LIKE ANY (${patterns}::text[]) OR i."delegatedToId" = ${actor.id})`;
      const from = Prisma.sql`"ChecklistItem" i JOIN "Org" o ON o."id" = i."orgId" LEFT JOIN "Org" g ON g."id" = i."delegatedOrgId" JOIN "Duty" d ON d."id" = i."dutyId"`;
      const [counted] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`;
      // The list's own order (listOrder in list-checklist-items.ts).
      const colour = itemWarningSql(clock.day, clock.thresholds);
      await prisma.$queryRaw`SELECT i."id" FROM ${from} WHERE ${where}
        ORDER BY ${warningFirstSql(colour)} ASC, (CASE WHEN ${colour} IN ('red', 'yellow') THEN i."dueDate" END) ASC,
                 d."kind" ASC, o."path" ASC, d."sortOrder" ASC, i."occurrence" ASC, i."id" ASC
        LIMIT 25`;
      return Number(counted?.n);
    };
    const currentList = async (actor: Actor) => {
      const q = { periodId: year.id, now: NOW };
      const total = await countChecklistItems(actor, q);
      await listChecklistItemIds(actor, q, { limit: 25, offset: 0 });
      return total;
    };
    for (const actor of [secretary, supervisor]) {
      const [before, after] = [await previousList(actor), await currentList(actor)];
      if (before !== after) throw new Error(`The lists differ: ${before} and ${after}`);
      // The first page sorted among the groups of the order it spans (from the tallies), as when the whole list is sorted.
      const q = { periodId: year.id, now: NOW };
      const [narrowed, sorted] = [await listChecklistItemIds(actor, q, { limit: 25, offset: 0 }), await listChecklistItemIds(actor, q, { limit: 25, offset: 0 }, "items")];
      if (JSON.stringify(narrowed) !== JSON.stringify(sorted)) throw new Error("The first pages differ");
    }
    // The summary above the list and its count, unfiltered: the items read one by one, and the subtree
    // tallies (with the items delegated in from outside), which must say the same.
    const summaryOf = (actor: Actor, source: "auto" | "items") => {
      const q = { periodId: year.id, now: NOW };
      return Promise.all([getChecklistSummary(actor, q, source), countChecklistItems(actor, q, source)]);
    };
    for (const actor of [secretary, supervisor]) {
      const [items, tallies] = [await summaryOf(actor, "items"), await summaryOf(actor, "auto")];
      if (JSON.stringify(items) !== JSON.stringify(tallies)) throw new Error(`The summaries differ: ${JSON.stringify([items, tallies])}`);
    }
    const summaryTimes = {
      topItems: await median(() => summaryOf(supervisor, "items")),
      topTallies: await median(() => summaryOf(supervisor, "auto")),
      branchItems: await median(() => summaryOf(secretary, "items")),
      branchTallies: await median(() => summaryOf(secretary, "auto")),
    };
    const listTimes = {
      branchBefore: await median(() => previousList(secretary)),
      branchNow: await median(() => currentList(secretary)),
      topBefore: await median(() => previousList(supervisor)),
      topNow: await median(() => currentList(supervisor)),
    };

    // The header's review count, on every page a reviewer opens: the committee's secretary (every unit's
    // submissions) and a unit's organ party committee (its branches'), before and after the scope's items
    // are picked first.
    const committee: Actor = { ...supervisor, grants: [{ ...supervisor.grants[0]!, role: "SECRETARY" }] };
    const organ = rows[2]!;
    const organStaff: Actor = { ...supervisor, grants: [{ ...supervisor.grants[0]!, orgId: organ.id, orgPath: organ.path, orgType: organ.type, role: "STAFF" }] };
    const previousCount = async (actor: Actor) => {
      const [counted] = await prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "ChecklistItem" i ${REVIEW_JOINS} JOIN "Duty" d ON d."id" = i."dutyId" WHERE ${canReviewSql(actor)}`;
      return Number(counted?.n);
    };
    for (const actor of [committee, organStaff]) {
      const [before, after] = [await previousCount(actor), await countReviewQueue(actor)];
      if (before !== after || after === 0) throw new Error(`The review counts differ: ${before} and ${after}`);
    }
    const reviewTimes = {
      topBefore: await median(() => previousCount(committee)),
      topNow: await median(() => countReviewQueue(committee)),
      organBefore: await median(() => previousCount(organStaff)),
      organNow: await median(() => countReviewQueue(organStaff)),
    };

    const engine = parseDatabaseUrl(database.url).engine;
    const topNow = await median(() => current(rootId));
    const unitNow = await median(() => current(unit.id));
    const topBefore = await median(() => previous(rootId));
    const unitBefore = await median(() => previous(unit.id));
    console.log(`\nengine: ${engine}; organizations: ${rows.length}; items: ${assigned.itemsCreated}; runs: ${RUNS} (median) ${load()}`);
    console.log(`top of the province: previous ${seconds(topBefore)} s, today ${seconds(topNow)} s: ${(topBefore / topNow).toFixed(1)}x faster`);
    console.log(`a branch's duties (count and first page): previous ${seconds(listTimes.branchBefore)} s, today ${seconds(listTimes.branchNow)} s: ${(listTimes.branchBefore / listTimes.branchNow).toFixed(1)}x faster`);
    console.log(`the whole province's duties (count and first page): previous ${seconds(listTimes.topBefore)} s, today ${seconds(listTimes.topNow)} s: ${(listTimes.topBefore / listTimes.topNow).toFixed(1)}x faster`);
    console.log(`the whole province's summary and count, unfiltered: items ${seconds(summaryTimes.topItems)} s, tallies ${seconds(summaryTimes.topTallies)} s: ${(summaryTimes.topItems / summaryTimes.topTallies).toFixed(1)}x faster`);
    console.log(`a branch's summary and count, unfiltered: items ${seconds(summaryTimes.branchItems)} s, tallies ${seconds(summaryTimes.branchTallies)} s: ${(summaryTimes.branchItems / summaryTimes.branchTallies).toFixed(1)}x faster`);
    console.log(`the committee's review count: previous ${seconds(reviewTimes.topBefore)} s, today ${seconds(reviewTimes.topNow)} s: ${(reviewTimes.topBefore / reviewTimes.topNow).toFixed(1)}x faster`);
    console.log(`a unit's review count: previous ${seconds(reviewTimes.organBefore)} s, today ${seconds(reviewTimes.organNow)} s: ${(reviewTimes.organBefore / reviewTimes.organNow).toFixed(1)}x faster`);
    console.log(`one unit (drill-down): previous ${seconds(unitBefore)} s, today ${seconds(unitNow)} s: ${(unitBefore / unitNow).toFixed(1)}x faster`);
  } finally {
    await closeConnection();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
