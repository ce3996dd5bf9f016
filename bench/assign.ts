// Benchmark: assigning a catalog to a province of about 20,000 organizations.
//   npx tsx bench/assign.ts                   (embedded PGlite in a temp folder)
//   TEST_DATABASE_URL=postgresql://… npx tsx bench/assign.ts   (a fresh database on that server)
//   BENCH_UNITS=500 npx tsx bench/assign.ts   (a smaller province: 10 organizations per unit, plus the root)
// Measures, in one run and on the same data, three ways of making the items:
//   - "per item": one transaction per organization and one INSERT per item (the simplest code);
//   - "unnest": the previous applyAssignment (rows built in Node, sent as seven arrays, 500
//     organizations per transaction), kept below as a frozen copy;
//   - "set-based": today's applyAssignment (rows made by INSERT … SELECT inside the database).
// All three run on a sample of 100 branches for a quarter; the last two also on the whole
// province for the year, each into empty tables, and once more to show the idempotent rerun; then
// the floor: the same rows copied into a bare table, the target being a small multiple of it.
// docs/benchmarks.md has the numbers measured and how to read them.
import os from "node:os";
import path from "node:path";
import { parseDatabaseUrl } from "../lib/env";
import type { PrismaClient } from "../lib/generated/prisma/client";
import type { OrgType } from "../lib/generated/prisma/enums";
import { applyAssignment, planAssignment, type AssignmentInput, type AssignmentProgress } from "../lib/server/assignments/assignment-core";
import { importPublishedCatalog } from "../lib/server/catalogs/import-catalog";
import { occurrencesIn, shiftDays } from "../lib/server/checklists/recurrence";
import { openDatabase } from "../lib/server/db/connect";
import { newId } from "../lib/server/db/ids";
import { migrate } from "../lib/server/db/migrate";
import { createTestDatabase } from "../lib/test/test-database";
import { provinceRows } from "./province";
import { readCatalogFile } from "../prisma/seed/seed-demo";

const UNITS = Number(process.env.BENCH_UNITS ?? 2000);
// Override applyAssignment's own batch size and concurrency, to compare choices.
const BATCH = process.env.BENCH_BATCH ? Number(process.env.BENCH_BATCH) : undefined;
const CONCURRENCY = process.env.BENCH_CONCURRENCY ? Number(process.env.BENCH_CONCURRENCY) : undefined;
const BRANCHES_PER_UNIT = 8;
const SAMPLE = 100;

const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const ratio = (slow: number, fast: number) => `${(slow / fast).toFixed(1)}x`;
/** Other work on the machine skews every number; each phase prints the load average at its end. */
const load = () => `(load ${os.loadavg()[0]?.toFixed(1)})`;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/**
 * applyAssignment as it was before the set-based rewrite (commit 58a4d7f),
 * kept here only to be measured against: the item rows are built in Node and
 * inserted through unnest of seven arrays, 500 organizations per transaction.
 * Audit rows are left out; they are one small row per batch either way.
 */
