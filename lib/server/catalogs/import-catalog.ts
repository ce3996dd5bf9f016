import { isSampleSource } from "@/lib/catalogs/sample-source";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dutyCreateData } from "@/lib/server/catalogs/duty-fields";
import type { TCatalogFile } from "@/lib/validation/catalog-file";

type Tx = Prisma.TransactionClient;

/**
 * Loads a catalog file as a published version. Loading the same key and
 * version again changes nothing: a published version never changes.
 */
export async function importPublishedCatalog(tx: Tx, file: TCatalogFile, now = new Date()): Promise<{ versionId: string; created: boolean }> {
  const isSample = isSampleSource(file.source);
  const catalog = await tx.catalog.upsert({
    where: { key: file.key },
    create: { key: file.key, title: file.title, titleEn: file.titleEn, issuer: file.issuer, issuerEn: file.issuerEn, isSample },
    update: {},
  });
  const existing = await tx.catalogVersion.findUnique({
    where: { catalogId_version: { catalogId: catalog.id, version: file.version } },
    select: { id: true },
  });
  if (existing) return { versionId: existing.id, created: false };

  const version = await tx.catalogVersion.create({
    data: {
      catalogId: catalog.id,
      version: file.version,
      status: "PUBLISHED",
      source: file.source,
      sourceNote: file.sourceNote,
      publishedAt: now,
      duties: {
        create: file.duties.map((d, index) => dutyCreateData(d, index)),
      },
    },
  });
  return { versionId: version.id, created: true };
}
