import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "@/lib/dates";
import type { FindingTag, RectificationState } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { analyseFindings, commonCategoriesOfRound, listAnalysisRounds, type FindingAnalysis } from "@/lib/server/inspections/analysis";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

const DAY = today(TEST_NOW);
const HOUR_MS = 60 * 60 * 1000;
const dayOffset = (n: number) => new Date(DAY.getTime() + n * 24 * HOUR_MS);

let drop: () => Promise<void>;
let admin: Actor;
let inspectorA: Actor;
let inspectorB: Actor;
let r1: string;
let r2: string;
let dutyA: string;
let dutyB: string;
const periods: Record<"year" | "q1" | "q3" | "q4", string> = { year: "", q1: "", q3: "", q4: "" };

type FindingSpec = {
  category: string;
  state: RectificationState;
  deadline?: Date | null;
  closedAt?: Date;
  duty?: string;
  tag?: FindingTag;
};

async function report(roundId: string, orgCode: string, status: "DRAFT" | "ISSUED", findings: FindingSpec[]): Promise<void> {
  const org = await orgId(orgCode);
  const created = await prisma.inspectionReport.create({
    data: { roundId, orgId: org, status, issuedAt: status === "ISSUED" ? dayOffset(-60) : null },
  });
  let seq = 0;
  for (const f of findings) {
    await prisma.finding.create({
      data: {
        reportId: created.id,
        roundId,
        orgId: org,
        seq: ++seq,
        description: `${orgCode} ${f.category} ${seq}`,
        categoryId: `fcat-${f.category}`,
        state: f.state,
        deadline: f.deadline === undefined ? DAY : f.deadline,
        closedAt: f.closedAt ?? (f.state === "CLOSED" ? dayOffset(-20) : null),
        dutyId: f.duty ?? null,
        tag: f.tag ?? null,
      },
    });
  }
}

async function round(title: string, startsOn: string, members: Actor[]): Promise<string> {
  const created = await prisma.inspectionRound.create({
    data: {
      title,
      type: "ROUTINE",
      scopeOrgId: await orgId("WC"),
      startsOn: new Date(`${startsOn}T00:00:00.000Z`),
      endsOn: new Date(`${startsOn}T00:00:00.000Z`),
      members: { create: members.map((m) => ({ userId: m.id })) },
    },
  });
  return created.id;
}

beforeAll(async () => {
  drop = await useSeededDatabase("inspection-analysis");
  // The counts below are of this file's own rounds: start from none, whatever the demo data holds.
  await prisma.inspectionRound.deleteMany({});
  admin = await actorFor("admin");
  inspectorA = await actorWithRole("INSPECTOR", "WC");
  inspectorB = await actorWithRole("INSPECTOR", "WC");
  const duties = await prisma.duty.findMany({ orderBy: { id: "asc" }, take: 2, select: { id: true } });
  [dutyA, dutyB] = [duties[0]!.id, duties[1]!.id];
  for (const p of await prisma.period.findMany({ where: { year: 2026 }, select: { id: true, quarter: true } })) {
    if (p.quarter === 0) periods.year = p.id;
    if (p.quarter === 1) periods.q1 = p.id;
    if (p.quarter === 3) periods.q3 = p.id;
    if (p.quarter === 4) periods.q4 = p.id;
  }

  r1 = await round("第一轮督查", "2026-03-01", [inspectorA]);
  r2 = await round("第二轮督查", "2026-08-01", [inspectorB]);
  await report(r1, "U01-B1", "ISSUED", [
    { category: "conduct", state: "OPEN", deadline: dayOffset(-5), duty: dutyA, tag: "COMMON" },
    // Closed at 00:00 the day after its deadline, Beijing time: late.
    { category: "records", state: "CLOSED", deadline: dayOffset(-10), closedAt: new Date(dayOffset(-10).getTime() + 16 * HOUR_MS) },
    // Waiting for acceptance: not closed, yet not overdue either (the unit has done its part).
    { category: "theory", state: "SUBMITTED", deadline: dayOffset(-1) },
  ]);
  await report(r1, "U01-B2", "ISSUED", [
    { category: "conduct", state: "IN_PROGRESS", deadline: dayOffset(5), duty: dutyA },
    // Closed at 23:59 on its deadline day, Beijing time: on time.
    { category: "records", state: "CLOSED", deadline: dayOffset(-3), closedAt: new Date(dayOffset(-3).getTime() + 15 * HOUR_MS + 59 * 60 * 1000) },
  ]);
  await report(r1, "U02-B1", "ISSUED", [
    { category: "conduct", state: "RETURNED", deadline: dayOffset(-1) },
    { category: "records", state: "CLOSED", deadline: dayOffset(-3), closedAt: dayOffset(-4) },
  ]);
  await report(r1, "U03-B1", "DRAFT", [{ category: "conduct", state: "OPEN", deadline: dayOffset(-30) }]);
  await report(r2, "U01-B1", "ISSUED", [{ category: "theory", state: "OPEN", deadline: dayOffset(-2) }]);
  await report(r2, "U04-B1", "ISSUED", [
    { category: "theory", state: "CLOSED", deadline: DAY, closedAt: dayOffset(-1), duty: dutyB },
    { category: "discipline", state: "OPEN", deadline: null },
  ]);
});
afterAll(() => drop());

