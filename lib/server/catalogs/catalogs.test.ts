import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportCatalog } from "@/lib/catalogs/catalog-io";
import { exportCatalogTemplate } from "@/lib/catalogs/catalog-template";
import { SAMPLE_SOURCE } from "@/lib/catalogs/sample-source";
import { assignCatalog, previewAssignment } from "@/lib/server/assignments/assign-catalog";
import {
  getCatalogVersion,
  importCatalogUpload,
  listCatalogs,
  listLibrary,
  loadLibraryCatalog,
  publishCatalogVersion,
  readLibrary,
  toCatalogFile,
} from "@/lib/server/catalogs/catalogs";
import { prisma } from "@/lib/server/db";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { useSeededDatabase } from "@/lib/test/seeded-database";
import { readCatalogFile } from "@/prisma/seed/seed-demo";

let drop: () => Promise<void>;
beforeAll(async () => {
  drop = await useSeededDatabase("catalogs");
});
afterAll(() => drop());

describe("the library", () => {
  it("lists the shipped files and loads one once, with an audit row", async () => {
    const admin = await actorFor("admin");
    const library = await listLibrary(admin);
    const shanxi = library.find((e) => e.key === "shanxi-four-levels-sample");
    expect(shanxi).toMatchObject({ isSample: true, loadedVersionId: null });
    expect(library.find((e) => e.key === "shandong-style-sample")?.loadedVersionId).not.toBeNull();
    // Every shipped list is a sample, and says so in the word the pages and sheets show.
    expect(readLibrary().map((file) => file.source)).toEqual(library.map(() => SAMPLE_SOURCE));

    const first = await loadLibraryCatalog(admin, "shanxi-four-levels-sample");
    const again = await loadLibraryCatalog(admin, "shanxi-four-levels-sample");
    expect(first.created).toBe(true);
    expect(again).toEqual({ versionId: first.versionId, created: false });
    expect(await prisma.auditLog.count({ where: { action: "catalog.load", entityId: first.versionId } })).toBe(1);
    const version = await getCatalogVersion(admin, first.versionId);
    expect(version.status).toBe("PUBLISHED");
    expect(toCatalogFile(version)).toEqual(readCatalogFile("shanxi-four-levels-sample"));
  });

  it("is closed to anyone but administrators, and reading to all but administrators and supervisors", async () => {
    const secretary = await actorFor("u01-secretary");
    const supervisor = await actorFor("supervisor");
    await expect(listLibrary(supervisor)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadLibraryCatalog(supervisor, "shanxi-four-levels-sample")).rejects.toBeInstanceOf(NotFoundError);
    await expect(listCatalogs(secretary)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listCatalogs(supervisor)).length).toBeGreaterThanOrEqual(3);
  });
});

describe("importing, publishing and assigning", () => {
  const file = { ...readCatalogFile("branch-five-basics-sample"), key: "imported-branch-list", source: "本单位文件" };

  it("imports the Excel template as it is downloaded: a draft of a sample list", async () => {
    const admin = await actorFor("admin");
    const imported = await importCatalogUpload(admin, "责任清单导入模板.xlsx", await exportCatalogTemplate({ year: 2026, nonce: "7e57" }));
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const version = await getCatalogVersion(admin, imported.versionId);
    expect(version).toMatchObject({ status: "DRAFT", catalog: { key: "list-2026-7e57", isSample: true } });
    expect(version.duties).toHaveLength(1);
  });

  it("imports a file as a draft, refuses the same version twice, and publishes it once", async () => {
    const admin = await actorFor("admin");
    const imported = await importCatalogUpload(admin, "list.xlsx", await exportCatalog(file, "xlsx"));
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    expect((await getCatalogVersion(admin, imported.versionId)).status).toBe("DRAFT");

    const twice = await importCatalogUpload(admin, "list.json", await exportCatalog(file, "json"));
    expect(twice).toEqual({ ok: false, problems: [{ code: "versionExists", params: { key: file.key, version: file.version } }] });

    const broken = await importCatalogUpload(admin, "list.json", Buffer.from('{"key": "x"'));
    expect(broken.ok).toBe(false);
    expect(await prisma.catalog.count({ where: { key: "x" } })).toBe(0);

    // A draft cannot be assigned.
    const root = await orgId("WC");
    const period = await prisma.period.findFirstOrThrow({ where: { quarter: 0 } });
    const input = { catalogVersionId: imported.versionId, periodId: period.id, rootOrgId: root, orgTypes: ["BRANCH" as const], dueShiftDays: 0 };
    await expect(previewAssignment(admin, input)).rejects.toBeInstanceOf(ValidationError);

    await publishCatalogVersion(admin, imported.versionId);
    await expect(publishCatalogVersion(admin, imported.versionId)).rejects.toBeInstanceOf(ValidationError);
    expect(await prisma.auditLog.count({ where: { action: "catalog.publish", entityId: imported.versionId } })).toBe(1);

    const plan = await previewAssignment(admin, input);
    expect(plan.orgs).toBe(await prisma.org.count({ where: { type: "BRANCH" } }));
    const result = await assignCatalog(admin, input);
    expect(result.itemsCreated).toBe(plan.newItems);
  });

  it("lets an administrator assign only within their own subtree", async () => {
    const unitAdmin = await actorWithRole("ADMIN", "U01");
    const version = await prisma.catalogVersion.findFirstOrThrow({ where: { catalog: { key: "imported-branch-list" } } });
    const period = await prisma.period.findFirstOrThrow({ where: { quarter: 1 } });
    const input = (rootOrgId: string) => ({ catalogVersionId: version.id, periodId: period.id, rootOrgId, orgTypes: ["BRANCH" as const], dueShiftDays: 0 });
    await expect(previewAssignment(unitAdmin, input(await orgId("U02")))).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignCatalog(unitAdmin, input(await orgId("WC")))).rejects.toBeInstanceOf(NotFoundError);
    const own = await previewAssignment(unitAdmin, input(await orgId("U01")));
    expect(own.orgs).toBe(await prisma.org.count({ where: { type: "BRANCH", code: { startsWith: "U01-" } } }));
    const secretary = await actorFor("u01-secretary");
    await expect(previewAssignment(secretary, input(await orgId("U01")))).rejects.toBeInstanceOf(NotFoundError);
  });
});
