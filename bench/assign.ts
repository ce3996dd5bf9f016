// Benchmark: assigning a catalog to a province of about 20,000 organizations.
//   npx tsx bench/assign.ts                   (embedded PGlite in a temp folder)
//   TEST_DATABASE_URL=postgresql://… npx tsx bench/assign.ts   (a fresh database on that server)
// Prints the time of the batched assignment, and its speed against the
// simplest alternative (one transaction and one INSERT per item, per
// organization) measured on the same sample in the same run.
import crypto from "node:crypto";
import path from "node:path";
import { parseDatabaseUrl } from "../lib/env";
import type { OrgType } from "../lib/generated/prisma/enums";
import { applyAssignment, planAssignment } from "../lib/server/assignments/assignment-core";
import { importPublishedCatalog } from "../lib/server/catalogs/import-catalog";
import { occurrencesIn } from "../lib/server/checklists/recurrence";
import { openDatabase } from "../lib/server/db/connect";
import { migrate } from "../lib/server/db/migrate";
import { createTestDatabase } from "../lib/test/test-database";
import { readCatalogFile } from "../prisma/seed/seed-demo";

const UNITS = Number(process.env.BENCH_UNITS ?? 2000);
const BRANCHES_PER_UNIT = 8;
const SAMPLE = 100;

function id(): string {
  return `b${crypto.randomBytes(12).toString("hex")}`;
}

async function main() {
  const database = await createTestDatabase("bench");
  await migrate({ target: parseDatabaseUrl(database.url), migrationsDir: path.resolve("prisma/migrations") });
  const db = openDatabase(database.url);
  const prisma = db.prisma;
  try {
    // The province: a committee, UNITS party groups, each with an organ party committee and branches.
    const rootId = id();
    type Row = { id: string; code: string; name: string; type: OrgType; parentId: string | null; path: string; depth: number };
    const rows: Row[] = [{ id: rootId, code: "B-WC", name: "基准测试工委", type: "WORKING_COMMITTEE", parentId: null, path: `/${rootId}/`, depth: 0 }];
    for (let u = 0; u < UNITS; u++) {
      const pg = id();
      const opc = id();
      rows.push({ id: pg, code: `B-${u}`, name: `单位${u}党组`, type: "PARTY_GROUP", parentId: rootId, path: `/${rootId}/${pg}/`, depth: 1 });
      rows.push({ id: opc, code: `B-${u}-OPC`, name: `单位${u}机关党委`, type: "ORGAN_PARTY_COMMITTEE", parentId: pg, path: `/${rootId}/${pg}/${opc}/`, depth: 2 });
      for (let b = 0; b < BRANCHES_PER_UNIT; b++) {
        const br = id();
        rows.push({ id: br, code: `B-${u}-${b}`, name: `单位${u}第${b}支部`, type: "BRANCH", parentId: opc, path: `/${rootId}/${pg}/${opc}/${br}/`, depth: 3 });
      }
    }
    let stage = performance.now();
    for (let i = 0; i < rows.length; i += 5000) await prisma.org.createMany({ data: rows.slice(i, i + 5000) });
    console.log(`created ${rows.length} organizations in ${((performance.now() - stage) / 1000).toFixed(1)} s`);
    stage = performance.now();
    const year = await prisma.period.create({ data: { kind: "YEAR", year: 2026, startsOn: new Date("2026-01-01"), endsOn: new Date("2026-12-31") } });
    const q1 = await prisma.period.create({ data: { kind: "QUARTER", year: 2026, quarter: 1, startsOn: new Date("2026-01-01"), endsOn: new Date("2026-03-31") } });
    const file = readCatalogFile("shanxi-four-levels-sample");
    const { versionId } = await prisma.$transaction((tx) => importPublishedCatalog(tx, file));
    const orgTypes: OrgType[] = ["PARTY_GROUP", "ORGAN_PARTY_COMMITTEE", "BRANCH"];

    // The same sample of organizations, both ways, in the first quarter.
    const sample = rows.filter((r) => r.type === "BRANCH").slice(0, SAMPLE);
    const duties = await prisma.duty.findMany({ where: { catalogVersionId: versionId, bodyType: "BRANCH" } });
    let started = performance.now();
    for (const org of sample) {
      await prisma.$transaction(async (tx) => {
        const assignment = await tx.assignment.create({ data: { catalogVersionId: versionId, periodId: q1.id, orgId: org.id } });
        for (const duty of duties) {
          for (const o of occurrencesIn(duty.frequency, 2026, 1)) {
            await tx.checklistItem.create({
              data: { assignmentId: assignment.id, orgId: org.id, dutyId: duty.id, periodId: q1.id, occurrence: o.occurrence, dueDate: o.dueDate },
            });
          }
        }
      });
    }
    const naiveMs = performance.now() - started;
    console.log(`one INSERT per item, ${SAMPLE} branches: ${(naiveMs / 1000).toFixed(1)} s`);
    await prisma.checklistItem.deleteMany({ where: { periodId: q1.id } });
    await prisma.assignment.deleteMany({ where: { periodId: q1.id } });
    started = performance.now();
    await applyAssignment(prisma, { catalogVersionId: versionId, periodId: q1.id, rootOrgId: rootId, orgTypes: ["BRANCH"], orgIds: sample.map((s) => s.id) }, { actorId: null });
    const batchedSampleMs = performance.now() - started;

    // The whole province for the year.
    started = performance.now();
    const plan = await planAssignment(prisma, { catalogVersionId: versionId, periodId: year.id, rootOrgId: rootId, orgTypes });
    const planMs = performance.now() - started;
    started = performance.now();
    let lastReport = 0;
    const result = await applyAssignment(
      prisma,
      { catalogVersionId: versionId, periodId: year.id, rootOrgId: rootId, orgTypes },
      {
        actorId: null,
        onProgress: (p) => {
          if (p.orgsDone - lastReport >= 5000 || p.orgsDone === p.orgsTotal) {
            lastReport = p.orgsDone;
            process.stdout.write(`  ${p.orgsDone}/${p.orgsTotal} organizations, ${p.itemsCreated} items\n`);
          }
        },
      },
    );
    const applyMs = performance.now() - started;
    started = performance.now();
    const again = await applyAssignment(prisma, { catalogVersionId: versionId, periodId: year.id, rootOrgId: rootId, orgTypes }, { actorId: null });
    const againMs = performance.now() - started;

    const engine = parseDatabaseUrl(database.url).engine;
    console.log(`\nengine: ${engine}; organizations: ${rows.length}; assigned: ${plan.orgs}; items: ${result.itemsCreated}`);
    console.log(`preview: ${(planMs / 1000).toFixed(2)} s; assignment: ${(applyMs / 1000).toFixed(1)} s (${Math.round(result.itemsCreated / (applyMs / 1000))} items/s); repeat (creates ${again.itemsCreated}): ${(againMs / 1000).toFixed(1)} s`);
    console.log(`sample of ${SAMPLE} branches: one INSERT per item ${(naiveMs / 1000).toFixed(2)} s, batched ${(batchedSampleMs / 1000).toFixed(2)} s: batched is ${(naiveMs / batchedSampleMs).toFixed(1)}x faster`);
  } finally {
    await db.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
