import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "@/lib/dates";
import type { RectificationState } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/server/db";
import { buildPool, MAX_INSPECTED_WEIGHT, NEVER_INSPECTED_WEIGHT } from "@/lib/server/inspections/draw-pool";
import { drawSample, newSeed, toDrawRecord, verifyDraw, type DrawRecord, type PoolEntry } from "@/lib/server/inspections/draw";
import { orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

const DAY = today(TEST_NOW);
const daysBefore = (n: number) => new Date(DAY.getTime() - n * 24 * 60 * 60 * 1000);
const seeds = (n: number, prefix = "s") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const uniformPool = (n: number): PoolEntry[] => Array.from({ length: n }, (_, i) => ({ orgId: `org${i}`, weight: 1 }));

describe("drawSample", () => {
  it("gives the same ids in the same order for the same pool and seed", () => {
    const pool = uniformPool(40);
    const first = drawSample(pool, 8, "a1b2c3d4e5f6");
    expect(first).toHaveLength(8);
    expect(new Set(first).size).toBe(8);
    expect(drawSample(pool, 8, "a1b2c3d4e5f6")).toEqual(first);
    expect(drawSample([...pool], 8, "a1b2c3d4e5f6")).toEqual(first);
  });

  it("gives different samples for different seeds", () => {
    const pool = uniformPool(40);
    const samples = seeds(20).map((s) => drawSample(pool, 5, s).join(","));
    expect(new Set(samples).size).toBeGreaterThanOrEqual(19);
  });

  it("returns the whole pool when the size exceeds it, and nothing for size 0", () => {
    const pool = uniformPool(5);
    const all = drawSample(pool, 12, "seed");
    expect([...all].sort()).toEqual(pool.map((p) => p.orgId).sort());
    expect(drawSample(pool, 0, "seed")).toEqual([]);
    expect(drawSample([], 3, "seed")).toEqual([]);
  });

  it("never picks a candidate of weight 0", () => {
    const pool: PoolEntry[] = [...uniformPool(3), { orgId: "zero", weight: 0 }];
    for (const s of seeds(50)) expect(drawSample(pool, 4, s)).not.toContain("zero");
  });

  it("picks a heavy candidate in nearly every draw", () => {
    const pool: PoolEntry[] = [...uniformPool(50), { orgId: "heavy", weight: 1000 }];
    const hits = seeds(200).filter((s) => drawSample(pool, 1, s)[0] === "heavy").length;
    // P(first) = 1000/1050 ≈ 0.95.
    expect(hits).toBeGreaterThanOrEqual(180);
  });

  it("picks weight-3 candidates clearly more often than weight-1 ones", () => {
    const pool: PoolEntry[] = Array.from({ length: 20 }, (_, i) => ({ orgId: `org${i}`, weight: i < 10 ? 3 : 1 }));
    let heavy = 0;
    let light = 0;
    for (const s of seeds(1000)) {
      for (const id of drawSample(pool, 2, s)) {
        if (Number(id.slice(3)) < 10) heavy++;
        else light++;
      }
    }
    // In expectation 2.9 heavy picks per light one (two picks from 10 of weight 3 and 10 of weight 1); these seeds give 3.2.
    expect(heavy / light).toBeGreaterThan(2);
    expect(heavy / light).toBeLessThan(3.5);
  });

  it("spreads uniform draws evenly over the pool", () => {
    const pool = uniformPool(10);
    const counts = new Map<string, number>();
    for (const s of seeds(2000)) {
      const [first] = drawSample(pool, 1, s);
      counts.set(first!, (counts.get(first!) ?? 0) + 1);
    }
    expect(counts.size).toBe(10);
    for (const c of counts.values()) expect(c).toBeGreaterThan(140); // expected 200 each
  });
});

describe("newSeed", () => {
  it("makes short printable seeds that differ", () => {
    const made = Array.from({ length: 50 }, () => newSeed());
    for (const s of made) expect(s).toMatch(/^[0-9a-f]{12}$/);
    expect(new Set(made).size).toBe(50);
  });
});

describe("verifyDraw", () => {
  const pool: PoolEntry[] = Array.from({ length: 12 }, (_, i) => ({ orgId: `org${i}`, weight: 1 + (i % 4) }));
  const genuine: DrawRecord = {
    seed: "0f1e2d3c4b5a",
    rule: { rootOrgId: "root", orgTypes: ["BRANCH"], size: 4, weighting: "MOST_OPEN_FINDINGS" },
    pool,
    picked: drawSample(pool, 4, "0f1e2d3c4b5a"),
  };

  it("holds for a genuine record, also after a round trip through JSON", () => {
    expect(verifyDraw(genuine)).toBe(true);
    const stored = JSON.parse(JSON.stringify(genuine)) as DrawRecord;
    const read = toDrawRecord(stored);
    expect(read).not.toBeNull();
    expect(verifyDraw(read!)).toBe(true);
  });

  it("fails when the seed is changed", () => {
    expect(verifyDraw({ ...genuine, seed: "0f1e2d3c4b5b" })).toBe(false);
  });

  it("fails when the pool is tampered with", () => {
    const heavier = genuine.pool.map((p) => (p.orgId === genuine.picked[3] ? { ...p, weight: 0 } : p));
    expect(verifyDraw({ ...genuine, pool: heavier })).toBe(false);
    const reordered = [...genuine.pool].reverse();
    expect(verifyDraw({ ...genuine, pool: reordered })).toBe(false);
  });

  it("fails when the picked list is changed, reordered or cut", () => {
    const outsider = genuine.pool.find((p) => !genuine.picked.includes(p.orgId))!.orgId;
    expect(verifyDraw({ ...genuine, picked: [...genuine.picked.slice(0, 3), outsider] })).toBe(false);
    expect(verifyDraw({ ...genuine, picked: [...genuine.picked].reverse() })).toBe(false);
    expect(verifyDraw({ ...genuine, picked: genuine.picked.slice(0, 3) })).toBe(false);
  });

  it("fails when the size is changed", () => {
    expect(verifyDraw({ ...genuine, rule: { ...genuine.rule, size: 5 } })).toBe(false);
  });

  it("reads no record from malformed JSON", () => {
    expect(toDrawRecord({ seed: "x", rule: { size: "4" }, pool: [], picked: [] })).toBeNull();
    expect(toDrawRecord({ seed: "x", rule: genuine.rule, pool: "nope", picked: [] })).toBeNull();
  });
});

describe("buildPool", () => {
  let drop: () => Promise<void>;
  let roundSeq = 0;

  beforeAll(async () => {
    drop = await useSeededDatabase("inspection-draw");
    // The counts below are of this file's own rounds: start from none, whatever the demo data holds.
    await prisma.inspectionRound.deleteMany({});
  });
  afterAll(() => drop());

  async function codesOf(pool: PoolEntry[]): Promise<string[]> {
    const orgs = await prisma.org.findMany({ where: { id: { in: pool.map((p) => p.orgId) } }, select: { id: true, code: true } });
    const code = new Map(orgs.map((o) => [o.id, o.code]));
    return pool.map((p) => code.get(p.orgId)!);
  }

  async function issuedReport(orgCode: string, opts: { inspectedOn?: Date | null; issuedAt?: Date; status?: "DRAFT" | "ISSUED" } = {}) {
    const wc = await orgId("WC");
    const round = await prisma.inspectionRound.create({
      data: { title: `round ${++roundSeq}`, type: "SPOT_CHECK", scopeOrgId: wc, startsOn: daysBefore(400), endsOn: DAY },
    });
    const status = opts.status ?? "ISSUED";
    return prisma.inspectionReport.create({
      data: {
        roundId: round.id,
        orgId: await orgId(orgCode),
        status,
        inspectedOn: opts.inspectedOn === undefined ? null : opts.inspectedOn,
        issuedAt: status === "ISSUED" ? (opts.issuedAt ?? TEST_NOW) : null,
      },
    });
  }

  async function finding(report: { id: string; roundId: string; orgId: string }, seq: number, state: RectificationState) {
    await prisma.finding.create({
      data: { reportId: report.id, roundId: report.roundId, orgId: report.orgId, seq, description: `finding ${seq}`, categoryId: "fcat-conduct", state },
    });
  }

  it("takes the listed types in the root's subtree, ordered by path", async () => {
    const pool = await buildPool(prisma, { rootOrgId: await orgId("U01"), orgTypes: ["BRANCH"], size: 2, weighting: "NONE" }, DAY);
    const codes = await codesOf(pool);
    expect([...codes].sort()).toEqual(["U01-B1", "U01-B2", "U01-GB1-B1", "U01-GB1-B2"]);
    expect(pool.every((p) => p.weight === 1)).toBe(true);
    const paths = await prisma.org.findMany({ where: { id: { in: pool.map((p) => p.orgId) } }, select: { id: true, path: true } });
    const pathOf = new Map(paths.map((o) => [o.id, o.path]));
    const ordered = pool.map((p) => pathOf.get(p.orgId)!);
    expect(ordered).toEqual([...ordered].sort());
  });

  it("includes the root only when its type is listed", async () => {
    const root = await orgId("U01");
    const without = await codesOf(await buildPool(prisma, { rootOrgId: root, orgTypes: ["GENERAL_BRANCH", "ORGAN_PARTY_COMMITTEE"], size: 1, weighting: "NONE" }, DAY));
    expect([...without].sort()).toEqual(["U01-GB1", "U01-OPC"]);
    const withRoot = await codesOf(await buildPool(prisma, { rootOrgId: root, orgTypes: ["PARTY_GROUP", "GENERAL_BRANCH"], size: 1, weighting: "NONE" }, DAY));
    expect([...withRoot].sort()).toEqual(["U01", "U01-GB1"]);
    const units = await codesOf(await buildPool(prisma, { rootOrgId: await orgId("WC"), orgTypes: ["PARTY_GROUP"], size: 1, weighting: "NONE" }, DAY));
    expect(units).toHaveLength(8);
    expect(await buildPool(prisma, { rootOrgId: "nosuchorg", orgTypes: ["BRANCH"], size: 1, weighting: "NONE" }, DAY)).toEqual([]);
    expect(await buildPool(prisma, { rootOrgId: root, orgTypes: [], size: 1, weighting: "NONE" }, DAY)).toEqual([]);
  });

  it("weighs by the days since the last issued report, drafts not counting", async () => {
    // U02's branches: B1 inspected 30 days ago (and 100 days ago), B2 issued 10 days ago without an inspection day,
    // U02-OPC only has a draft, the others were never inspected.
    await issuedReport("U02-B1", { inspectedOn: daysBefore(100) });
    await issuedReport("U02-B1", { inspectedOn: daysBefore(30) });
    // 20:00 UTC is already the next day in Beijing.
    await issuedReport("U02-B2", { issuedAt: new Date(daysBefore(11).getTime() + 20 * 60 * 60 * 1000) });
    await issuedReport("U02-OPC", { status: "DRAFT", inspectedOn: daysBefore(5) });
    await issuedReport("U03-B1", { inspectedOn: new Date("2000-01-01T00:00:00.000Z") });
    const pool = await buildPool(
      prisma,
      { rootOrgId: await orgId("WC"), orgTypes: ["ORGAN_PARTY_COMMITTEE", "BRANCH"], size: 3, weighting: "LONGEST_UNINSPECTED" },
      DAY,
    );
    const byCode = new Map((await codesOf(pool)).map((c, i) => [c, pool[i]!.weight]));
    expect(byCode.get("U02-B1")).toBe(31);
    expect(byCode.get("U02-B2")).toBe(11);
    expect(byCode.get("U02-OPC")).toBe(NEVER_INSPECTED_WEIGHT);
    expect(byCode.get("U02-B3")).toBe(NEVER_INSPECTED_WEIGHT);
    expect(byCode.get("U03-B1")).toBe(MAX_INSPECTED_WEIGHT);
  });

  it("weighs by the findings not closed out on issued reports", async () => {
    const open = await issuedReport("U04-B1");
    await finding(open, 1, "OPEN");
    await finding(open, 2, "SUBMITTED");
    await finding(open, 3, "CLOSED");
    const older = await issuedReport("U04-B1");
    await finding(older, 1, "RETURNED");
    const draft = await issuedReport("U04-B2", { status: "DRAFT" });
    await finding(draft, 1, "OPEN");
    const pool = await buildPool(prisma, { rootOrgId: await orgId("U04"), orgTypes: ["BRANCH"], size: 1, weighting: "MOST_OPEN_FINDINGS" }, DAY);
    const byCode = new Map((await codesOf(pool)).map((c, i) => [c, pool[i]!.weight]));
    expect(Object.fromEntries(byCode)).toEqual({ "U04-B1": 4, "U04-B2": 1, "U04-B3": 1 });
  });

  it("gives a pool whose draw verifies", async () => {
    const rule = { rootOrgId: await orgId("WC"), orgTypes: ["BRANCH" as const], size: 5, weighting: "MOST_OPEN_FINDINGS" as const };
    const pool = await buildPool(prisma, rule, DAY);
    const seed = newSeed();
    const record: DrawRecord = { seed, rule, pool, picked: drawSample(pool, rule.size, seed) };
    expect(record.picked).toHaveLength(5);
    expect(verifyDraw(toDrawRecord(JSON.parse(JSON.stringify(record)) as DrawRecord)!)).toBe(true);
  });
});
