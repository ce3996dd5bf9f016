import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { importCatalogUpload } from "@/lib/server/catalogs/catalogs";
import { prisma } from "@/lib/server/db";
import { actorFor } from "@/lib/test/actors";
import { catalogJson, catalogWorkbook } from "@/lib/test/catalog-files";
import { useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let admin: Actor;
beforeAll(async () => {
  drop = await useSeededDatabase("catalog-limits");
  admin = await actorFor("admin");
});
afterAll(() => drop());

/** What an import could have written: lists, versions, duties and audit rows. */
async function written() {
  const [catalogs, versions, duties, audits] = await Promise.all([
    prisma.catalog.count(),
    prisma.catalogVersion.count(),
    prisma.duty.count(),
    prisma.auditLog.count({ where: { action: "catalog.import" } }),
  ]);
  return { catalogs, versions, duties, audits };
}

describe("importing an uploaded list through the worker thread", () => {
  it("refuses a JSON file of 501 duties with the limit named, and writes nothing", async () => {
    const before = await written();
    expect(await importCatalogUpload(admin, "大清单.json", catalogJson(501, "json-501"))).toEqual({
      ok: false,
      problems: [{ code: "tooManyDuties", params: { count: 501, max: 500 } }],
    });
    expect(await written()).toEqual(before);
  });

  it("refuses a workbook of 100,000 rows with the limit named, and writes nothing", async () => {
    const before = await written();
    expect(await importCatalogUpload(admin, "大清单.xlsx", await catalogWorkbook(100_000, { key: "xlsx-100k" }))).toEqual({
      ok: false,
      problems: [{ code: "tooManyRows", params: { max: 500 }, sheet: "职责" }],
    });
    expect(await written()).toEqual(before);
  });

  it("imports a list within the limits as a draft, its file name made storable", async () => {
    const imported = await importCatalogUpload(admin, "清单\u0000.xlsx", await catalogWorkbook(3, { key: "xlsx-three" }));
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const version = await prisma.catalogVersion.findUniqueOrThrow({ where: { id: imported.versionId }, select: { status: true, _count: { select: { duties: true } } } });
    expect(version).toEqual({ status: "DRAFT", _count: { duties: 3 } });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "catalog.import", entityId: imported.versionId } });
    expect(audit.after).toMatchObject({ fileName: "清单.xlsx", duties: 3 });
  });
});
