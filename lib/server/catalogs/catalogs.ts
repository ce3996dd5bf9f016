import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { CatalogProblem } from "@/lib/catalogs/catalog-problems";
import { importCatalogFileInWorker } from "@/lib/catalogs/import-in-worker";
import { displaySource, isSampleSource } from "@/lib/catalogs/sample-source";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Permission } from "@/lib/server/access/permissions";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { dutyCreateData, dutyFieldsSelect } from "@/lib/server/catalogs/duty-fields";
import { importPublishedCatalog } from "@/lib/server/catalogs/import-catalog";
import { prisma } from "@/lib/server/db";
import { assertId, NotFoundError, ValidationError } from "@/lib/server/errors";
import { ZCatalogFile, type TCatalogFile } from "@/lib/validation/catalog-file";
import { storableText } from "@/lib/validation/text";

/** Catalogs are read by catalog.read and loaded, imported, published and assigned by catalog.edit. */
function requireRole(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new NotFoundError();
}

export type CatalogSummary = {
  id: string;
  key: string;
  title: string;
  titleEn: string | null;
  issuer: string;
  isSample: boolean;
  versions: { id: string; version: number; status: "DRAFT" | "PUBLISHED"; dutyCount: number; assignmentCount: number; publishedAt: Date | null }[];
};

export async function listCatalogs(actor: Actor): Promise<CatalogSummary[]> {
  requireRole(actor, "catalog.read");
  const catalogs = await prisma.catalog.findMany({
    orderBy: { title: "asc" },
    select: {
      id: true,
      key: true,
      title: true,
      titleEn: true,
      issuer: true,
      isSample: true,
      versions: {
        orderBy: { version: "desc" },
        select: { id: true, version: true, status: true, publishedAt: true, _count: { select: { duties: true, assignments: true } } },
      },
    },
  });
  return catalogs.map((c) => ({
    ...c,
    versions: c.versions.map(({ _count, ...v }) => ({ ...v, dutyCount: _count.duties, assignmentCount: _count.assignments })),
  }));
}

const versionSelect = {
  id: true,
  version: true,
  status: true,
  source: true,
  sourceNote: true,
  publishedAt: true,
  catalog: { select: { id: true, key: true, title: true, titleEn: true, issuer: true, issuerEn: true, isSample: true } },
  duties: { orderBy: { sortOrder: "asc" }, select: { id: true, ...dutyFieldsSelect } },
} satisfies Prisma.CatalogVersionSelect;

export type CatalogVersionDetail = Prisma.CatalogVersionGetPayload<{ select: typeof versionSelect }>;

export async function getCatalogVersion(actor: Actor, versionId: string): Promise<CatalogVersionDetail> {
  requireRole(actor, "catalog.read");
  assertId(versionId);
  const version = await prisma.catalogVersion.findUnique({ where: { id: versionId }, select: versionSelect });
  if (!version) throw new NotFoundError();
  return version;
}

/** A catalog version as a data file, for export. */
export function toCatalogFile(version: CatalogVersionDetail): TCatalogFile {
  const c = version.catalog;
  const opt = <T,>(value: T | null) => value ?? undefined;
  return ZCatalogFile.parse({
    key: c.key,
    title: c.title,
    titleEn: opt(c.titleEn),
    issuer: c.issuer,
    issuerEn: opt(c.issuerEn),
    source: displaySource(version.source),
    sourceNote: opt(version.sourceNote),
    version: version.version,
    duties: version.duties.map((d) => ({
      code: d.code,
      title: d.title,
      titleEn: opt(d.titleEn),
      description: d.description,
      descriptionEn: opt(d.descriptionEn),
      kind: d.kind,
      bodyType: d.bodyType,
      frequency: d.frequency,
      evidenceRequired: d.evidenceRequired,
      weight: d.weight,
      group: opt(d.group),
    })),
  });
}

export const LIBRARY_DIR = path.join(process.cwd(), "prisma", "catalogs");

export type LibraryEntry = { key: string; title: string; titleEn: string | undefined; version: number; dutyCount: number; isSample: boolean; loadedVersionId: string | null };

