import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogVersion, publishCatalogVersion } from "@/lib/server/catalogs/catalogs";
import { createCatalog, diffCatalogVersions, reviseCatalogVersion, saveCatalogDraft } from "@/lib/server/catalogs/edit-catalogs";
import { prisma } from "@/lib/server/db";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { actorFor } from "@/lib/test/actors";
import { useSeededDatabase } from "@/lib/test/seeded-database";
import { EMPTY_DUTY } from "@/lib/validation/catalog-editor";

let drop: () => Promise<void>;
beforeAll(async () => {
  drop = await useSeededDatabase("editcatalogs");
});
afterAll(() => drop());

const duty = (code: string, title: string, extra: Partial<typeof EMPTY_DUTY> = {}) => ({ ...EMPTY_DUTY, code, title, ...extra });

describe("editing lists", () => {
  it("creates a list with an empty draft, edits it, freezes it on publishing, revises and compares", async () => {
    const admin = await actorFor("admin");
    const { versionId: v1 } = await createCatalog(admin, { key: "jinan-2026", title: "济南市机关党建责任清单", issuer: "市直机关工委" });
    await expect(createCatalog(admin, { key: "jinan-2026", title: "x", issuer: "y" })).rejects.toBeInstanceOf(ValidationError);

    await saveCatalogDraft(admin, {
      versionId: v1,
      source: "市直机关工委文件",
      sourceNote: "",
      duties: [duty("A-1", "研究部署"), duty("A-2", "述职评议", { frequency: "QUARTERLY" }), duty("A-3", "督促整改")],
    });
    const draft = await getCatalogVersion(admin, v1);
    expect(draft.duties.map((d) => d.code)).toEqual(["A-1", "A-2", "A-3"]);
    expect(draft.sourceNote).toBeNull();

    await publishCatalogVersion(admin, v1);
    await expect(saveCatalogDraft(admin, { versionId: v1, source: "改", sourceNote: "", duties: [duty("A-1", "改")] })).rejects.toBeInstanceOf(ValidationError);
    expect((await getCatalogVersion(admin, v1)).duties).toHaveLength(3);

    const { versionId: v2 } = await reviseCatalogVersion(admin, v1);
    expect(await reviseCatalogVersion(admin, v1)).toEqual({ versionId: v2 });
    const revision = await getCatalogVersion(admin, v2);
    expect(revision).toMatchObject({ version: 2, status: "DRAFT", source: "市直机关工委文件" });
    expect(revision.duties.map((d) => d.code)).toEqual(["A-1", "A-2", "A-3"]);

    // Reorder, change one, remove one, add one.
    await saveCatalogDraft(admin, {
      versionId: v2,
      source: "市直机关工委文件",
      sourceNote: "2026 年修订",
      duties: [duty("A-2", "述职评议考核", { frequency: "YEARLY", weight: 5 }), duty("A-1", "研究部署"), duty("A-4", "约谈后进单位")],
    });
    const { changes } = await diffCatalogVersions(admin, v1, v2);
    expect(changes.map((c) => [c.change, c.code])).toEqual([
      ["changed", "A-2"],
      ["unchanged", "A-1"],
      ["added", "A-4"],
      ["removed", "A-3"],
    ]);
    const changed = changes[0];
    expect(changed?.change === "changed" ? changed.fields : []).toEqual(["title", "frequency", "weight"]);
    expect(await prisma.auditLog.count({ where: { entityId: v2, action: { in: ["catalog.revise", "catalog.edit"] } } })).toBe(2);
  });

  it("is refused to anyone but an administrator", async () => {
    const supervisor = await actorFor("supervisor");
    const version = await prisma.catalogVersion.findFirstOrThrow();
    await expect(createCatalog(supervisor, { key: "x-list", title: "x", issuer: "y" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(reviseCatalogVersion(supervisor, version.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveCatalogDraft(supervisor, { versionId: version.id, source: "x", sourceNote: "", duties: [duty("Z", "z")] })).rejects.toBeInstanceOf(NotFoundError);
  });
});
