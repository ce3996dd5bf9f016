import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import { branchModelSites, designateModelSite, getModelSite, listModelSites, reviewModelSite, writeModelSiteWorkbook } from "@/lib/server/grading/model-sites";
import { actorFor, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { firstSheetRows, zhTranslator } from "@/lib/test/workbooks";

let drop: () => Promise<void>;

beforeAll(async () => {
  drop = await useSeededDatabase("model-sites");
});
afterAll(() => drop());

const site = (orgId: string, plaqueOn = "2026-03-01") => ({ orgId, title: "支部标准化示范点", models: "三会一课规范，台账完整", plaqueOn });

describe("model sites", () => {
  it("are designated by the working committee alone, one title a branch, the plaque hung today or before", async () => {
    const [supervisor, staff, stranger, b2] = await Promise.all([actorFor("supervisor"), actorFor("u01-staff"), actorFor("u02-staff"), orgId("U01-B2")]);
    await expect(designateModelSite(staff, site(b2), TEST_NOW)).rejects.toMatchObject({ code: "forbidden" });
    await expect(designateModelSite(stranger, site(b2), TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(designateModelSite(supervisor, site(await orgId("U01-OPC")), TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(designateModelSite(supervisor, site(b2, "2026-11-26"), TEST_NOW)).rejects.toMatchObject({ fieldErrors: { plaqueOn: ["plaqueInFuture"] } });
    const { siteId } = await designateModelSite(supervisor, site(b2), TEST_NOW);
    await expect(designateModelSite(supervisor, site(b2), TEST_NOW)).rejects.toMatchObject({ fieldErrors: { orgId: ["alreadyModel"] } });
    expect(await getModelSite(staff, siteId, TEST_NOW)).toMatchObject({ canReview: false, withdrawnOn: null, reviews: [] });
    await expect(getModelSite(stranger, siteId, TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect((await branchModelSites(supervisor, { id: b2, path: (await prisma.org.findUniqueOrThrow({ where: { id: b2 } })).path, closedAt: null })).canDesignate).toBe(false);
  });

  it("are reviewed once a year; a withdrawal ends the title, keeps the site on record and frees the branch for a new one", async () => {
    const [supervisor, staff, b1] = await Promise.all([actorFor("supervisor"), actorFor("u01-staff"), orgId("U01-B1")]);
    const { siteId } = await designateModelSite(supervisor, site(b1), TEST_NOW);
    // Awaiting this year's review: listed first among the sites held.
    const before = await listModelSites(supervisor, {}, TEST_NOW);
    expect(before.rows.filter((r) => r.reviewDue).length).toBe(before.due);
    expect(before.rows.slice(0, before.due).every((r) => r.reviewDue)).toBe(true);
    expect(before.rows.find((r) => r.id === siteId)?.reviewDue).toBe(true);

    await expect(reviewModelSite(staff, { siteId, expectedVersion: 1, outcome: "KEPT", comment: "保留" }, TEST_NOW)).rejects.toMatchObject({ code: "forbidden" });
    await reviewModelSite(supervisor, { siteId, expectedVersion: 1, outcome: "KEPT", comment: "示范作用明显" }, TEST_NOW);
    await expect(reviewModelSite(supervisor, { siteId, expectedVersion: 2, outcome: "WITHDRAWN", comment: "撤销" }, TEST_NOW)).rejects.toMatchObject({ fieldErrors: { outcome: ["reviewedThisYear"] } });
    expect((await listModelSites(supervisor, {}, TEST_NOW)).rows.find((r) => r.id === siteId)?.reviewDue).toBe(false);

    // Next year: a stale version is a conflict; the withdrawal ends the title that day.
    const nextYear = new Date("2027-12-10T04:00:00Z");
    await expect(reviewModelSite(supervisor, { siteId, expectedVersion: 1, outcome: "WITHDRAWN", comment: "组织生活不经常" }, nextYear)).rejects.toBeInstanceOf(ConflictError);
    await reviewModelSite(supervisor, { siteId, expectedVersion: 2, outcome: "WITHDRAWN", comment: "组织生活不经常，撤销命名" }, nextYear);
    const withdrawn = await getModelSite(staff, siteId, nextYear);
    expect(withdrawn.withdrawnOn?.toISOString().slice(0, 10)).toBe("2027-12-10");
    expect(withdrawn.reviews.map((r) => [r.year, r.outcome])).toEqual([
      [2027, "WITHDRAWN"],
      [2026, "KEPT"],
    ]);
    await expect(reviewModelSite(supervisor, { siteId, expectedVersion: 3, outcome: "KEPT", comment: "恢复" }, new Date("2028-06-01T04:00:00Z"))).rejects.toMatchObject({ fieldErrors: { outcome: ["withdrawn"] } });
    expect((await listModelSites(staff, {}, nextYear)).rows.some((r) => r.id === siteId)).toBe(false);
    expect((await listModelSites(staff, { status: "withdrawn" }, nextYear)).rows.map((r) => r.id)).toEqual([siteId]);
    await designateModelSite(supervisor, site(b1, "2027-12-10"), nextYear);
    expect(await prisma.auditLog.count({ where: { entityType: "ModelSite", entityId: siteId } })).toBe(3);

    const { t } = zhTranslator();
    const sheet = await firstSheetRows((output) => writeModelSiteWorkbook(staff, { status: "withdrawn" }, output, { t, locale: "zh", now: nextYear }));
    expect(sheet.slice(2)).toEqual([["省发展和改革委员会办公室党支部", "支部标准化示范点", "2026-03-01", "2027 撤销命名", "2027-12-10"]]);
  });

  it("pages the sites held with those awaiting review first, across the page boundary", async () => {
    const [supervisor, b1] = await Promise.all([actorFor("supervisor"), orgId("U03-B1")]);
    // Sixty sites straight into the table, every third reviewed this year: more than a page, due ones on both sides of the boundary.
    for (let i = 0; i < 60; i += 1) {
      await prisma.modelSite.create({
        data: { orgId: b1, title: `示范点 ${i}`, models: "—", plaqueOn: new Date(Date.UTC(2020, 0, 1 + i)), reviews: i % 3 === 0 ? { create: { year: 2026, outcome: "KEPT", comment: "保留", reviewedOn: TEST_NOW } } : undefined },
      });
    }
    const all = await listModelSites(supervisor, { all: true }, TEST_NOW);
    expect(all.total).toBeGreaterThan(60);
    expect(all.due).toBeGreaterThan(40);
    const pages = [...(await listModelSites(supervisor, { page: 1 }, TEST_NOW)).rows, ...(await listModelSites(supervisor, { page: 2 }, TEST_NOW)).rows];
    expect(pages.map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
    expect(all.rows.slice(0, all.due).every((r) => r.reviewDue)).toBe(true);
    expect(all.rows.slice(all.due).some((r) => r.reviewDue)).toBe(false);
  });
});
