import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_GRADING } from "@/lib/grading/scheme";
import { prisma } from "@/lib/server/db";
import { ConflictError, DomainError, NotFoundError } from "@/lib/server/errors";
import { confirmGrade, getBranchGrading, getGradingScheme, gradeHistory, listGrades, proposeGrade, saveGradingScheme, writeGradingWorkbook } from "@/lib/server/grading/grading";
import { drawSample } from "@/lib/server/inspections/draw";
import { buildPool } from "@/lib/server/inspections/draw-pool";
import { actorFor, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { firstSheetRows, zhTranslator } from "@/lib/test/workbooks";
import type { TProposeGrade } from "@/lib/validation/grading";

let drop: () => Promise<void>;

beforeAll(async () => {
  drop = await useSeededDatabase("grading");
});
afterAll(() => drop());

// Without the demo's grades and schemes: every grade below is given by the test.
beforeEach(async () => {
  await prisma.branchGrade.deleteMany();
  await prisma.gradingScheme.deleteMany();
});

const BASIS = { organization: "支委会健全", team: "党员学时达标", activity: "三会一课按期开展", system: "制度落实", support: "阵地经费到位" };

function proposal(orgId: string, rank: number, more: Partial<TProposeGrade> = {}): TProposeGrade {
  return { orgId, year: 2026, expectedVersion: 0, rank, basis: BASIS, ...more };
}

/** A grade given straight to the table: proposed and (unless `rank` is null) confirmed. */
async function graded(code: string, year: number, rank: number | null, proposedRank = rank ?? 1) {
  return prisma.branchGrade.create({ data: { orgId: await orgId(code), year, proposedRank, basis: BASIS, proposedAt: TEST_NOW, rank, confirmedAt: rank ? TEST_NOW : null } });
}

describe("branch grading", () => {
  it("is proposed by the party committee above the branch, not by the branch, a stranger or for another kind of organization", async () => {
    const [staff, unitSecretary, branchSecretary, otherStaff, supervisor, b1, opc] = await Promise.all([
      actorFor("u01-staff"),
      actorFor("u01-secretary"),
      actorFor("u01-branch"),
      actorFor("u02-staff"),
      actorFor("supervisor"),
      orgId("U01-B1"),
      orgId("U01-OPC"),
    ]);
    await expect(proposeGrade(branchSecretary, proposal(b1, 2), TEST_NOW)).rejects.toMatchObject({ code: "forbidden" });
    await expect(proposeGrade(supervisor, proposal(b1, 2), TEST_NOW)).rejects.toMatchObject({ code: "forbidden" });
    await expect(proposeGrade(otherStaff, proposal(b1, 2), TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(proposeGrade(unitSecretary, proposal(opc, 2), TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(proposeGrade(staff, proposal(b1, 5), TEST_NOW)).rejects.toMatchObject({ fieldErrors: { rank: ["gradeRequired"] } });
    expect(await prisma.branchGrade.count()).toBe(0);

    expect(await proposeGrade(staff, proposal(b1, 3), TEST_NOW)).toEqual({ from: 0, to: 1 });
    // A second first proposal meets the first; a change names the version it saw.
    await expect(proposeGrade(unitSecretary, proposal(b1, 2), TEST_NOW)).rejects.toBeInstanceOf(ConflictError);
    expect(await proposeGrade(unitSecretary, proposal(b1, 2, { expectedVersion: 1 }), TEST_NOW)).toEqual({ from: 1, to: 2 });
    await expect(proposeGrade(staff, proposal(b1, 4, { expectedVersion: 1 }), TEST_NOW)).rejects.toBeInstanceOf(ConflictError);
    const grade = await prisma.branchGrade.findFirstOrThrow({ where: { orgId: b1 } });
    expect(grade).toMatchObject({ year: 2026, proposedRank: 2, rank: null, basis: BASIS, version: 2 });
    expect(await prisma.auditLog.count({ where: { entityType: "BranchGrade", action: "grading.propose", entityId: grade.id } })).toBe(2);
  });

  it("is confirmed or changed by the working committee alone, a change with its reason, and then no longer proposed", async () => {
    const [staff, unitSecretary, supervisor, b1] = await Promise.all([actorFor("u01-staff"), actorFor("u01-secretary"), actorFor("supervisor"), orgId("U01-B1")]);
    await proposeGrade(staff, proposal(b1, 3), TEST_NOW);
    const { id: gradeId } = await prisma.branchGrade.findFirstOrThrow({ where: { orgId: b1 }, select: { id: true } });
    await expect(confirmGrade(unitSecretary, { gradeId, expectedVersion: 1, rank: 3, reason: "" }, TEST_NOW)).rejects.toMatchObject({ code: "forbidden" });
    await expect(confirmGrade(await actorFor("u02-secretary"), { gradeId, expectedVersion: 1, rank: 3, reason: "" }, TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(confirmGrade(supervisor, { gradeId, expectedVersion: 1, rank: 4, reason: "  " }, TEST_NOW)).rejects.toMatchObject({ fieldErrors: { reason: ["reasonRequired"] } });

    expect(await confirmGrade(supervisor, { gradeId, expectedVersion: 1, rank: 3, reason: "" }, TEST_NOW)).toEqual({ from: 1, to: 2 });
    await expect(proposeGrade(staff, proposal(b1, 2, { expectedVersion: 2 }), TEST_NOW)).rejects.toMatchObject({ fieldErrors: { rank: ["gradeConfirmed"] } });
    await expect(confirmGrade(supervisor, { gradeId, expectedVersion: 1, rank: 4, reason: "整改不力" }, TEST_NOW)).rejects.toBeInstanceOf(ConflictError);
    await confirmGrade(supervisor, { gradeId, expectedVersion: 2, rank: 4, reason: "整改不力" }, TEST_NOW);
    expect(await prisma.branchGrade.findUniqueOrThrow({ where: { id: gradeId } })).toMatchObject({ proposedRank: 3, rank: 4, reason: "整改不力" });

    const page = await getBranchGrading(staff, b1, 2026, "zh");
    expect(page).toMatchObject({ canPropose: false, canConfirm: false, grade: { rank: 4, proposedRank: 3 } });
    expect((await getBranchGrading(supervisor, b1, 2026, "zh")).canConfirm).toBe(true);
    // Next year is open to a new proposal.
    expect((await getBranchGrading(staff, b1, 2027, "zh")).canPropose).toBe(true);
  });

  it("keeps a scheme per year that changes until a branch of the year is graded", async () => {
    const [supervisor, staff, unitAdmin, b1] = await Promise.all([actorFor("supervisor"), actorFor("u01-staff"), actorFor("u01-secretary"), orgId("U01-B1")]);
    expect(await getGradingScheme(supervisor, 2026)).toMatchObject({ version: 0, config: DEFAULT_GRADING, locked: false });
    const three = { grades: [
      { name: "好", nameEn: "Good", criteria: "五个基本过硬" },
      { name: "中", nameEn: "", criteria: "基本达标" },
      { name: "差", nameEn: "Poor", criteria: "软弱涣散" },
    ] };
    await expect(saveGradingScheme(staff, { year: 2026, expectedVersion: 0, config: three })).rejects.toBeInstanceOf(DomainError);
    await expect(saveGradingScheme(unitAdmin, { year: 2026, expectedVersion: 0, config: three })).rejects.toBeInstanceOf(DomainError);
    expect(await saveGradingScheme(supervisor, { year: 2026, expectedVersion: 0, config: three })).toEqual({ from: 0, to: 1 });
    await expect(saveGradingScheme(supervisor, { year: 2026, expectedVersion: 0, config: three })).rejects.toBeInstanceOf(ConflictError);

    // The year's grades are the scheme's: a fourth grade no longer exists; the worst is the third.
    await expect(proposeGrade(staff, proposal(b1, 4), TEST_NOW)).rejects.toMatchObject({ fieldErrors: { rank: ["gradeRequired"] } });
    await proposeGrade(staff, proposal(b1, 3), TEST_NOW);
    expect((await getGradingScheme(supervisor, 2026)).locked).toBe(true);
    await expect(saveGradingScheme(supervisor, { year: 2026, expectedVersion: 1, config: DEFAULT_GRADING })).rejects.toMatchObject({ fieldErrors: { config: ["schemeInUse"] } });
    // Another year is its own.
    await saveGradingScheme(supervisor, { year: 2027, expectedVersion: 0, config: three });
    expect(await prisma.auditLog.count({ where: { entityType: "GradingScheme" } })).toBe(2);
  });

  it("lists the subtree's branches with the distribution of this year and last, the moves, the filters and the history", async () => {
    const [supervisor, staff] = await Promise.all([actorFor("supervisor"), actorFor("u01-staff")]);
    // 2025 → 2026: B1 一般 → 较好 (up), B2 较好 → 一般 (down), GB1-B1 先进 → 先进 (same), GB1-B2 first graded 后进; U02-B1 proposed only.
    await graded("U01-B1", 2025, 3);
    await graded("U01-B1", 2026, 2);
    await graded("U01-B2", 2025, 2);
    await graded("U01-B2", 2026, 3);
    await graded("U01-GB1-B1", 2025, 1);
    await graded("U01-GB1-B1", 2026, 1);
    await graded("U01-GB1-B2", 2026, 4);
    await graded("U02-B1", 2026, null, 2);

    const mine = await listGrades(staff, { year: 2026 });
    expect(mine.distribution).toEqual({ thisYear: [1, 1, 1, 1], lastYear: [1, 1, 1, 0], proposed: 0, ungraded: 0, total: 4, moves: { UP: 1, SAME: 1, DOWN: 1, NEW: 1 } });
    const names = await prisma.org.findMany({ select: { id: true, code: true } });
    const code = new Map(names.map((o) => [o.id, o.code]));
    // Worst first among the confirmed.
    expect(mine.rows.map((r) => code.get(r.orgId))).toEqual(["U01-GB1-B2", "U01-B2", "U01-B1", "U01-GB1-B1"]);

    const all = await listGrades(supervisor, { year: 2026 });
    const branches = await prisma.org.count({ where: { type: "BRANCH", closedAt: null } });
    expect(all.distribution).toMatchObject({ proposed: 1, ungraded: branches - 5, total: branches });
    expect(code.get(all.rows[0]!.orgId)).toBe("U02-B1");
    expect((await listGrades(supervisor, { year: 2026, status: "proposed" })).total).toBe(1);
    expect((await listGrades(supervisor, { year: 2026, move: "DOWN" })).rows.map((r) => code.get(r.orgId))).toEqual(["U01-B2"]);
    expect((await listGrades(supervisor, { year: 2026, rank: 4 })).total).toBe(1);
    const u02 = await orgId("U02");
    expect((await listGrades(supervisor, { year: 2026, root: u02 })).distribution.total).toBe(await prisma.org.count({ where: { type: "BRANCH", path: { contains: u02 } } }));
    await expect(listGrades(staff, { year: 2026, root: u02 })).rejects.toBeInstanceOf(NotFoundError);

    const history = await gradeHistory(staff, await prisma.org.findUniqueOrThrow({ where: { id: await orgId("U01-B2") } }), "zh");
    expect(history).toEqual([
      { year: 2026, rank: 3, proposedRank: 3, grade: "一般", proposed: "一般", move: "DOWN" },
      { year: 2025, rank: 2, proposedRank: 2, grade: "较好", proposed: "较好", move: "NEW" },
    ]);
    expect(await gradeHistory(await actorFor("u02-staff"), await prisma.org.findUniqueOrThrow({ where: { id: await orgId("U01-B2") } }), "zh")).toEqual([]);

    const { t } = zhTranslator();
    const sheet = await firstSheetRows((output) => writeGradingWorkbook(staff, { year: 2026, move: "UP" }, output, { t, locale: "zh", now: TEST_NOW }));
    expect(sheet.slice(2)).toEqual([["省发展和改革委员会办公室党支部", "省发展和改革委员会党组", "一般", "较好", "较好", "晋位升级", "已确认"]]);
  });

  it("weights the draw by the latest confirmed grade, lower grades drawn more often, the never graded as the lowest; the same seed draws the same", async () => {
    await graded("U01-B1", 2024, 4);
    await graded("U01-B1", 2025, 1);
    await graded("U01-B2", 2025, 3);
    // A proposal not confirmed and a grade of a later year count for nothing.
    await graded("U01-GB1-B1", 2026, null, 1);
    await graded("U01-GB1-B2", 2027, 1);
    const rule = { rootOrgId: await orgId("U01"), orgTypes: ["BRANCH" as const], size: 2, weighting: "LOWEST_GRADE" as const };
    const pool = await buildPool(prisma, rule, new Date(Date.UTC(2026, 10, 25)));
    const byCode = new Map(await Promise.all(pool.map(async (p) => [(await prisma.org.findUniqueOrThrow({ where: { id: p.orgId } })).code, p.weight] as const)));
    expect(Object.fromEntries(byCode)).toEqual({ "U01-B1": 1, "U01-B2": 3, "U01-GB1-B1": 4, "U01-GB1-B2": 4 });
    expect(drawSample(pool, 2, "grades-2026")).toEqual(drawSample(await buildPool(prisma, rule, new Date(Date.UTC(2026, 10, 25))), 2, "grades-2026"));

    // A three-grade scheme of the year makes the never graded weigh 3.
    await prisma.gradingScheme.create({ data: { year: 2026, config: { grades: DEFAULT_GRADING.grades.slice(0, 3) } } });
    const three = await buildPool(prisma, rule, new Date(Date.UTC(2026, 10, 25)));
    expect(three.map((p) => p.weight).sort()).toEqual([1, 3, 3, 3]);
  });
});
