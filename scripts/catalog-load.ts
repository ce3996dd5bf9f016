// Loads a responsibility list into the database as a published version:
//   npm run catalog:load -- shanxi-four-levels-sample     (a file of the library, prisma/catalogs/<key>.json)
//   npm run catalog:load -- ./our-list.xlsx              (any Excel, JSON or YAML list file)
// Loading the same key and version again changes nothing. A bad file is
// refused whole, with every problem listed.
import fs from "node:fs";
import path from "node:path";
import { catalogProblemLocation } from "../lib/catalogs/catalog-problems";
import { importCatalogFileInWorker } from "../lib/catalogs/import-in-worker";
import { writeAudit } from "../lib/server/audit/write-audit";
import { importPublishedCatalog } from "../lib/server/catalogs/import-catalog";
import { openDatabase } from "../lib/server/db/connect";
import { readCatalogFile } from "../prisma/seed/seed-demo";
import type { TCatalogFile } from "../lib/validation/catalog-file";

async function readArgument(argument: string): Promise<TCatalogFile | null> {
  if (!fs.existsSync(argument) && /^[a-z0-9-]+$/.test(argument)) return readCatalogFile(argument);
  // The same reader, limits and worker thread as an upload.
  const result = await importCatalogFileInWorker(path.basename(argument), fs.readFileSync(argument));
  if (result.ok) return result.catalog;
  console.error(`${argument} was not loaded; ${result.problems.length} problem(s):`);
  for (const problem of result.problems) {
    const where = catalogProblemLocation(problem);
    const at = where ? `${Object.values(where.params).join(" / ")}: ` : "";
    console.error(`  ${at}${problem.code} ${JSON.stringify(problem.params)}`);
  }
  return null;
}

async function main() {
  const argument = process.argv[2];
  if (!argument) {
    console.error("Usage: npm run catalog:load -- <library key | path to .xlsx, .json or .yaml>");
    process.exit(2);
  }
  const file = await readArgument(argument);
  if (!file) process.exit(1);
  const db = openDatabase();
  try {
    const result = await db.prisma.$transaction(async (tx) => {
      const loaded = await importPublishedCatalog(tx, file);
      if (loaded.created) {
        await writeAudit(tx, { actorId: null, action: "catalog.load", entityType: "CatalogVersion", entityId: loaded.versionId, after: { key: file.key, version: file.version, from: argument } });
      }
      return loaded;
    });
    console.log(
      result.created
        ? `Loaded "${file.title}" version ${file.version} (${file.duties.length} duties), published.`
        : `"${file.title}" version ${file.version} is already loaded; nothing changed.`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
