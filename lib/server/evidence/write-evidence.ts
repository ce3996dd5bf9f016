import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isOpen } from "@/lib/item-status";
import { itemScopeWhere } from "@/lib/server/access/item-scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { lockItemRow } from "@/lib/server/evidence/count-item-evidence";
import { reusableEvidenceWhere } from "@/lib/server/evidence/evidence-scope";
import { checkEvidenceFile } from "@/lib/server/evidence/file-type";
import { createFileEvidence, createRecordEvidence, fileSettings, storeNextRevision, withFileTransaction, type FileBytes, type FileOptions, type StoredFile } from "@/lib/server/evidence/store-file";
import type { TAddEvidence, TItemEvidenceRef } from "@/lib/validation/evidence";

type Tx = Prisma.TransactionClient;

/**
 * The item, if the actor may change its evidence now: a writer of the item
 * (its organization's, or the delegate's), while the item is open. The row
 * stays locked until the transaction ends (see countItemEvidence).
 */
async function writableItem(tx: Tx, actor: Actor, itemId: string) {
  await lockItemRow(tx, itemId);
  const item = await tx.checklistItem.findFirst({
    where: { AND: [{ id: itemId }, itemScopeWhere(actor, "checklist.work", { delegates: true })] },
    select: { id: true, orgId: true, status: true },
  });
  if (!item) throw new NotFoundError();
  if (!isOpen(item.status)) throw new ValidationError("Evidence changes only while the item is open", { itemId: ["closed"] });
  return item;
}

function audit(tx: Tx, actor: Actor, item: { id: string; orgId: string }, action: string, change: { before?: Prisma.InputJsonObject; after?: Prisma.InputJsonObject }) {
  return writeAudit(tx, { actorId: actor.id, action, entityType: "ChecklistItem", entityId: item.id, orgId: item.orgId, ...change });
}

/** Text or link evidence, new for the item's organization and attached to the item. */
export async function addEvidence(actor: Actor, input: TAddEvidence): Promise<{ evidenceId: string }> {
  return prisma.$transaction(async (tx) => {
    const item = await writableItem(tx, actor, input.itemId);
    const { evidenceId } = await createRecordEvidence(tx, actor, item.orgId, input);
    await tx.itemEvidence.create({ data: { itemId: item.id, evidenceId, attachedById: actor.id } });
    await audit(tx, actor, item, "evidence.add", {
      after: { evidenceId, kind: input.kind, title: input.title, url: input.kind === "LINK" ? input.url : null },
    });
    return { evidenceId };
  });
}

export type FileUpload = FileBytes & { itemId: string };

export type { FileOptions, StoredFile };

/**
 * A file as new evidence of the item's organization, attached to the item.
 * The file is checked (size, type by content, name against type) before
 * anything is written; a refused file leaves no trace.
 */
export async function addFileEvidence(actor: Actor, input: FileUpload & { title: string }, options: FileOptions = {}): Promise<StoredFile> {
  const checked = checkEvidenceFile({ name: input.name, bytes: input.bytes, title: input.title, maxBytes: fileSettings(options).maxBytes });
  return withFileTransaction(options, async (write) => {
    const { tx } = write;
    const item = await writableItem(tx, actor, input.itemId);
    const { title, ...stored } = await createFileEvidence(write, actor, { orgId: item.orgId, title: input.title, checked, bytes: input.bytes });
    await tx.itemEvidence.create({ data: { itemId: item.id, evidenceId: stored.evidenceId, attachedById: actor.id } });
    await audit(tx, actor, item, "evidence.add", {
      after: { evidenceId: stored.evidenceId, kind: "FILE", title, fileName: stored.fileName, size: input.bytes.length, sha256: stored.sha256, revision: 1 },
    });
    return stored;
  });
}

/**
 * Replaces the file of a file evidence attached to the item: a new revision,
 * the old ones kept and still downloadable. The piece may back other items,
 * even settled ones; each of them gets the audit row.
 */
export async function reviseEvidenceFile(actor: Actor, input: FileUpload & { evidenceId: string }, options: FileOptions = {}): Promise<StoredFile> {
  // Refuse a bad file before taking any lock; the name is settled below, once the title is known.
  checkEvidenceFile({ name: input.name, bytes: input.bytes, title: "", maxBytes: fileSettings(options).maxBytes });
  return withFileTransaction(options, async (write) => {
    const { tx } = write;
    const item = await writableItem(tx, actor, input.itemId);
    const link = await tx.itemEvidence.findUnique({
      where: { itemId_evidenceId: { itemId: item.id, evidenceId: input.evidenceId } },
      select: { evidenceId: true },
    });
    if (!link) throw new NotFoundError();
    const revised = await storeNextRevision(write, actor, link.evidenceId, input);
    if (!revised) throw new NotFoundError();
    const { stored, title, previous } = revised;
    // Every item the piece backs records the new revision, settled ones too: their history shows that their proof changed.
    const backed = await tx.itemEvidence.findMany({ where: { evidenceId: stored.evidenceId }, select: { item: { select: { id: true, orgId: true } } } });
    for (const { item: other } of backed) {
      await audit(tx, actor, other, "evidence.revise", {
        before: previous ? { evidenceId: stored.evidenceId, revision: previous.revision, fileName: previous.fileName, sha256: previous.sha256 } : undefined,
        after: {
          evidenceId: stored.evidenceId,
          title,
          revision: stored.revision,
          fileName: stored.fileName,
          size: input.bytes.length,
          sha256: stored.sha256,
          ...(other.id === item.id ? {} : { viaItemId: item.id }),
        },
      });
    }
    return stored;
  });
}

/** Attaches an existing piece of evidence the item may reuse (see reusableEvidenceWhere). */
export async function attachEvidence(actor: Actor, input: TItemEvidenceRef): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const item = await writableItem(tx, actor, input.itemId);
    const evidence = await tx.evidence.findFirst({
      where: { AND: [{ id: input.evidenceId }, reusableEvidenceWhere(actor, item.orgId)] },
      select: { id: true, kind: true, title: true },
    });
    if (!evidence) throw new NotFoundError();
    const existing = await tx.itemEvidence.findUnique({ where: { itemId_evidenceId: { itemId: item.id, evidenceId: evidence.id } }, select: { itemId: true } });
    if (existing) throw new ValidationError("Already attached", { evidenceId: ["alreadyAttached"] });
    await tx.itemEvidence.create({ data: { itemId: item.id, evidenceId: evidence.id, attachedById: actor.id } });
    await audit(tx, actor, item, "evidence.attach", { after: { evidenceId: evidence.id, kind: evidence.kind, title: evidence.title } });
  });
}

/** Takes a piece of evidence off the item; the piece itself stays with its organization and its other items. */
export async function detachEvidence(actor: Actor, input: TItemEvidenceRef): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const item = await writableItem(tx, actor, input.itemId);
    const link = await tx.itemEvidence.findUnique({
      where: { itemId_evidenceId: { itemId: item.id, evidenceId: input.evidenceId } },
      select: { evidence: { select: { id: true, kind: true, title: true } } },
    });
    if (!link) throw new NotFoundError();
    await tx.itemEvidence.delete({ where: { itemId_evidenceId: { itemId: item.id, evidenceId: input.evidenceId } } });
    await audit(tx, actor, item, "evidence.detach", { before: { evidenceId: link.evidence.id, kind: link.evidence.kind, title: link.evidence.title } });
  });
}
