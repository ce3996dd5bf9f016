import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { byRevision, MAX_RESULTS, readRevision } from "@/lib/server/cache/revisions";
import { prisma } from "@/lib/server/db";
import { actorWithRole, orgId } from "@/lib/test/actors";
import { useSeededDatabase } from "@/lib/test/seeded-database";

const ADMIN_URL = process.env.TEST_DATABASE_URL;
const ON_POSTGRES = !!ADMIN_URL && /^postgres(ql)?:\/\//i.test(ADMIN_URL);

let drop: () => Promise<void>;
let findings: string[];
let roundId: string;
let reportId: string;

beforeAll(async () => {
  drop = await useSeededDatabase("revisions");
  const wc = await orgId("WC");
  const u01 = await orgId("U01");
  const round = await prisma.inspectionRound.create({
    data: { title: "督查", type: "ROUTINE", scopeOrgId: wc, startsOn: new Date("2026-03-02"), endsOn: new Date("2026-03-20") },
  });
  roundId = round.id;
  reportId = (await prisma.inspectionReport.create({ data: { roundId, orgId: u01, status: "ISSUED", issuedAt: new Date("2026-03-25") } })).id;
  findings = [];
  for (const seq of [1, 2, 3]) {
    const f = await prisma.finding.create({ data: { reportId, roundId, orgId: u01, seq, description: `问题${seq}`, categoryId: "fcat-other" } });
    findings.push(f.id);
  }
});
afterAll(() => drop());

const revisionRows = () => prisma.revision.count({ where: { family: "findings" } });

