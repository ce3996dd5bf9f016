import "server-only";
import { can } from "@/lib/server/access/permissions";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { getCatalogVersion } from "@/lib/server/catalogs/catalogs";
import { changedDutyFields, dutyCreateData, type ComparedField, type DutyFields } from "@/lib/server/catalogs/duty-fields";
import { prisma } from "@/lib/server/db";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import type { TCatalogDraft, TNewCatalog } from "@/lib/validation/catalog-editor";

function requireEditor(actor: Actor): void {
  if (!can(actor, "catalog.edit")) throw new NotFoundError();
}

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

/** A new list with an empty first draft. */
export async function createCatalog(actor: Actor, input: TNewCatalog): Promise<{ versionId: string }> {
  requireEditor(actor);
  return prisma.$transaction(async (tx) => {
    if (await tx.catalog.findUnique({ where: { key: input.key }, select: { id: true } })) {
      throw new ValidationError("Key in use", { key: ["keyTaken"] });
    }
    const catalog = await tx.catalog.create({ data: { key: input.key, title: input.title, issuer: input.issuer } });
    const version = await tx.catalogVersion.create({ data: { catalogId: catalog.id, version: 1, source: input.issuer } });
    await writeAudit(tx, { actorId: actor.id, action: "catalog.create", entityType: "CatalogVersion", entityId: version.id, after: { ...input } });
    return { versionId: version.id };
  });
}

/**
 * A new draft to revise a published version: a copy of its duties under the
 * next version number. An open draft of the same list is reused, so there is
 * never more than one.
 */
export async function reviseCatalogVersion(actor: Actor, versionId: string): Promise<{ versionId: string }> {
  requireEditor(actor);
  return prisma.$transaction(async (tx) => {
    const source = await tx.catalogVersion.findUnique({ where: { id: versionId }, include: { duties: { orderBy: { sortOrder: "asc" } } } });
    if (!source) throw new NotFoundError();
    const open = await tx.catalogVersion.findFirst({ where: { catalogId: source.catalogId, status: "DRAFT" }, select: { id: true } });
    if (open) return { versionId: open.id };
    const latest = await tx.catalogVersion.aggregate({ where: { catalogId: source.catalogId }, _max: { version: true } });
    const draft = await tx.catalogVersion.create({
      data: {
        catalogId: source.catalogId,
        version: (latest._max.version ?? source.version) + 1,
        source: source.source,
        sourceNote: source.sourceNote,
        duties: {
          create: source.duties.map((d) => dutyCreateData(d, d.sortOrder)),
        },
      },
    });
    await writeAudit(tx, { actorId: actor.id, action: "catalog.revise", entityType: "CatalogVersion", entityId: draft.id, after: { from: versionId, version: draft.version } });
    return { versionId: draft.id };
  });
}

/** Replaces a draft's content; a published version is refused, it never changes. */
export async function saveCatalogDraft(actor: Actor, input: TCatalogDraft): Promise<void> {
  requireEditor(actor);
  await prisma.$transaction(async (tx) => {
    const version = await tx.catalogVersion.findUnique({ where: { id: input.versionId }, include: { duties: { select: { code: true } } } });
    if (!version) throw new NotFoundError();
    const { count } = await tx.catalogVersion.updateMany({
      where: { id: input.versionId, status: "DRAFT" },
      data: { source: input.source, sourceNote: orNull(input.sourceNote) },
    });
    if (count === 0) throw new ValidationError("A published version never changes", { versionId: ["published"] });
    await tx.duty.deleteMany({ where: { catalogVersionId: input.versionId } });
    await tx.duty.createMany({
      data: input.duties.map((d, index) => ({
        catalogVersionId: input.versionId,
        code: d.code.trim(),
        title: d.title.trim(),
        titleEn: orNull(d.titleEn),
        description: d.description.trim(),
        descriptionEn: orNull(d.descriptionEn),
        kind: d.kind,
        bodyType: d.bodyType,
        frequency: d.frequency,
        evidenceRequired: d.evidenceRequired,
        weight: d.weight,
        group: orNull(d.group),
        sortOrder: index,
      })),
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "catalog.edit",
      entityType: "CatalogVersion",
      entityId: input.versionId,
      before: { duties: version.duties.map((d) => d.code) },
      after: { duties: input.duties.map((d) => d.code.trim()) },
    });
  });
}

export type { ComparedField } from "@/lib/server/catalogs/duty-fields";

export type DutyChange =
  | { change: "added"; code: string; after: DutyFields }
  | { change: "removed"; code: string; before: DutyFields }
  | { change: "changed"; code: string; before: DutyFields; after: DutyFields; fields: ComparedField[] }
  | { change: "unchanged"; code: string; after: DutyFields };

/** What changed between two versions of one list, duty by duty (matched by code), in the newer one's order. */
export async function diffCatalogVersions(actor: Actor, fromId: string, toId: string) {
  if (!can(actor, "catalog.read")) throw new NotFoundError();
  const [from, to] = await Promise.all([getCatalogVersion(actor, fromId), getCatalogVersion(actor, toId)]);
  if (from.catalog.id !== to.catalog.id) throw new ValidationError("Versions of different lists", { to: ["otherCatalog"] });
  const before = new Map(from.duties.map((d) => [d.code, d]));
  const after = new Set(to.duties.map((d) => d.code));
  const changes: DutyChange[] = to.duties.map((d) => {
    const old = before.get(d.code);
    if (!old) return { change: "added", code: d.code, after: d };
    const fields = changedDutyFields(old, d);
    return fields.length > 0 ? { change: "changed", code: d.code, before: old, after: d, fields } : { change: "unchanged", code: d.code, after: d };
  });
  for (const d of from.duties) if (!after.has(d.code)) changes.push({ change: "removed", code: d.code, before: d });
  return { from, to, changes };
}
