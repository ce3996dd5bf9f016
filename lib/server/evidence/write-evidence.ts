import "server-only";
import crypto from "node:crypto";
import { evidenceMaxBytes } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isOpen } from "@/lib/item-status";
import { itemScopeWhere } from "@/lib/server/access/item-scope";
import { ITEM_WRITERS } from "@/lib/server/access/registry";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { lockItemRow } from "@/lib/server/evidence/count-item-evidence";
import { reusableEvidenceWhere } from "@/lib/server/evidence/evidence-scope";
import { checkEvidenceFile, type CheckedFile } from "@/lib/server/evidence/file-type";
import { evidenceStorage, type EvidenceStorage } from "@/lib/server/evidence/storage";
import type { TAddEvidence, TItemEvidenceRef } from "@/lib/validation/evidence";

type Tx = Prisma.TransactionClient;

/** A large file takes a while to reach the database; the default 5 s is for small writes. */
const FILE_TRANSACTION = { timeout: 120_000, maxWait: 10_000 };

/**
 * The item, if the actor may change its evidence now: a writer of the item
 * (its organization's, or the delegate's), while the item is open. The row
 * stays locked until the transaction ends (see countItemEvidence).
 */
async function writableItem(tx: Tx, actor: Actor, itemId: string) {
  await lockItemRow(tx, itemId);
  const item = await tx.checklistItem.findFirst({
    where: { AND: [{ id: itemId }, itemScopeWhere(actor, ITEM_WRITERS, { delegates: true })] },
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
    const evidence = await tx.evidence.create({
      data: {
        orgId: item.orgId,
        kind: input.kind,
        title: input.title,
        text: input.kind === "TEXT" ? input.text : null,
        url: input.kind === "LINK" ? input.url : null,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await tx.itemEvidence.create({ data: { itemId: item.id, evidenceId: evidence.id, attachedById: actor.id } });
    await audit(tx, actor, item, "evidence.add", {
      after: { evidenceId: evidence.id, kind: input.kind, title: input.title, url: input.kind === "LINK" ? input.url : null },
    });
    return { evidenceId: evidence.id };
  });
}

export type FileUpload = {
  itemId: string;
  /** The name the browser sent: only its base name and extension are used, after cleaning. */
  name: string;
  bytes: Uint8Array;
};

export type StoredFile = { evidenceId: string; fileId: string; revision: number; fileName: string; sha256: string };

type FileOptions = { maxBytes?: number; storage?: EvidenceStorage };

/**
 * Runs `work` in a transaction that may write file bytes. The database
 * driver's bytes roll back with the rows; another driver's are removed when
 * the transaction fails, so that nothing is left behind either way.
 */
async function withFileTransaction<T>(storage: EvidenceStorage, work: (tx: Tx, written: string[]) => Promise<T>): Promise<T> {
  const written: string[] = [];
  try {
    return await prisma.$transaction((tx) => work(tx, written), FILE_TRANSACTION);
  } catch (error) {
    if (storage.driver !== "db") {
      await Promise.all(written.map((key) => storage.delete(prisma, key).catch((e: unknown) => console.error("[evidence] cleanup failed", key, e))));
    }
    throw error;
  }
}

async function storeRevision(
  tx: Tx,
  storage: EvidenceStorage,
  written: string[],
  actor: Actor,
  evidenceId: string,
  revision: number,
  checked: CheckedFile,
  bytes: Uint8Array,
): Promise<StoredFile> {
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  const file = await tx.evidenceFile.create({
    data: { evidenceId, revision, fileName: checked.fileName, mediaType: checked.mediaType, size: bytes.length, sha256, uploadedById: actor.id },
    select: { id: true },
  });
  written.push(file.id);
  await storage.put(tx, file.id, bytes);
  return { evidenceId, fileId: file.id, revision, fileName: checked.fileName, sha256 };
}

/**
 * A file as new evidence of the item's organization, attached to the item.
 * The file is checked (size, type by content, name against type) before
 * anything is written; a refused file leaves no trace.
 */
export async function addFileEvidence(actor: Actor, input: FileUpload & { title: string }, options: FileOptions = {}): Promise<StoredFile> {
  const storage = options.storage ?? evidenceStorage();
  const checked = checkEvidenceFile({ name: input.name, bytes: input.bytes, title: input.title, maxBytes: options.maxBytes ?? evidenceMaxBytes() });
  const title = input.title.trim() || checked.fileName;
  return withFileTransaction(storage, async (tx, written) => {
    const item = await writableItem(tx, actor, input.itemId);
    const evidence = await tx.evidence.create({ data: { orgId: item.orgId, kind: "FILE", title, createdById: actor.id }, select: { id: true } });
    const stored = await storeRevision(tx, storage, written, actor, evidence.id, 1, checked, input.bytes);
    await tx.itemEvidence.create({ data: { itemId: item.id, evidenceId: evidence.id, attachedById: actor.id } });
    await audit(tx, actor, item, "evidence.add", {
      after: { evidenceId: evidence.id, kind: "FILE", title, fileName: stored.fileName, size: input.bytes.length, sha256: stored.sha256, revision: 1 },
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
  const storage = options.storage ?? evidenceStorage();
  const maxBytes = options.maxBytes ?? evidenceMaxBytes();
  // Refuse a bad file before taking any lock; the name is settled below, once the title is known.
  checkEvidenceFile({ name: input.name, bytes: input.bytes, title: "", maxBytes });
  return withFileTransaction(storage, async (tx, written) => {
    const item = await writableItem(tx, actor, input.itemId);
    // Two replacements of one piece (from two items) take their revision numbers in turn.
    await tx.$queryRaw`SELECT "id" FROM "Evidence" WHERE "id" = ${input.evidenceId} FOR UPDATE`;
    const link = await tx.itemEvidence.findUnique({
      where: { itemId_evidenceId: { itemId: item.id, evidenceId: input.evidenceId } },
      select: {
        evidence: {
          select: { id: true, kind: true, title: true, files: { orderBy: { revision: "desc" }, take: 1, select: { revision: true, sha256: true, fileName: true } } },
        },
      },
    });
    if (!link) throw new NotFoundError();
    const { evidence } = link;
    if (evidence.kind !== "FILE") throw new ValidationError("Only a file can be replaced", { evidenceId: ["notAFile"] });
    const previous = evidence.files[0];
    const checked = checkEvidenceFile({ name: input.name, bytes: input.bytes, title: evidence.title, maxBytes });
    const stored = await storeRevision(tx, storage, written, actor, evidence.id, (previous?.revision ?? 0) + 1, checked, input.bytes);
    await tx.evidence.update({ where: { id: evidence.id }, data: { updatedAt: new Date() } });
    // Every item the piece backs records the new revision, settled ones too: their history shows that their proof changed.
    const backed = await tx.itemEvidence.findMany({ where: { evidenceId: evidence.id }, select: { item: { select: { id: true, orgId: true } } } });
    for (const { item: other } of backed) {
      await audit(tx, actor, other, "evidence.revise", {
        before: previous ? { evidenceId: evidence.id, revision: previous.revision, fileName: previous.fileName, sha256: previous.sha256 } : undefined,
        after: {
          evidenceId: evidence.id,
          title: evidence.title,
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