describe("the findings' revision", () => {
  it("rises by one with each write to each of the findings' tables, and not with others", async () => {
    const inspector = await actorWithRole("INSPECTOR", "WC");
    const period = await prisma.period.findFirstOrThrow({ select: { id: true, endsOn: true } });
    const duty = await prisma.duty.findFirstOrThrow({ select: { id: true, title: true } });
    const org = await prisma.org.findUniqueOrThrow({ where: { code: "U02" }, select: { id: true, name: true } });
    const writes: [string, () => Promise<unknown>][] = [
      ["Finding", () => prisma.finding.update({ where: { id: findings[0] }, data: { measures: "整改措施" } })],
      ["InspectionReport", () => prisma.inspectionReport.update({ where: { id: reportId }, data: { issuedAt: new Date("2026-03-26") } })],
      ["InspectionRound", () => prisma.inspectionRound.update({ where: { id: roundId }, data: { title: "督查（更名）" } })],
      ["InspectionMember", () => prisma.inspectionMember.create({ data: { roundId, userId: inspector.id } })],
      ["Period", () => prisma.period.update({ where: { id: period.id }, data: { endsOn: period.endsOn } })],
      ["FindingCategory", () => prisma.findingCategory.update({ where: { id: "fcat-other" }, data: { nameEn: "Other (renamed)" } })],
      ["Duty", () => prisma.duty.update({ where: { id: duty.id }, data: { title: duty.title } })],
      ["Org", () => prisma.org.update({ where: { id: org.id }, data: { name: `${org.name}（改）` } })],
    ];
    for (const [table, write] of writes) {
      const before = await readRevision("findings");
      await write();
      expect(await readRevision("findings"), table).toBe(before + 1n);
    }

    // Tables the ledger's summary and the analysis do not read.
    const before = await readRevision("findings");
    const item = await prisma.checklistItem.findFirstOrThrow({ select: { id: true } });
    await prisma.checklistItem.update({ where: { id: item.id }, data: { note: "无关" } });
    await prisma.auditLog.create({ data: { action: "test", entityType: "Test", entityId: "x" } });
    expect(await readRevision("findings")).toBe(before);
  });

  it("counts a statement once, however many rows it writes, and nothing of a transaction rolled back", async () => {
    const before = await readRevision("findings");
    await prisma.finding.updateMany({ where: { id: { in: findings } }, data: { lastComment: "批量" } });
    expect(await readRevision("findings")).toBe(before + 1n);
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.finding.update({ where: { id: findings[1] }, data: { measures: "撤回" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await readRevision("findings")).toBe(before + 1n);
  });

  it("keeps one row a family when writes come one after another: each folds in the rows before it", async () => {
    for (const id of findings) await prisma.finding.update({ where: { id }, data: { measures: "逐条" } });
    expect(await revisionRows()).toBe(1);
  });
});

describe("byRevision", () => {
  const counted = () => prisma.finding.count({ where: { roundId } });

  it("computes once while the revision stands, and again after a write, with the write in it", async () => {
    const compute = vi.fn(counted);
    const first = await byRevision("findings", "count", compute);
    expect(await byRevision("findings", "count", compute)).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);

    await prisma.finding.create({ data: { reportId, roundId, orgId: await orgId("U01"), seq: 9, description: "新问题", categoryId: "fcat-other" } });
    expect(await byRevision("findings", "count", compute)).toBe(first + 1);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it("keeps each key apart", async () => {
    const a = vi.fn(async () => "a");
    const b = vi.fn(async () => "b");
    expect(await byRevision("findings", "key a", a)).toBe("a");
    expect(await byRevision("findings", "key b", b)).toBe("b");
    expect(await byRevision("findings", "key a", a)).toBe("a");
    expect([a.mock.calls.length, b.mock.calls.length]).toEqual([1, 1]);
  });

  it("shares one computation among the requests that ask while it runs", async () => {
    let finish!: (n: number) => void;
    const compute = vi.fn(() => new Promise<number>((resolve) => (finish = resolve)));
    const asked = [byRevision("findings", "in flight", compute), byRevision("findings", "in flight", compute)];
    await vi.waitFor(() => expect(compute).toHaveBeenCalled());
    finish(7);
    expect(await Promise.all(asked)).toEqual([7, 7]);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it("keeps no failure: the next request computes again", async () => {
    const compute = vi.fn().mockRejectedValueOnce(new Error("database gone")).mockResolvedValueOnce(3);
    await expect(byRevision("findings", "flaky", compute)).rejects.toThrow("database gone");
    expect(await byRevision("findings", "flaky", compute)).toBe(3);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it(`keeps at most ${MAX_RESULTS} results, dropping the least recently used`, async () => {
    const compute = vi.fn(async () => 1);
    await byRevision("findings", "first", compute);
    await byRevision("findings", "used again", compute);
    for (let i = 0; i < MAX_RESULTS - 1; i++) {
      await byRevision("findings", `filler ${i}`, compute);
      if (i === MAX_RESULTS / 2) await byRevision("findings", "used again", compute);
    }
    const before = compute.mock.calls.length;
    await byRevision("findings", "used again", compute);
    expect(compute.mock.calls.length).toBe(before);
    await byRevision("findings", "first", compute);
    expect(compute.mock.calls.length).toBe(before + 1);
  });
});

// Only PostgreSQL runs transactions side by side: the embedded database is one connection.
describe.each(ON_POSTGRES ? [{ engine: "PostgreSQL" }] : [])("writers side by side on $engine", () => {
  it("count only once committed, and neither waits on the other's revision rows", async () => {
    const before = await readRevision("findings");
    const compute = vi.fn(() => prisma.finding.findUniqueOrThrow({ where: { id: findings[0] }, select: { measures: true } }));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const first = prisma.$transaction(
      async (tx) => {
        await tx.finding.update({ where: { id: findings[0] }, data: { measures: "先写未提交" } });
        wrote();
        await held;
      },
      { timeout: 20_000 },
    );
    await written;
    // The first holds the row it appended (and the rows it folded) until it commits; the second
    // writer skips them rather than waiting, or this would never return.
    await prisma.finding.update({ where: { id: findings[1] }, data: { measures: "后写已提交" } });
    expect(await readRevision("findings")).toBe(before + 1n);
    expect(await byRevision("findings", "side by side", compute)).toEqual({ measures: "逐条" });

    release();
    await first;
    expect(await readRevision("findings")).toBe(before + 2n);
    expect(await byRevision("findings", "side by side", compute)).toEqual({ measures: "先写未提交" });
    expect(compute).toHaveBeenCalledTimes(2);
    // Two rows at most were left beside each other; the next write folds them.
    await prisma.finding.update({ where: { id: findings[2] }, data: { measures: "再写" } });
    expect(await revisionRows()).toBe(1);
  }, 30_000);
});
