import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyAssignment } from "@/lib/server/assignments/assignment-core";
import { applyVersionMove, planVersionMove } from "@/lib/server/assignments/move-version";
import { importPublishedCatalog } from "@/lib/server/catalogs/import-catalog";
import { getProgress } from "@/lib/server/checklists/get-progress";
import { prisma } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { actorFor } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import type { TCatalogFile } from "@/lib/validation/catalog-file";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

type DutyFile = TCatalogFile["duties"][number];
const duty = (code: string, over: Partial<DutyFile> = {}): DutyFile => ({
  code,
  title: `职责 ${code}`,
  description: "",
  kind: "IMPLEMENTING",
  bodyType: "BRANCH",
  frequency: "YEARLY",
  evidenceRequired: false,
  weight: 1,
  ...over,
});

const catalog = (version: number, duties: DutyFile[]): TCatalogFile => ({
  key: "move-test",
  title: "版本迁移测试清单",
  issuer: "测试",
  source: "sample",
  version,
  duties,
});

// v1 → v2: K kept as is, T retitled, Q quarterly → half-yearly, R removed, A added; P is for party groups only.
const V1 = [duty("K"), duty("T"), duty("Q", { frequency: "QUARTERLY" }), duty("R"), duty("P", { bodyType: "PARTY_GROUP" })];
const V2 = [duty("K"), duty("T", { title: "新标题" }), duty("Q", { frequency: "HALF_YEARLY" }), duty("A", { frequency: "HALF_YEARLY" }), duty("P", { bodyType: "PARTY_GROUP" })];

