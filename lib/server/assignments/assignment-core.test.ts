import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyAssignment, copyAssignmentsForward, planAssignment, type AssignmentProgress } from "@/lib/server/assignments/assignment-core";
import { importPublishedCatalog } from "@/lib/server/catalogs/import-catalog";
import { occurrencesIn } from "@/lib/server/checklists/recurrence";
import { prisma } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { readCatalogFile } from "@/prisma/seed/seed-demo";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("recurrence", () => {
  it("makes a year's items at the ends of months, quarters and halves", () => {
    expect(occurrencesIn("MONTHLY", 2028, 0).map((o) => o.dueDate)).toEqual([
      day("2028-01-31"), day("2028-02-29"), day("2028-03-31"), day("2028-04-30"), day("2028-05-31"), day("2028-06-30"),
      day("2028-07-31"), day("2028-08-31"), day("2028-09-30"), day("2028-10-31"), day("2028-11-30"), day("2028-12-31"),
    ]);
    expect(occurrencesIn("QUARTERLY", 2026, 0)).toEqual([
      { occurrence: 1, dueDate: day("2026-03-31") },
      { occurrence: 2, dueDate: day("2026-06-30") },
      { occurrence: 3, dueDate: day("2026-09-30") },
      { occurrence: 4, dueDate: day("2026-12-31") },
    ]);
    expect(occurrencesIn("HALF_YEARLY", 2026, 0).map((o) => o.dueDate)).toEqual([day("2026-06-30"), day("2026-12-31")]);
    expect(occurrencesIn("YEARLY", 2026, 0)).toEqual([{ occurrence: 1, dueDate: day("2026-12-31") }]);
    expect(occurrencesIn("ONCE", 2026, 0)).toEqual([{ occurrence: 1, dueDate: day("2026-12-31") }]);
  });

  it("makes a quarter's items: monthly ones per month, the rest at the quarter's end", () => {
    expect(occurrencesIn("MONTHLY", 2026, 2).map((o) => o.dueDate)).toEqual([day("2026-04-30"), day("2026-05-31"), day("2026-06-30")]);
    for (const frequency of ["QUARTERLY", "HALF_YEARLY", "YEARLY", "ONCE"] as const) {
      expect(occurrencesIn(frequency, 2026, 3)).toEqual([{ occurrence: 1, dueDate: day("2026-09-30") }]);
    }
  });
});