/** The catalog files shipped in prisma/catalogs, and whether each is loaded. */
export async function listLibrary(actor: Actor): Promise<LibraryEntry[]> {
  requireRole(actor, "catalog.edit");
  const files = readLibrary();
  const loaded = await prisma.catalogVersion.findMany({
    where: { catalog: { key: { in: files.map((f) => f.key) } } },
    select: { id: true, version: true, catalog: { select: { key: true } } },
  });
  return files.map((f) => ({
    key: f.key,
    title: f.title,
    titleEn: f.titleEn,
    version: f.version,
    dutyCount: f.duties.length,
    isSample: isSampleSource(f.source),
    loadedVersionId: loaded.find((l) => l.catalog.key === f.key && l.version === f.version)?.id ?? null,
  }));
}

export function readLibrary(): TCatalogFile[] {
  return fs
    .readdirSync(/*turbopackIgnore: true*/ LIBRARY_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ZCatalogFile.parse(JSON.parse(fs.readFileSync(path.join(/*turbopackIgnore: true*/ LIBRARY_DIR, name), "utf8"))));
}

/** Loads a library file as a published version; loading it again changes nothing. */
export async function loadLibraryCatalog(actor: Actor, key: string): Promise<{ versionId: string; created: boolean }> {
  requireRole(actor, "catalog.edit");
  const file = readLibrary().find((f) => f.key === key);
  if (!file) throw new NotFoundError();
  return prisma.$transaction(async (tx) => {
    const result = await importPublishedCatalog(tx, file);
    if (result.created) {
      await writeAudit(tx, { actorId: actor.id, action: "catalog.load", entityType: "CatalogVersion", entityId: result.versionId, after: { key, version: file.version } });
    }
    return result;
  });
}

export type UploadProblem = CatalogProblem | { code: "versionExists"; params: { key: string; version: number } };
export type ImportOutcome = { ok: true; versionId: string } | { ok: false; problems: UploadProblem[] };

/**
 * Imports an uploaded file as a draft version, to be checked and published.
 * A bad file is refused whole with every problem; so is a version number
 * that the catalog already has. The file is read on a worker thread
 * (importCatalogFileInWorker), within the size and duty limits of catalog-io.
 */
export async function importCatalogUpload(actor: Actor, uploadedName: string, bytes: Buffer): Promise<ImportOutcome> {
  requireRole(actor, "catalog.edit");
  const fileName = storableText(uploadedName).slice(0, 255);
  const result = await importCatalogFileInWorker(fileName, bytes);
  if (!result.ok) return result;
  const file = result.catalog;
  return prisma.$transaction(async (tx) => {
    const catalog = await tx.catalog.upsert({
      where: { key: file.key },
      create: { key: file.key, title: file.title, titleEn: file.titleEn, issuer: file.issuer, issuerEn: file.issuerEn, isSample: isSampleSource(file.source) },
      update: {},
    });
    const clash = await tx.catalogVersion.findUnique({ where: { catalogId_version: { catalogId: catalog.id, version: file.version } } });
    if (clash) {
      const problem: UploadProblem = { code: "versionExists", params: { key: file.key, version: file.version } };
      return { ok: false as const, problems: [problem] };
    }
    const version = await tx.catalogVersion.create({
      data: {
        catalogId: catalog.id,
        version: file.version,
        source: file.source,
        sourceNote: file.sourceNote,
        duties: { create: file.duties.map((d, index) => dutyCreateData(d, index)) },
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "catalog.import",
      entityType: "CatalogVersion",
      entityId: version.id,
      after: { key: file.key, version: file.version, fileName, duties: file.duties.length },
    });
    return { ok: true as const, versionId: version.id };
  });
}

/** Freezes a draft: a published version never changes. */
export async function publishCatalogVersion(actor: Actor, versionId: string): Promise<void> {
  requireRole(actor, "catalog.edit");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.catalogVersion.updateMany({ where: { id: versionId, status: "DRAFT" }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    if (count === 0) {
      const exists = await tx.catalogVersion.findUnique({ where: { id: versionId }, select: { id: true } });
      if (!exists) throw new NotFoundError();
      throw new ValidationError("Already published", { versionId: ["alreadyPublished"] });
    }
    await writeAudit(tx, { actorId: actor.id, action: "catalog.publish", entityType: "CatalogVersion", entityId: versionId, before: { status: "DRAFT" }, after: { status: "PUBLISHED" } });
  });
}