async function applyAssignmentUnnest(db: PrismaClient, input: AssignmentInput): Promise<{ assignmentsCreated: number; itemsCreated: number }> {
  const [version, period, root] = await Promise.all([
    db.catalogVersion.findUniqueOrThrow({
      where: { id: input.catalogVersionId },
      select: { duties: { select: { id: true, bodyType: true, frequency: true }, orderBy: { sortOrder: "asc" } } },
    }),
    db.period.findUniqueOrThrow({ where: { id: input.periodId }, select: { year: true, quarter: true } }),
    db.org.findUniqueOrThrow({ where: { id: input.rootOrgId }, select: { path: true } }),
  ]);
  const templates = new Map<OrgType, { dutyId: string; occurrence: number; dueDate: Date }[]>();
  for (const duty of version.duties) {
    if (!input.orgTypes.includes(duty.bodyType)) continue;
    const list = templates.get(duty.bodyType) ?? [];
    for (const o of occurrencesIn(duty.frequency, period.year, period.quarter)) {
      list.push({ dutyId: duty.id, occurrence: o.occurrence, dueDate: shiftDays(o.dueDate, input.dueShiftDays ?? 0) });
    }
    templates.set(duty.bodyType, list);
  }
  const orgs = await db.org.findMany({
    where: { path: { startsWith: root.path }, type: { in: [...templates.keys()] }, ...(input.orgIds ? { id: { in: input.orgIds } } : {}) },
    select: { id: true, type: true },
    orderBy: { path: "asc" },
  });
  let assignmentsCreated = 0;
  let itemsCreated = 0;
  for (let start = 0; start < orgs.length; start += 500) {
    const batch = orgs.slice(start, start + 500);
    const created = await db.$transaction(
      async (tx) => {
        const { count: newAssignments } = await tx.assignment.createMany({
          data: batch.map((o) => ({ catalogVersionId: input.catalogVersionId, periodId: input.periodId, orgId: o.id })),
          skipDuplicates: true,
        });
        const assignments = await tx.assignment.findMany({
          where: { catalogVersionId: input.catalogVersionId, periodId: input.periodId, orgId: { in: batch.map((o) => o.id) } },
          select: { id: true, orgId: true },
        });
        const assignmentOf = new Map(assignments.map((a) => [a.orgId, a.id]));
        const rows = batch.flatMap((org) => (templates.get(org.type) ?? []).map((t) => ({ assignmentId: assignmentOf.get(org.id) as string, orgId: org.id, ...t })));
        let newItems = 0;
        for (let i = 0; i < rows.length; i += 5000) {
          const chunk = rows.slice(i, i + 5000);
          newItems += await tx.$executeRaw`
            INSERT INTO "ChecklistItem" ("id", "assignmentId", "orgId", "dutyId", "periodId", "occurrence", "dueDate", "updatedAt")
            SELECT u.*, now()
              FROM unnest(${chunk.map(() => newId())}::text[], ${chunk.map((r) => r.assignmentId)}::text[], ${chunk.map((r) => r.orgId)}::text[],
                          ${chunk.map((r) => r.dutyId)}::text[], ${chunk.map(() => input.periodId)}::text[], ${chunk.map((r) => r.occurrence)}::int[],
                          ${chunk.map((r) => r.dueDate.toISOString().slice(0, 10))}::date[]) AS u
            ON CONFLICT ("assignmentId", "dutyId", "occurrence") DO NOTHING`;
        }
        return { newAssignments, newItems };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    assignmentsCreated += created.newAssignments;
    itemsCreated += created.newItems;
  }
  return { assignmentsCreated, itemsCreated };
}

async function main() {
  const database = await createTestDatabase("bench");
  await migrate({ target: parseDatabaseUrl(database.url), migrationsDir: path.resolve("prisma/migrations") });
  const db = openDatabase(database.url);
  const prisma = db.prisma;
  try {
    // The province: a committee, UNITS party groups, each with an organ party committee and branches.
    const rows = provinceRows(UNITS, BRANCHES_PER_UNIT);
    const rootId = rows[0]!.id;
    const created = await timed(async () => {
      for (let i = 0; i < rows.length; i += 5000) await prisma.org.createMany({ data: rows.slice(i, i + 5000) });
    });
    console.log(`created ${rows.length} organizations in ${seconds(created.ms)} s`);
    const year = await prisma.period.create({ data: { kind: "YEAR", year: 2026, startsOn: new Date("2026-01-01"), endsOn: new Date("2026-12-31") } });
    const q1 = await prisma.period.create({ data: { kind: "QUARTER", year: 2026, quarter: 1, startsOn: new Date("2026-01-01"), endsOn: new Date("2026-03-31") } });
    const file = readCatalogFile("shanxi-four-levels-sample");
    const { versionId } = await prisma.$transaction((tx) => importPublishedCatalog(tx, file));
    const orgTypes: OrgType[] = ["PARTY_GROUP", "ORGAN_PARTY_COMMITTEE", "BRANCH"];
    const clear = () => prisma.$executeRawUnsafe(`TRUNCATE "ChecklistItem", "Assignment" CASCADE`);

    // The same sample of branches, all three ways, in the first quarter, each into empty tables.
    const sample = rows.filter((r) => r.type === "BRANCH").slice(0, SAMPLE);
    const duties = await prisma.duty.findMany({ where: { catalogVersionId: versionId, bodyType: "BRANCH" } });
    const perItem = await timed(async () => {
      let items = 0;
      for (const org of sample) {
        await prisma.$transaction(async (tx) => {
          const assignment = await tx.assignment.create({ data: { catalogVersionId: versionId, periodId: q1.id, orgId: org.id } });
          for (const duty of duties) {
            for (const o of occurrencesIn(duty.frequency, 2026, 1)) {
              await tx.checklistItem.create({
                data: { assignmentId: assignment.id, orgId: org.id, dutyId: duty.id, periodId: q1.id, occurrence: o.occurrence, dueDate: o.dueDate },
              });
              items++;
            }
          }
        });
      }
      return items;
    });
    await clear();
    const sampleInput: AssignmentInput = { catalogVersionId: versionId, periodId: q1.id, rootOrgId: rootId, orgTypes: ["BRANCH"], orgIds: sample.map((s) => s.id) };
    const unnestSample = await timed(() => applyAssignmentUnnest(prisma, sampleInput));
    await clear();
    const setSample = await timed(() => applyAssignment(prisma, sampleInput, { actorId: null, batchSize: BATCH, concurrency: CONCURRENCY }));
    if (unnestSample.value.itemsCreated !== perItem.value || setSample.value.itemsCreated !== perItem.value) throw new Error("The sample runs made different numbers of items");
    await clear();
    console.log(`sample of ${SAMPLE} branches, ${perItem.value} items: per item ${seconds(perItem.ms)} s, unnest ${seconds(unnestSample.ms)} s, set-based ${seconds(setSample.ms)} s ${load()}`);

    // The whole province for the year: the previous way, then (into empty tables again) today's.
    const input: AssignmentInput = { catalogVersionId: versionId, periodId: year.id, rootOrgId: rootId, orgTypes };
    const plan = await timed(() => planAssignment(prisma, input));
    const unnest = await timed(() => applyAssignmentUnnest(prisma, input));
    console.log(`unnest: ${unnest.value.itemsCreated} items in ${seconds(unnest.ms)} s ${load()}`);
    const unnestAgain = await timed(() => applyAssignmentUnnest(prisma, input));
    console.log(`unnest, repeated (creates ${unnestAgain.value.itemsCreated}): ${seconds(unnestAgain.ms)} s ${load()}`);
    await clear();
    const engine = parseDatabaseUrl(database.url).engine;
    // On PostgreSQL applyAssignment runs two batches side by side; this run shows the set-based SQL alone.
    let serial: { ms: number; value: { itemsCreated: number } } | undefined;
    if (engine === "postgres") {
      serial = await timed(() => applyAssignment(prisma, input, { actorId: null, batchSize: BATCH, concurrency: 1 }));
      console.log(`set-based, one batch at a time: ${serial.value.itemsCreated} items in ${seconds(serial.ms)} s ${load()}`);
      await clear();
    }
    let lastReport = 0;
    const setStarted = performance.now();
    const onProgress = (p: AssignmentProgress) => {
      if (p.orgsDone - lastReport >= 5000 || p.orgsDone === p.orgsTotal) {
        lastReport = p.orgsDone;
        console.log(`  ${p.orgsDone}/${p.orgsTotal} organizations, ${p.itemsCreated} items, ${seconds(performance.now() - setStarted)} s`);
      }
    };
    const set = await timed(() => applyAssignment(prisma, input, { actorId: null, batchSize: BATCH, concurrency: CONCURRENCY, onProgress }));
    console.log(`set-based: ${set.value.itemsCreated} items in ${seconds(set.ms)} s ${load()}`);
    const setAgain = await timed(() => applyAssignment(prisma, input, { actorId: null, batchSize: BATCH, concurrency: CONCURRENCY }));
    console.log(`set-based, repeated (creates ${setAgain.value.itemsCreated}): ${seconds(setAgain.ms)} s ${load()}`);
    // The floor: the same rows copied into a bare table of the same columns (no index, key or check but
    // NOT NULL and defaults), in one statement; what writing the rows costs before the schema adds its own.
    await prisma.$executeRawUnsafe(`CREATE TABLE "BareItem" (LIKE "ChecklistItem" INCLUDING DEFAULTS)`);
    const floor = await timed(() => prisma.$executeRawUnsafe(`INSERT INTO "BareItem" SELECT * FROM "ChecklistItem"`));
    console.log(`floor (a bare copy of the table): ${floor.value} rows in ${seconds(floor.ms)} s ${load()}`);
    for (const run of [unnest, serial, set]) {
      if (run && run.value.itemsCreated !== plan.value.newItems) throw new Error("The province runs made different numbers of items");
    }

    console.log(`\nengine: ${engine}; organizations: ${rows.length}; assigned: ${plan.value.orgs}; items: ${set.value.itemsCreated}; batch: ${BATCH ?? "default"}; concurrency: ${CONCURRENCY ?? "default"}`);
    // Most of an item's cost is the database maintaining these; their number grows with the schema.
    const [shape] = await prisma.$queryRaw<{ indexes: number; foreignKeys: number }[]>`
      SELECT (SELECT count(*)::int FROM pg_indexes WHERE tablename = 'ChecklistItem') AS "indexes",
             (SELECT count(*)::int FROM pg_constraint WHERE conrelid = '"ChecklistItem"'::regclass AND contype = 'f') AS "foreignKeys"`;
    console.log(`ChecklistItem: ${shape?.indexes} indexes, ${shape?.foreignKeys} foreign keys; preview: ${seconds(plan.ms)} s`);
    console.log(`province: set-based ${seconds(set.ms)} s (${Math.round(set.value.itemsCreated / (set.ms / 1000))} items/s); unnest ${seconds(unnest.ms)} s; set-based is ${ratio(unnest.ms, set.ms)} faster`);
    console.log(`province against the floor: set-based ${ratio(set.ms, floor.ms)}, repeated ${ratio(setAgain.ms, floor.ms)}`);
    if (serial) console.log(`province, one batch at a time: set-based ${seconds(serial.ms)} s; ${ratio(unnest.ms, serial.ms)} faster than unnest`);
    console.log(`province, repeated: set-based ${seconds(setAgain.ms)} s; unnest ${seconds(unnestAgain.ms)} s; set-based is ${ratio(unnestAgain.ms, setAgain.ms)} faster`);
    console.log(`sample: set-based ${seconds(setSample.ms)} s; unnest ${seconds(unnestSample.ms)} s; per item ${seconds(perItem.ms)} s; set-based is ${ratio(unnestSample.ms, setSample.ms)} faster than unnest, ${ratio(perItem.ms, setSample.ms)} faster than per item`);
  } finally {
    await db.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