const byCode = (a: FindingAnalysis) => Object.fromEntries(a.byCategory.map((c) => [c.code, { total: c.total, open: c.open, overdue: c.overdue, closed: c.closed, units: c.units }]));

describe("analyseFindings", () => {
  it("counts issued findings by category, with open, overdue, closed and units", async () => {
    const a = await analyseFindings(admin, {}, DAY);
    expect(byCode(a)).toEqual({
      CONDUCT: { total: 3, open: 3, overdue: 2, closed: 0, units: 3 },
      RECORDS: { total: 3, open: 0, overdue: 0, closed: 3, units: 3 },
      THEORY: { total: 3, open: 2, overdue: 1, closed: 1, units: 2 },
      DISCIPLINE: { total: 1, open: 1, overdue: 0, closed: 0, units: 1 },
    });
    expect(a.totals).toEqual({ total: 10, open: 6, overdue: 3, closed: 4, units: 4, tagged: 1 });
  });

  it("finds the common problems: categories in at least two organizations", async () => {
    const a = await analyseFindings(admin, {}, DAY);
    expect(a.common.map((c) => [c.code, c.units, c.findings, c.tagged])).toEqual([
      ["CONDUCT", 3, 3, 1],
      ["RECORDS", 3, 3, 0],
      ["THEORY", 2, 3, 0],
    ]);
  });

  it("counts findings by duty", async () => {
    const a = await analyseFindings(admin, {}, DAY);
    expect(a.byDuty.map((d) => [d.dutyId, d.total, d.open])).toEqual([
      [dutyA, 2, 2],
      [dutyB, 1, 0],
    ]);
    expect(a.dutyCount).toBe(2);
    expect(a.withoutDuty).toBe(7);
  });

  it("ranks organizations by overdue, then open findings", async () => {
    const a = await analyseFindings(admin, {}, DAY);
    const codes = await prisma.org.findMany({ where: { id: { in: a.units.map((u) => u.orgId) } }, select: { id: true, code: true } });
    const code = new Map(codes.map((o) => [o.id, o.code]));
    const rows = a.units.map((u) => [code.get(u.orgId), u.overdue, u.open]);
    expect(rows.slice(0, 2)).toEqual([
      ["U01-B1", 2, 3],
      ["U02-B1", 1, 1],
    ]);
    expect(rows.slice(2).sort()).toEqual([
      ["U01-B2", 0, 1],
      ["U04-B1", 0, 1],
    ]);
  });

  it("gives the rate of findings closed out by their deadline day in Beijing", async () => {
    const a = await analyseFindings(admin, {}, DAY);
    expect(a.onTime).toEqual({ closed: 4, onTime: 3, rate: 0.75 });
    const second = await analyseFindings(admin, { roundId: r2 }, DAY);
    expect(second.onTime).toEqual({ closed: 1, onTime: 1, rate: 1 });
  });

  it("has no rate when nothing is closed", async () => {
    const branch = await actorWithRole("SECRETARY", "U01-B1");
    const a = await analyseFindings(branch, { roundId: r2 }, DAY);
    expect(a.totals.total).toBe(1);
    expect(a.onTime).toEqual({ closed: 0, onTime: 0, rate: null });
  });

  it("counts overdue against the day asked for", async () => {
    const earlier = await analyseFindings(admin, {}, dayOffset(-6));
    expect(earlier.totals.overdue).toBe(0);
    const later = await analyseFindings(admin, {}, dayOffset(6));
    // Then U01-B2's finding is past its deadline too; the submitted one still is not overdue.
    expect(later.totals.overdue).toBe(4);
  });

  it("filters by round and by period (rounds that start within it)", async () => {
    expect((await analyseFindings(admin, { roundId: r1 }, DAY)).totals.total).toBe(7);
    expect((await analyseFindings(admin, { roundId: r2 }, DAY)).totals.total).toBe(3);
    expect((await analyseFindings(admin, { periodId: periods.year }, DAY)).totals.total).toBe(10);
    expect((await analyseFindings(admin, { periodId: periods.q1 }, DAY)).totals.total).toBe(7);
    expect((await analyseFindings(admin, { periodId: periods.q3 }, DAY)).totals.total).toBe(3);
    expect((await analyseFindings(admin, { periodId: periods.q4 }, DAY)).totals.total).toBe(0);
    expect((await analyseFindings(admin, { periodId: periods.q1, roundId: r2 }, DAY)).totals.total).toBe(0);
    expect((await analyseFindings(admin, { periodId: "nosuchperiod" }, DAY)).byCategory).toEqual([]);
  });

  it("filters by source: the type of the findings' round (a tour's feedback apart from the inspections)", async () => {
    await prisma.inspectionRound.update({ where: { id: r2 }, data: { type: "TOUR" } });
    try {
      expect((await analyseFindings(admin, { source: "TOUR" }, DAY)).totals.total).toBe(3);
      expect((await analyseFindings(admin, { source: "ROUTINE" }, DAY)).totals.total).toBe(7);
      expect((await analyseFindings(admin, { source: "TALK", periodId: periods.year }, DAY)).totals.total).toBe(0);
    } finally {
      await prisma.inspectionRound.update({ where: { id: r2 }, data: { type: "ROUTINE" } });
    }
  });

  it("counts only what the actor reads: a unit secretary their own issued findings", async () => {
    const secretary = await actorFor("u01-secretary");
    const a = await analyseFindings(secretary, {}, DAY);
    expect(a.totals.total).toBe(6);
    expect(a.totals.units).toBe(2);
    const branch = await actorWithRole("SECRETARY", "U02-B1");
    expect((await analyseFindings(branch, {}, DAY)).totals.total).toBe(2);
    // The draft report on U03-B1 counts for nobody, not even its own unit.
    const u03 = await actorFor("u03-secretary");
    expect((await analyseFindings(u03, {}, DAY)).totals.total).toBe(0);
  });

  it("counts for an inspector only the rounds they are a member of", async () => {
    expect((await analyseFindings(inspectorA, {}, DAY)).totals.total).toBe(7);
    expect((await analyseFindings(inspectorB, {}, DAY)).totals.total).toBe(3);
    expect((await analyseFindings(inspectorB, { roundId: r1 }, DAY)).totals.total).toBe(0);
    const outsider = await actorFor("inspector");
    expect((await analyseFindings(outsider, {}, DAY)).totals.total).toBe(0);
    expect((await listAnalysisRounds(inspectorA)).map((r) => r.id)).toEqual([r1]);
    expect((await listAnalysisRounds(admin)).map((r) => r.id)).toEqual([r2, r1]);
  });
});

describe("commonCategoriesOfRound", () => {
  it("gives the categories found in enough organizations of the round, drafts included", async () => {
    expect(await commonCategoriesOfRound(prisma, r1)).toEqual(["fcat-conduct", "fcat-records"]);
    expect(await commonCategoriesOfRound(prisma, r1, 4)).toEqual(["fcat-conduct"]);
    expect(await commonCategoriesOfRound(prisma, r2)).toEqual(["fcat-theory"]);
    expect(await commonCategoriesOfRound(prisma, r2, 3)).toEqual([]);
    expect(await commonCategoriesOfRound(prisma, "nosuchround")).toEqual([]);
  });
});
