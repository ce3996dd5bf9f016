// Benchmark: importing a province's organizations and accounts from one workbook.
//   npx tsx bench/directory-import.ts                     (embedded PGlite in a temp folder)
//   TEST_DATABASE_URL=postgresql://… npx tsx bench/directory-import.ts   (a fresh database on that server)
//   BENCH_UNITS=200 npx tsx bench/directory-import.ts     (a smaller province)
// The province: a working committee (already there, with its administrator), and per unit a party
// group, its organ party committee and 8 branches (10 organizations), a secretary for each of them
// and 2.5 staff members on the organ party committee on average (12.5 accounts, one role each).
// With the default 2,000 units: 20,000 organizations and 25,000 accounts. The script writes the
// workbook, then times reading it, checking it (the preview), importing it, and importing it again.
// docs/benchmarks.md has the numbers measured and how to read them.
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { readDirectoryFiles } from "../lib/directory/read-directory";
import { ORG_TYPE_WORDS, ROLE_WORDS } from "../lib/directory/directory-layout";
import { parseDatabaseUrl } from "../lib/env";
import type { Actor } from "../lib/server/auth/actor";
import { openDatabase } from "../lib/server/db/connect";
import { migrate } from "../lib/server/db/migrate";
import { applyDirectoryPlan, type DirectoryProgress } from "../lib/server/directory/apply-directory";
import { planDirectoryImport } from "../lib/server/directory/plan-directory";
import { createTestDatabase } from "../lib/test/test-database";

const UNITS = Number(process.env.BENCH_UNITS ?? 2000);
const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const load = () => `(load ${os.loadavg()[0]?.toFixed(1)})`;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

async function provinceWorkbook(units: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const orgs = book.addWorksheet("组织");
  orgs.addRow(["组织编码", "组织名称", "英文名称", "组织类型", "上级组织编码", "排序"]);
  const people = book.addWorksheet("人员");
  people.addRow(["用户名", "姓名", "邮箱", "组织编码", "角色"]);
  for (let u = 1; u <= units; u += 1) {
    const unit = `P${String(u).padStart(4, "0")}`;
    orgs.addRow([unit, `第${u}单位党组`, null, ORG_TYPE_WORDS.PARTY_GROUP, "ROOT", u]);
    orgs.addRow([`${unit}-OPC`, `第${u}单位机关党委`, null, ORG_TYPE_WORDS.ORGAN_PARTY_COMMITTEE, unit, 1]);
    people.addRow([`${unit.toLowerCase()}-secretary`, `单位${u}书记`, null, unit, ROLE_WORDS.SECRETARY]);
    people.addRow([`${unit.toLowerCase()}-opc`, `单位${u}机关党委书记`, null, `${unit}-OPC`, ROLE_WORDS.SECRETARY]);
    for (let b = 1; b <= 8; b += 1) {
      orgs.addRow([`${unit}-B${b}`, `第${u}单位第${b}党支部`, null, ORG_TYPE_WORDS.BRANCH, `${unit}-OPC`, b]);
      people.addRow([`${unit.toLowerCase()}-b${b}`, `单位${u}支部${b}书记`, null, `${unit}-B${b}`, ROLE_WORDS.SECRETARY]);
    }
    const staff = u % 2 === 0 ? 3 : 2;
    for (let s = 1; s <= staff; s += 1) people.addRow([`${unit.toLowerCase()}-staff${s}`, `单位${u}干事${s}`, null, `${unit}-OPC`, ROLE_WORDS.STAFF]);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function main() {
  const db = await createTestDatabase("bench-directory");
  const target = parseDatabaseUrl(db.url);
  console.log(`Database: ${target.engine}. Province: ${UNITS} units.`);
  await migrate({ target, migrationsDir: path.resolve("prisma/migrations") });
  const { prisma, close } = openDatabase(db.url);
  try {
    const root = await prisma.org.create({ data: { code: "ROOT", name: "省直机关工委", type: "WORKING_COMMITTEE", path: "pending", depth: 0 } });
    await prisma.org.update({ where: { id: root.id }, data: { path: `/${root.id}/` } });
    const user = await prisma.user.create({ data: { username: "bench-admin", name: "管理员", passwordHash: "x", roles: { create: { orgId: root.id, role: "ADMIN" } } } });
    const actor: Actor = {
      id: user.id,
      username: user.username,
      name: user.name,
      locale: "zh",
      mustChangePassword: false,
      grants: [{ orgId: root.id, orgPath: `/${root.id}/`, orgName: root.name, orgNameEn: null, orgType: "WORKING_COMMITTEE", role: "ADMIN" }],
    };

    const written = await timed(() => provinceWorkbook(UNITS));
    console.log(`workbook: ${(written.value.length / 1024 / 1024).toFixed(1)} MB, written in ${seconds(written.ms)} s`);
    const read = await timed(() => readDirectoryFiles([{ name: "province.xlsx", bytes: written.value }]));
    if (read.value.problems.length > 0) throw new Error(JSON.stringify(read.value.problems.slice(0, 3)));
    console.log(`read: ${read.value.rows.orgs.length} organizations, ${read.value.rows.people.length} account rows in ${seconds(read.ms)} s ${load()}`);
    const planned = await timed(() => planDirectoryImport(prisma, actor, read.value.rows));
    if (!planned.value.ok) throw new Error(JSON.stringify(planned.value.problems.slice(0, 3)));
    const plan = planned.value.plan;
    console.log(`check and plan (the preview): ${seconds(planned.ms)} s ${load()}`);

    // A step's time runs from the last batch of the step before it to its own last batch.
    const phases = new Map<string, number>();
    const started = performance.now();
    let lastEnd = started;
    const ends = new Map<string, number>();
    const onProgress = (p: DirectoryProgress) => ends.set(p.step, performance.now());
    const applied = await timed(() => applyDirectoryPlan(prisma, plan, { actorId: user.id, onProgress }));
    for (const [step, end] of ends) {
      phases.set(step, end - lastEnd);
      lastEnd = end;
    }
    const r = applied.value;
    console.log(`import: ${r.orgsCreated} organizations, ${r.usersCreated} accounts, ${r.grantsAdded} roles in ${seconds(applied.ms)} s ${load()}`);
    for (const [step, ms] of phases) console.log(`  ${step}: ${seconds(ms)} s (${((ms / applied.ms) * 100).toFixed(0)}%)`);

    const again = await timed(async () => {
      const rows = (await readDirectoryFiles([{ name: "province.xlsx", bytes: written.value }])).rows;
      return planDirectoryImport(prisma, actor, rows);
    });
    const nothing = again.value.ok && again.value.plan.orgs.create.length + again.value.plan.users.create.length + again.value.plan.grants.add.length === 0;
    console.log(`the same file again: read and checked in ${seconds(again.ms)} s, ${nothing ? "nothing to do" : "CHANGES FOUND"} ${load()}`);
    console.log(`one import against its own check: ${(applied.ms / planned.ms).toFixed(1)}x`);
  } finally {
    await close();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