describe("assigning a catalog down the tree", () => {
  let drop: () => Promise<void>;
  let versionId: string;
  let yearId: string;
  let rootId: string;
  const types = ["PARTY_GROUP", "ORGAN_PARTY_COMMITTEE", "GENERAL_BRANCH", "BRANCH"] as const;

  beforeAll(async () => {
    drop = await useSeededDatabase("assign");
    const file = readCatalogFile("shanxi-four-levels-sample");
    versionId = (await prisma.$transaction((tx) => importPublishedCatalog(tx, file, TEST_NOW))).versionId;
    yearId = (await prisma.period.findUniqueOrThrow({ where: { year_quarter: { year: 2026, quarter: 0 } } })).id;
    rootId = (await prisma.org.findUniqueOrThrow({ where: { code: "WC" } })).id;
  });
  afterAll(() => drop());

  async function expectedItems(rootCode: string) {
    const root = await prisma.org.findUniqueOrThrow({ where: { code: rootCode } });
    const duties = await prisma.duty.findMany({ where: { catalogVersionId: versionId } });
    const orgs = await prisma.org.findMany({ where: { path: { startsWith: root.path }, type: { in: [...types] } } });
    return orgs.reduce(
      (sum, org) => sum + duties.filter((d) => d.bodyType === org.type).reduce((s, d) => s + occurrencesIn(d.frequency, 2026, 0).length, 0),
      0,
    );
  }

  it("previews how many organizations and items it will create, without creating any", async () => {
    const plan = await planAssignment(prisma, { catalogVersionId: versionId, periodId: yearId, rootOrgId: rootId, orgTypes: [...types] });
    const orgCount = await prisma.org.count({ where: { type: { in: [...types] } } });
    expect(plan).toMatchObject({ orgs: orgCount, newOrgs: orgCount, items: await expectedItems("WC"), newItems: await expectedItems("WC") });
    expect(plan.byType.map((t) => t.type).sort()).toEqual([...types].sort());
    expect(await prisma.checklistItem.count({ where: { duty: { catalogVersionId: versionId } } })).toBe(0);
  });

  it("limits itself to the chosen subtree and types, shifts due dates, and works in batches with progress", async () => {
    const u01 = await prisma.org.findUniqueOrThrow({ where: { code: "U01" } });
    const progress: AssignmentProgress[] = [];
    const auditBefore = await prisma.auditLog.count({ where: { action: "assignment.apply", entityId: versionId } });
    const result = await applyAssignment(
      prisma,
      { catalogVersionId: versionId, periodId: yearId, rootOrgId: u01.id, orgTypes: ["BRANCH"], dueShiftDays: -5 },
      { actorId: null, batchSize: 2, onProgress: (p) => progress.push(p) },
    );
    const branches = await prisma.org.count({ where: { type: "BRANCH", path: { startsWith: u01.path } } });
    expect(result.assignmentsCreated).toBe(branches);
    expect(progress.map((p) => p.orgsDone)).toEqual(Array.from({ length: Math.ceil(branches / 2) }, (_, i) => Math.min((i + 1) * 2, branches)));
    expect(progress.at(-1)?.itemsCreated).toBe(result.itemsCreated);
    expect(await prisma.auditLog.count({ where: { action: "assignment.apply", entityId: versionId } })).toBe(auditBefore + Math.ceil(branches / 2));

    const items = await prisma.checklistItem.findMany({ where: { duty: { catalogVersionId: versionId } }, include: { org: true, duty: true } });
    expect(items).toHaveLength(result.itemsCreated);
    expect(items.every((i) => i.org.type === "BRANCH" && i.org.path.startsWith(u01.path) && i.duty.bodyType === "BRANCH")).toBe(true);
    expect(new Set(items.map((i) => i.dueDate.toISOString().slice(5, 10)))).toContain("12-26");
  });

  it("creates nothing twice: a second run adds only what is missing", async () => {
    const input = { catalogVersionId: versionId, periodId: yearId, rootOrgId: rootId, orgTypes: [...types] };
    const before = await planAssignment(prisma, input);
    expect(before.newItems).toBeLessThan(before.items);
    const first = await applyAssignment(prisma, input, { actorId: null });
    expect(first.itemsCreated).toBe(before.newItems);
    expect(await prisma.checklistItem.count({ where: { duty: { catalogVersionId: versionId } } })).toBe(before.items);

    const again = await applyAssignment(prisma, input, { actorId: null });
    expect(again).toEqual({ assignmentsCreated: 0, itemsCreated: 0 });
    expect(await planAssignment(prisma, input)).toMatchObject({ newOrgs: 0, newItems: 0, items: before.items });

    // Items gone from two organizations' assignments (one loses one, the other three) are made again,
    // and only those: a rerun leaves out only the organizations that hold every item.
    const assignments = await prisma.assignment.findMany({ where: { catalogVersionId: versionId, periodId: yearId }, select: { id: true }, orderBy: { id: "asc" }, take: 2 });
    const gone = [];
    for (const [k, a] of assignments.entries()) {
      const items = await prisma.checklistItem.findMany({ where: { assignmentId: a.id }, select: { id: true, dutyId: true, occurrence: true }, orderBy: { id: "asc" }, take: k === 0 ? 1 : 3 });
      await prisma.checklistItem.deleteMany({ where: { id: { in: items.map((i) => i.id) } } });
      gone.push(...items.map((i) => `${a.id} ${i.dutyId} ${i.occurrence}`));
    }
    expect(gone).toHaveLength(4);
    expect(await applyAssignment(prisma, input, { actorId: null })).toEqual({ assignmentsCreated: 0, itemsCreated: 4 });
    const remade = await prisma.checklistItem.findMany({ where: { assignmentId: { in: assignments.map((a) => a.id) } }, select: { assignmentId: true, dutyId: true, occurrence: true } });
    expect(gone.every((key) => remade.some((i) => `${i.assignmentId} ${i.dutyId} ${i.occurrence}` === key))).toBe(true);
    expect(await prisma.checklistItem.count({ where: { duty: { catalogVersionId: versionId } } })).toBe(before.items);
  });

  it("picks up where an earlier run stopped, across batch boundaries, with an audit row only for batches that created something", async () => {
    const period = await prisma.period.create({ data: { kind: "YEAR", year: 2030, startsOn: day("2030-01-01"), endsOn: day("2030-12-31") } });
    const root = await prisma.org.findUniqueOrThrow({ where: { id: rootId } });
    // applyAssignment batches organizations in path order.
    const branches = await prisma.org.findMany({ where: { type: "BRANCH", path: { startsWith: root.path } }, orderBy: { path: "asc" }, select: { id: true } });
    expect(branches.length).toBeGreaterThanOrEqual(6);
    const input = { catalogVersionId: versionId, periodId: period.id, rootOrgId: rootId, orgTypes: ["BRANCH" as const] };
    const audits = async () =>
      (await prisma.auditLog.findMany({ where: { action: "assignment.apply", entityId: versionId }, select: { after: true } }))
        .map((a) => a.after as { periodId: string; organizations: number; assignmentsCreated: number; itemsCreated: number })
        .filter((a) => a.periodId === period.id);

    // An earlier run that got as far as the third to fifth branches: the second batch of two below, and half the third.
    const earlier = await applyAssignment(prisma, { ...input, orgIds: branches.slice(2, 5).map((b) => b.id) }, { actorId: null });
    expect(earlier.assignmentsCreated).toBe(3);
    expect(await audits()).toHaveLength(1);

    const progress: AssignmentProgress[] = [];
    const result = await applyAssignment(prisma, input, { actorId: null, batchSize: 2, concurrency: 2, onProgress: (p) => progress.push(p) });
    const batches = Math.ceil(branches.length / 2);
    expect(result.assignmentsCreated).toBe(branches.length - 3);
    // In batch order, whichever of the two side-by-side batches commits first.
    expect(progress.map((p) => p.orgsDone)).toEqual(Array.from({ length: batches }, (_, i) => Math.min((i + 1) * 2, branches.length)));
    expect(progress.map((p) => p.itemsCreated)).toEqual([...progress.map((p) => p.itemsCreated)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ orgsDone: branches.length, orgsTotal: branches.length, itemsCreated: result.itemsCreated });

    const rows = (await audits()).slice(1);
    expect(rows).toHaveLength(batches - 1);
    expect(rows.reduce((s, a) => s + a.assignmentsCreated, 0)).toBe(result.assignmentsCreated);
    expect(rows.reduce((s, a) => s + a.itemsCreated, 0)).toBe(result.itemsCreated);
    expect(rows.every((a) => a.organizations === 2 || a.organizations === branches.length % 2)).toBe(true);

    const items = await prisma.checklistItem.findMany({ where: { periodId: period.id }, select: { id: true, assignment: { select: { id: true } } } });
    expect(items).toHaveLength(earlier.itemsCreated + result.itemsCreated);
    // Ids made in SQL have the shape of Prisma's cuid(): 25 lowercase letters and digits starting with "c".
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(items.every((i) => /^c[a-z0-9]{24}$/.test(i.id) && /^c[a-z0-9]{24}$/.test(i.assignment.id))).toBe(true);

    expect(await applyAssignment(prisma, input, { actorId: null, batchSize: 2, concurrency: 2 })).toEqual({ assignmentsCreated: 0, itemsCreated: 0 });
    expect(await audits()).toHaveLength(batches);
  });

  it("makes a quarter's items in a quarter period", async () => {
    const q2 = await prisma.period.findUniqueOrThrow({ where: { year_quarter: { year: 2026, quarter: 2 } } });
    const branch = await prisma.org.findUniqueOrThrow({ where: { code: "U02-B1" } });
    await applyAssignment(prisma, { catalogVersionId: versionId, periodId: q2.id, rootOrgId: branch.id, orgTypes: ["BRANCH"] }, { actorId: null });
    const items = await prisma.checklistItem.findMany({ where: { periodId: q2.id, orgId: branch.id }, include: { duty: true } });
    const duties = await prisma.duty.findMany({ where: { catalogVersionId: versionId, bodyType: "BRANCH" } });
    const monthly = duties.filter((d) => d.frequency === "MONTHLY").length;
    expect(items).toHaveLength(monthly * 3 + (duties.length - monthly));
    expect(items.every((i) => i.dueDate >= day("2026-04-30") && i.dueDate <= day("2026-06-30"))).toBe(true);
  });

  it("refuses a version that is not published", async () => {
    const draft = await prisma.catalogVersion.create({
      data: { catalogId: (await prisma.catalogVersion.findUniqueOrThrow({ where: { id: versionId } })).catalogId, version: 99, source: "draft" },
    });
    await expect(
      planAssignment(prisma, { catalogVersionId: draft.id, periodId: yearId, rootOrgId: rootId, orgTypes: ["BRANCH"] }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("starting the next period from this one", () => {
  let drop: () => Promise<void>;
  beforeAll(async () => {
    drop = await useSeededDatabase("copyforward");
  });
  afterAll(() => drop());

  it("makes every assignment again for the new period with fresh items, once", async () => {
    const root = await prisma.org.findUniqueOrThrow({ where: { code: "WC" } });
    const from = await prisma.period.findUniqueOrThrow({ where: { year_quarter: { year: 2026, quarter: 0 } } });
    const to = await prisma.period.create({ data: { kind: "YEAR", year: 2027, startsOn: day("2027-01-01"), endsOn: day("2027-12-31") } });
    const before = await prisma.assignment.count({ where: { periodId: from.id } });
    const result = await copyAssignmentsForward(prisma, { fromPeriodId: from.id, toPeriodId: to.id, rootOrgId: root.id }, { actorId: null });
    expect(result).toMatchObject({ catalogVersions: 3, assignmentsCreated: before });
    expect(await prisma.checklistItem.count({ where: { periodId: to.id } })).toBe(await prisma.checklistItem.count({ where: { periodId: from.id } }));
    const items = await prisma.checklistItem.findMany({ where: { periodId: to.id }, select: { status: true, dueDate: true, completedById: true } });
    expect(items.every((i) => i.status === "NOT_STARTED" && i.completedById === null && i.dueDate.getUTCFullYear() === 2027)).toBe(true);

    const again = await copyAssignmentsForward(prisma, { fromPeriodId: from.id, toPeriodId: to.id, rootOrgId: root.id }, { actorId: null });
    expect(again).toMatchObject({ assignmentsCreated: 0, itemsCreated: 0 });
    await expect(copyAssignmentsForward(prisma, { fromPeriodId: from.id, toPeriodId: from.id, rootOrgId: root.id }, { actorId: null })).rejects.toBeInstanceOf(ValidationError);
  });
});
