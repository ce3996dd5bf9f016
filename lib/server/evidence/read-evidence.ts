import "server-only";
import crypto from "node:crypto";
import { evidenceMaxBytes } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EvidenceKind } from "@/lib/generated/prisma/enums";
import { isOpen } from "@/lib/item-status";
import { itemScopeWhere, reachesItem } from "@/lib/server/access/item-scope";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { assertId, NotFoundError } from "@/lib/server/errors";
import { readableEvidenceWhere, reusableEvidenceWhere } from "@/lib/server/evidence/evidence-scope";
import { storageOf } from "@/lib/server/evidence/storage";

// Never the bytes: lists carry what a page shows.
const fileSelect = {
  id: true,
  revision: true,
  fileName: true,
  mediaType: true,
  size: true,
  sha256: true,
  createdAt: true,
  uploadedBy: { select: { name: true } },
} satisfies Prisma.EvidenceFileSelect;

/** What a list of evidence shows of each piece; map it with toEvidenceView. */
export const evidenceSelect = {
  id: true,
  kind: true,
  title: true,
  text: true,
  url: true,
  createdAt: true,
  org: { select: { name: true, nameEn: true } },
  createdBy: { select: { name: true } },
  files: { select: fileSelect, orderBy: { revision: "desc" } },
} satisfies Prisma.EvidenceSelect;

export type EvidenceFileView = {
  id: string;
  revision: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: Date;
  uploadedBy: string | null;
};

export type EvidenceView = {
  id: string;
  kind: EvidenceKind;
  title: string;
  text: string | null;
  url: string | null;
  createdAt: Date;
  createdBy: string | null;
  org: { name: string; nameEn: string | null };
  attachedAt: Date;
  /** Newest first; the first is the current file. */
  files: EvidenceFileView[];
};

export type AttachableEvidence = { id: string; kind: EvidenceKind; title: string; createdAt: Date; org: { name: string; nameEn: string | null } };

/** What the evidence panel of an item shows, and what the actor may do there. */
export type ItemEvidence = {
  itemId: string;
  entries: EvidenceView[];
  /** Not started or in progress: evidence can still change. */
  isOpen: boolean;
  /** Add, replace, attach and detach: a writer of the item, while it is open. */
  canWrite: boolean;
  /** Other evidence the item could reuse; empty unless canWrite. */
  attachable: AttachableEvidence[];
  /** The largest file accepted, in bytes. */
  maxBytes: number;
};

const ENTRY_LIMIT = 200;
const ATTACHABLE_LIMIT = 100;

/** The evidence of an item the actor reads (the item's readers, delegates included), oldest attached first. */
export async function getItemEvidence(actor: Actor, itemId: string): Promise<ItemEvidence> {
  const item = await prisma.checklistItem.findFirst({
    where: { AND: [{ id: itemId }, itemScopeWhere(actor, "checklist.read", { delegates: true })] },
    select: { id: true, orgId: true, status: true, org: { select: { path: true } }, delegatedOrg: { select: { path: true } }, delegatedToId: true },
  });
  if (!item) throw new NotFoundError();
  const open = isOpen(item.status);
  const canWrite = open && reachesItem(actor, "checklist.work", item, { delegates: true });
  const [links, attachable] = await Promise.all([
    prisma.itemEvidence.findMany({
      where: { itemId },
      orderBy: [{ attachedAt: "asc" }, { evidenceId: "asc" }],
      take: ENTRY_LIMIT,
      select: { attachedAt: true, evidence: { select: evidenceSelect } },
    }),
    canWrite
      ? prisma.evidence.findMany({
          where: { AND: [reusableEvidenceWhere(actor, item.orgId), { items: { none: { itemId } } }] },
          orderBy: [{ createdAt: "desc" }, { id: "asc" }],
          take: ATTACHABLE_LIMIT,
          select: { id: true, kind: true, title: true, createdAt: true, org: { select: { name: true, nameEn: true } } },
        })
      : Promise.resolve([]),
  ]);
  return {
    itemId,
    isOpen: open,
    canWrite,
    maxBytes: evidenceMaxBytes(),
    attachable,
    entries: links.map(({ attachedAt, evidence }) => toEvidenceView(evidence, attachedAt)),
  };
}

/** A piece of evidence as lists show it, from a row read with evidenceSelect. */
export function toEvidenceView(e: Prisma.EvidenceGetPayload<{ select: typeof evidenceSelect }>, attachedAt: Date): EvidenceView {
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    text: e.text,
    url: e.url,
    createdAt: e.createdAt,
    createdBy: e.createdBy?.name ?? null,
    org: e.org,
    attachedAt,
    files: e.files.map((f) => ({ ...f, uploadedBy: f.uploadedBy?.name ?? null })),
  };
}

export type EvidenceDownload = { fileName: string; mediaType: string; size: number; sha256: string; body: ReadableStream<Uint8Array> };

/**
 * One revision of an evidence file, for download; out of scope reads as not found. The bytes are read
 * twice, a piece at a time: once to check them against their SHA-256, then again as the response's
 * body, so that a download holds one piece in memory, not the file, and altered bytes are never served.
 */
export async function getEvidenceFileDownload(actor: Actor, fileId: string, options: { chunkBytes?: number } = {}): Promise<EvidenceDownload> {
  assertId(fileId);
  const file = await prisma.evidenceFile.findFirst({
    where: { id: fileId, evidence: readableEvidenceWhere(actor) },
    select: { id: true, fileName: true, mediaType: true, size: true, sha256: true, storageKey: true },
  });
  if (!file) throw new NotFoundError();
  const storage = storageOf(file);
  const read = () => storage.read(prisma, file.id, options.chunkBytes);
  // Missing or altered bytes are a fault of the store, not of the request: logged, never served.
  const checking = await read();
  if (!checking) throw new Error(`Evidence file ${file.id} has no bytes in its store`);
  const hash = crypto.createHash("sha256");
  let size = 0;
  for await (const piece of checking) {
    hash.update(piece);
    size += piece.length;
  }
  if (hash.digest("hex") !== file.sha256 || size !== file.size) throw new Error(`Evidence file ${file.id} does not match its SHA-256`);
  const serving = await read();
  if (!serving) throw new Error(`Evidence file ${file.id} has no bytes in its store`);
  const pieces = serving[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await pieces.return?.();
    },
  });
  return { fileName: file.fileName, mediaType: file.mediaType, size: file.size, sha256: file.sha256, body };
}
