// The repository's responsibility lists (prisma/catalogs), read and checked as the demo seed reads them
// (readCatalogFile: ZCatalogFile) and stored as published versions with the fields import-catalog.ts
// gives them, but with ids of the generator's own; and the year's periods.
import fs from "node:fs";
import type { DutyKind, Frequency, OrgType } from "../../lib/generated/prisma/enums";
import { isSampleSource } from "../../lib/catalogs/sample-source";
import { dutyCreateData } from "../../lib/server/catalogs/duty-fields";
import { periodRange } from "../../lib/server/checklists/recurrence";
import { CATALOG_DIR, readCatalogFile } from "../../prisma/seed/seed-demo";
import type { BenchContext } from "./context";
import { insertRows, type Table } from "./insert";
import { benchId } from "./random";

export type BenchDuty = {
  id: string;
  code: string;
  title: string;
  kind: DutyKind;
  bodyType: OrgType;
  frequency: Frequency;
  evidenceRequired: boolean;
  sortOrder: number;
};

export type BenchCatalog = { index: number; key: string; versionId: string; duties: BenchDuty[] };

/** The library's list keys, in name order. */
export function catalogKeys(): string[] {
  return fs
    .readdirSync(CATALOG_DIR)
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .sort();
}

export async function insertCatalogs(ctx: BenchContext, publishedAt: Date): Promise<BenchCatalog[]> {
  const catalogs: BenchCatalog[] = [];
  const keys = catalogKeys();
  await ctx.db.$transaction(async (tx) => {
    for (const [index, key] of keys.entries()) {
      const file = readCatalogFile(key);
      const catalogId = benchId(ctx.seed, "c", index, 2);
      const versionId = benchId(ctx.seed, "cv", index, 2);
      await tx.catalog.create({
        data: {
          id: catalogId,
          key: file.key,
          title: file.title,
          titleEn: file.titleEn,
          issuer: file.issuer,
          issuerEn: file.issuerEn,
          isSample: isSampleSource(file.source),
          createdAt: publishedAt,
          updatedAt: publishedAt,
        },
      });
      await tx.catalogVersion.create({
        data: {
          id: versionId,
          catalogId,
          version: file.version,
          status: "PUBLISHED",
          source: file.source,
          sourceNote: file.sourceNote,
          publishedAt,
          createdAt: publishedAt,
          updatedAt: publishedAt,
        },
      });
      const duties = file.duties.map((d, sortOrder) => ({ ...dutyCreateData(d, sortOrder), id: benchId(ctx.seed, "d", `${String(index).padStart(2, "0")}k${String(sortOrder).padStart(3, "0")}`) }));
      await insertRows(tx, DUTY_TABLE(versionId, publishedAt), duties);
      catalogs.push({
        index,
        key,
        versionId,
        duties: duties.map((d) => ({
          id: d.id,
          code: d.code,
          title: d.title,
          kind: d.kind,
          bodyType: d.bodyType,
          frequency: d.frequency,
          evidenceRequired: d.evidenceRequired ?? false,
          sortOrder: d.sortOrder ?? 0,
        })),
      });
    }
  });
  ctx.progress({ stage: "catalogs", done: keys.length, total: keys.length });
  return catalogs;
}

type DutyRow = ReturnType<typeof dutyCreateData> & { id: string };

function DUTY_TABLE(versionId: string, at: Date): Table<DutyRow> {
  return {
    name: "Duty",
    columns: [
      ["id", "text", (d) => d.id],
      ["catalogVersionId", "text", () => versionId],
      ["code", "text", (d) => d.code],
      ["title", "text", (d) => d.title],
      ["titleEn", "text", (d) => d.titleEn],
      ["description", "text", (d) => d.description ?? ""],
      ["descriptionEn", "text", (d) => d.descriptionEn],
      ["kind", "DutyKind", (d) => d.kind],
      ["bodyType", "OrgType", (d) => d.bodyType],
      ["frequency", "Frequency", (d) => d.frequency],
      ["evidenceRequired", "bool", (d) => d.evidenceRequired ?? false],
      ["weight", "int", (d) => d.weight ?? 1],
      ["group", "text", (d) => d.group],
      ["sortOrder", "int", (d) => d.sortOrder ?? 0],
      ["createdAt", "timestamp", () => at],
      ["updatedAt", "timestamp", () => at],
    ],
  };
}

/** The year (quarter 0) and its four quarters, as the seed makes them. */
export async function insertPeriods(ctx: BenchContext, createdAt: Date): Promise<{ year: string; quarters: string[] }> {
  const ids = [0, 1, 2, 3, 4].map((quarter) => benchId(ctx.seed, "p", `${ctx.year}q${quarter}`));
  await ctx.db.period.createMany({
    data: [0, 1, 2, 3, 4].map((quarter) => ({
      id: ids[quarter]!,
      kind: quarter === 0 ? ("YEAR" as const) : ("QUARTER" as const),
      year: ctx.year,
      quarter,
      ...periodRange(ctx.year, quarter),
      createdAt,
    })),
  });
  return { year: ids[0]!, quarters: ids.slice(1) };
}
