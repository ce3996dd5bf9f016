import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import { buildPool } from "@/lib/server/inspections/draw-pool";
import { coverage, coveragePeriod, getGroup, saveGroup, writeCoverageWorkbook } from "@/lib/server/inspections/groups";
import { createRound } from "@/lib/server/inspections/rounds";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { firstSheetRows, zhTranslator } from "@/lib/test/workbooks";
import { ZCreateRound, ZSaveGroup, type TSaveGroup } from "@/lib/validation/inspections";

let drop: () => Promise<void>;

beforeAll(async () => {
  drop = await useSeededDatabase("groups");
});
afterAll(() => drop());

async function groupInput(more: Partial<TSaveGroup> = {}) {
  const inspector = await actorFor("inspector");
  return ZSaveGroup.parse({
    groupId: "",
    expectedVersion: 0,
    name: "第一督查组",
    memberIds: [inspector.id],
    leaderId: inspector.id,
    unitIds: await Promise.all(["U05", "U06", "U07"].map(orgId)),
    ...more,
  });
}

const codeOf = async (id: string) => (await prisma.org.findUniqueOrThrow({ where: { id }, select: { code: true } })).code;

describe("standing supervision groups", () => {
  it("are set up by the committee alone, of inspectors, each unit covered by one group, against the version seen", async () => {
    const [supervisor, inspector, secretary] = await Promise.all([actorFor("supervisor"), actorFor("inspector"), actorFor("u01-secretary")]);
    await expect(saveGroup(inspector, await groupInput())).rejects.toMatchObject({ code: "forbidden" });
    await expect(saveGroup(supervisor, await groupInput({ memberIds: [secretary.id], leaderId: "" }))).rejects.toMatchObject({ fieldErrors: { memberIds: ["notInspector"] } });
    await expect(saveGroup(supervisor, await groupInput({ unitIds: [await orgId("U05-B1")] }))).rejects.toMatchObject({ fieldErrors: { unitIds: ["notUnit"] } });
    const { groupId, version } = await saveGroup(supervisor, await groupInput());
    expect(version).toEqual({ from: 0, to: 1 });
    await expect(saveGroup(supervisor, await groupInput({ name: "第二督查组", unitIds: [await orgId("U05")] }))).rejects.toMatchObject({ fieldErrors: { unitIds: ["unitTaken"] } });
    await expect(saveGroup(supervisor, await groupInput({ unitIds: [await orgId("U08")] }))).rejects.toMatchObject({ fieldErrors: { name: ["nameTaken"] } });
    // A change replaces the units; a stale version is a conflict.
    const other = await actorWithRole("INSPECTOR", "WC");
    await saveGroup(supervisor, await groupInput({ groupId, expectedVersion: 1, memberIds: [inspector.id, other.id], unitIds: await Promise.all(["U05", "U06", "U07"].map(orgId)) }));
    await expect(saveGroup(supervisor, await groupInput({ groupId, expectedVersion: 1 }))).rejects.toBeInstanceOf(ConflictError);
    const group = await getGroup(inspector, groupId);
    expect(group).toMatchObject({ version: 2, canEdit: false });
    expect(group.members).toHaveLength(2);
    await expect(getGroup(secretary, groupId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.auditLog.count({ where: { entityType: "SupervisionGroup", entityId: groupId } })).toBe(2);
  });

  it("run rounds; their coverage shows the units and branches visited in the period and not, the days since the same as the draw's weight", async () => {
    const [supervisor, inspector] = await Promise.all([actorFor("supervisor"), actorFor("inspector")]);
    const group = await prisma.supervisionGroup.findFirstOrThrow({ where: { name: "第一督查组" }, select: { id: true } });
    const round = ZCreateRound.parse({
      title: "第一督查组第四季度督查",
      type: "ROUTINE",
      scopeOrgId: await orgId("WC"),
      startsOn: "2026-11-02",
      endsOn: "2026-11-06",
      memberIds: [inspector.id],
      groupId: group.id,
      mode: "pick",
      orgIds: await Promise.all(["U05", "U06"].map(orgId)),
    });
    await expect(createRound(supervisor, { ...round, groupId: "nosuchgroup" }, TEST_NOW)).rejects.toMatchObject({ fieldErrors: { groupId: ["unknownGroup"] } });
    const { roundId } = await createRound(supervisor, round, TEST_NOW);
    expect((await prisma.inspectionRound.findUniqueOrThrow({ where: { id: roundId } })).groupId).toBe(group.id);
    // A draft visit counts for nothing; issued, U05 on Nov 3 and U06 on Nov 4.
    const before = await coverage(inspector, { group: group.id, year: 2026, quarter: 4 }, TEST_NOW);
    expect(before.tally.units).toEqual({ visited: 0, total: 3 });
    for (const [code, day] of [
      ["U05", "2026-11-03"],
      ["U06", "2026-11-04"],
    ] as const) {
      await prisma.inspectionReport.updateMany({ where: { roundId, org: { code } }, data: { status: "ISSUED", inspectedOn: new Date(`${day}T00:00:00Z`), issuedAt: TEST_NOW } });
    }

    const quarter = await coverage(inspector, { group: group.id, year: 2026, quarter: 4 }, TEST_NOW);
    expect(quarter.tally.units).toEqual({ visited: 2, total: 3 });
    const branches = await prisma.org.count({ where: { type: { in: ["BRANCH", "GENERAL_BRANCH"] }, OR: ["U05", "U06", "U07"].map((c) => ({ code: { startsWith: `${c}-` } })) } });
    expect(quarter.tally.branches).toEqual({ visited: 0, total: branches });
    // Not visited first, the never visited among them first.
    expect(quarter.rows[0]!.visited).toBe(false);
    expect(quarter.rows.at(-1)!.visited).toBe(true);
    const u05 = quarter.rows.find((r) => r.name.startsWith("省自然资源厅党组"))!;
    expect([u05.visited, u05.daysSince]).toEqual([true, 22]);
    // The third quarter: none of them visited.
    expect((await coverage(inspector, { group: group.id, year: 2026, quarter: 3 }, TEST_NOW)).tally.units.visited).toBe(0);
    expect((await coverage(inspector, { group: group.id, year: 2026, quarter: 4, visited: "no" }, TEST_NOW)).total).toBe(1 + branches);

    // The same figure as the draw's "longest uninspected" weight: 1 + the days since, 3651 never.
    const pool = await buildPool(prisma, { rootOrgId: await orgId("WC"), orgTypes: ["PARTY_GROUP"], size: 1, weighting: "LONGEST_UNINSPECTED" }, new Date(Date.UTC(2026, 10, 25)));
    for (const row of quarter.rows.filter((r) => r.type === "PARTY_GROUP")) {
      expect(pool.find((p) => p.orgId === row.orgId)?.weight).toBe(row.daysSince === null ? 3651 : row.daysSince + 1);
    }

    // The committee's page counts each group's units and those no group covers.
    const committee = await coverage(supervisor, { year: 2026, quarter: 4 }, TEST_NOW);
    expect(committee.groups.map((g) => [g.name, Number(g.visited), Number(g.total)])).toEqual([
      ["第一督查组", 2, 3],
      [null, expect.any(Number), 5],
    ]);
    await expect(coverage(inspector, { year: 2026 }, TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(coverage(await actorFor("u05-secretary"), { group: group.id, year: 2026 }, TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);

    const { t } = zhTranslator();
    const sheet = await firstSheetRows((output) => writeCoverageWorkbook(inspector, { group: group.id, year: 2026, quarter: 4, visited: "yes" }, output, { t, locale: "zh", now: TEST_NOW }));
    expect(sheet.slice(2).map((r) => [r[0], r[3], r[4], r[5]])).toEqual([
      ["省自然资源厅党组", "是", "2026-11-03", 22],
      ["省生态环境厅党组", "是", "2026-11-04", 21],
    ]);
    expect(await codeOf(quarter.rows.at(-1)!.orgId)).toBe("U06");
  });

  it("spans a quarter or the whole year", () => {
    expect(coveragePeriod(2026, 0)).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(coveragePeriod(2026, 1)).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(coveragePeriod(2028, 1)).toEqual({ from: "2028-01-01", to: "2028-03-31" });
    expect(coveragePeriod(2026, 4)).toEqual({ from: "2026-10-01", to: "2026-12-31" });
  });
});