describe("moving a period's assignments to a new version", () => {
  let drop: () => Promise<void>;
  let v1: string;
  let v2: string;
  let yearId: string;
  let u01: { id: string; path: string };
  let branches: number;

  beforeAll(async () => {
    drop = await useSeededDatabase("move");
    v1 = (await prisma.$transaction((tx) => importPublishedCatalog(tx, catalog(1, V1), TEST_NOW))).versionId;
    v2 = (await prisma.$transaction((tx) => importPublishedCatalog(tx, catalog(2, V2), TEST_NOW))).versionId;
    yearId = (await prisma.period.findUniqueOrThrow({ where: { year_quarter: { year: 2026, quarter: 0 } } })).id;
    u01 = await prisma.org.findUniqueOrThrow({ where: { code: "U01" }, select: { id: true, path: true } });
    branches = await prisma.org.count({ where: { path: { startsWith: u01.path }, type: "BRANCH" } });
    await applyAssignment(prisma, { catalogVersionId: v1, periodId: yearId, rootOrgId: u01.id, orgTypes: ["PARTY_GROUP", "BRANCH"], dueShiftDays: -5 }, { actorId: null });
  });
  afterAll(() => drop());

  const itemsOf = (code: string, versionId: string) =>
    prisma.checklistItem.findMany({ where: { periodId: yearId, duty: { code, catalogVersionId: versionId }, org: { path: { startsWith: u01.path } } }, orderBy: [{ orgId: "asc" }, { occurrence: "asc" }] });

  it("shows the plan, applies exactly it, and leaves done items untouched", async () => {
    expect(branches).toBeGreaterThan(1);
    // Some work is done before the new version arrives: R and the first Q of one branch, and Q's third of another.
    const [firstR] = await itemsOf("R", v1);
    const q = await itemsOf("Q", v1);
    const doneIds = [firstR!.id, q[0]!.id, q.find((i) => i.orgId !== q[0]!.orgId && i.occurrence === 3)!.id];
    await prisma.checklistItem.updateMany({ where: { id: { in: doneIds } }, data: { status: "DONE", completedAt: TEST_NOW, note: "已完成" } });
    const doneBefore = await prisma.checklistItem.findMany({ where: { id: { in: doneIds } }, orderBy: { id: "asc" } });
    // One open T item is delegated: the delegation moves along with it.
    const tDelegated = (await itemsOf("T", v1))[0]!;
    const b1 = await prisma.org.findUniqueOrThrow({ where: { code: "U01-B1" } });
    await prisma.checklistItem.update({ where: { id: tDelegated.id }, data: { delegatedToId: null, delegatedOrgId: b1.id } });

    const plan = await planVersionMove(prisma, { toVersionId: v2, periodId: yearId, rootOrgId: u01.id });
    expect(plan.assignments).toBe(branches + 1);
    expect(plan.fromVersions).toEqual([{ id: v1, version: 1, assignments: branches + 1 }]);
    const byCode = Object.fromEntries(plan.duties.map((d) => [d.code, d]));
    // An unchanged duty's items move as they are; only a changed duty's items count as updated.
    expect(byCode.K).toMatchObject({ change: "unchanged", update: 0, carry: branches, create: 0, withdraw: 0 });
    expect(byCode.T).toMatchObject({ change: "changed", update: branches, carry: 0 });
    expect(byCode.A).toMatchObject({ change: "added", create: 2 * branches, update: 0 });
    expect(byCode.R).toMatchObject({ change: "removed", withdraw: branches - 1, keepDone: 1 });
    // Q: occurrences 1 and 2 stay (1 of one branch is done), 3 and 4 go (3 of another branch is done).
    expect(byCode.Q).toMatchObject({ change: "changed", update: 2 * branches - 1, carry: 0, withdraw: 2 * branches - 1, keepDone: 2 });
    expect(byCode.P).toMatchObject({ change: "unchanged", update: 0, carry: 1 });

    // Planning changed nothing.
    expect(await prisma.assignment.count({ where: { catalogVersionId: v2 } })).toBe(0);

    const result = await applyVersionMove(prisma, { toVersionId: v2, periodId: yearId, rootOrgId: u01.id }, { actorId: null });
    expect(result).toEqual({ assignments: plan.assignments, ...plan.totals });

    expect(await prisma.assignment.count({ where: { catalogVersionId: v1 } })).toBe(0);
    // Done items: not a field changed, still on the old version's duties.
    expect(await prisma.checklistItem.findMany({ where: { id: { in: doneIds } }, orderBy: { id: "asc" } })).toEqual(doneBefore);
    // Removed duty: open items withdrawn, and the withdrawal is in each item's history.
    const r = await itemsOf("R", v1);
    expect(r.map((i) => i.status).sort()).toEqual(["DONE", ...Array(branches - 1).fill("WITHDRAWN")]);
    const withdrawnR = r.find((i) => i.status === "WITHDRAWN")!;
    expect(await prisma.auditLog.count({ where: { entityId: withdrawnR.id, action: "checklist.withdraw" } })).toBe(1);
    // Kept duty: open items now on v2, the assignment's shifted due date kept, the delegation too.
    const t = await itemsOf("T", v2);
    expect(t).toHaveLength(branches);
    expect(t.every((i) => i.dueDate.getTime() === day("2026-12-26").getTime())).toBe(true);
    expect(t.find((i) => i.id === tDelegated.id)?.delegatedOrgId).toBe(b1.id);
    // Frequency changed: the surviving occurrences take the new due dates.
    const q2 = await itemsOf("Q", v2);
    expect(new Set(q2.map((i) => i.dueDate.toISOString().slice(0, 10)))).toEqual(new Set(["2026-06-30", "2026-12-31"]));
    // Added duty: new items for every branch.
    expect(await itemsOf("A", v2)).toHaveLength(2 * branches);

    // Nothing is left to move, and moving again does nothing.
    const again = await planVersionMove(prisma, { toVersionId: v2, periodId: yearId, rootOrgId: u01.id });
    expect(again.assignments).toBe(0);
    expect(await applyVersionMove(prisma, { toVersionId: v2, periodId: yearId, rootOrgId: u01.id }, { actorId: null })).toMatchObject({ assignments: 0, create: 0 });
  });

  it("counts an item as updated only when its own duty differs from the new version's", async () => {
    // Another list, on U02: S stays the same through three versions, C changes in v2 and stays in v3.
    const list = (version: number, duties: DutyFile[]) => ({ ...catalog(version, duties), key: "move-count-test" });
    const c1 = (await prisma.$transaction((tx) => importPublishedCatalog(tx, list(1, [duty("S"), duty("C")]), TEST_NOW))).versionId;
    const c2 = (await prisma.$transaction((tx) => importPublishedCatalog(tx, list(2, [duty("S"), duty("C", { weight: 5 })]), TEST_NOW))).versionId;
    const c3 = (await prisma.$transaction((tx) => importPublishedCatalog(tx, list(3, [duty("S"), duty("C", { weight: 5 })]), TEST_NOW))).versionId;
    const u02 = await prisma.org.findUniqueOrThrow({ where: { code: "U02" }, select: { id: true, path: true } });
    const u02Branches = await prisma.org.count({ where: { path: { startsWith: u02.path }, type: "BRANCH" } });
    await applyAssignment(prisma, { catalogVersionId: c1, periodId: yearId, rootOrgId: u02.id, orgTypes: ["BRANCH"] }, { actorId: null });
    const input = { toVersionId: c3, periodId: yearId, rootOrgId: u02.id };

    // The items sit on v1. C is "unchanged" from v2 to v3, yet its items' duty (v1) differs: they are updated.
    const plan = await planVersionMove(prisma, input);
    const byCode = Object.fromEntries(plan.duties.map((d) => [d.code, d]));
    expect(byCode.S).toMatchObject({ change: "unchanged", update: 0, carry: u02Branches });
    expect(byCode.C).toMatchObject({ change: "unchanged", update: u02Branches, carry: 0 });
    expect(plan.totals).toEqual({ create: 0, update: u02Branches, carry: u02Branches, withdraw: 0, keepDone: 0 });

    // Applying reports the same split, and every open item, carried or updated, is on v3 now.
    expect(await applyVersionMove(prisma, input, { actorId: null })).toEqual({ assignments: u02Branches, ...plan.totals });
    const onV3 = await prisma.checklistItem.findMany({ where: { periodId: yearId, duty: { catalogVersionId: c3 } }, select: { duty: { select: { code: true, weight: true } } } });
    expect(onV3).toHaveLength(2 * u02Branches);
    expect(onV3.filter((i) => i.duty.code === "C").every((i) => i.duty.weight === 5)).toBe(true);
    expect(await prisma.checklistItem.count({ where: { duty: { catalogVersionId: { in: [c1, c2] } } } })).toBe(0);
  });

  it("leaves withdrawn items out of progress", async () => {
    const withdrawn = await prisma.checklistItem.count({ where: { status: "WITHDRAWN", org: { path: { startsWith: u01.path } } } });
    expect(withdrawn).toBeGreaterThan(0);
    const [row] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "ChecklistItem" i JOIN "Org" o ON o."id" = i."orgId"
       WHERE o."path" LIKE ${u01.path + "%"} AND i."periodId" = ${yearId} AND i."status" <> 'WITHDRAWN'`;
    const progress = await getProgress(await actorFor("u01-secretary"), "progress.read", yearId, { sort: "name", dir: "asc", page: 1 }, TEST_NOW);
    expect(progress.parent?.total).toBe(Number(row!.n));
  });

  it("refuses a draft as the target", async () => {
    const draft = await prisma.catalogVersion.create({ data: { catalogId: (await prisma.catalogVersion.findUniqueOrThrow({ where: { id: v2 } })).catalogId, version: 3, status: "DRAFT", source: "sample" } });
    await expect(planVersionMove(prisma, { toVersionId: draft.id, periodId: yearId, rootOrgId: u01.id })).rejects.toBeInstanceOf(ValidationError);
  });
});
