import "server-only";
import crypto from "node:crypto";
import { evidenceMaxBytes } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { checkEvidenceFile, type CheckedFile } from "@/lib/server/evidence/file-type";
import { evidenceStorage, type EvidenceStorage } from "@/lib/server/evidence/storage";
import type { TEvidenceRecord } from "@/lib/validation/evidence";

// The storing of evidence files, shared by every place that takes them (items, findings):
// the check by content, the hash, the storage driver and the clean-up on failure.

type Tx = Prisma.TransactionClient;

/** A large file takes a while to reach the database; the default 5 s is for small writes. */
const FILE_TRANSACTION = { timeout: 120_000, maxWait: 10_000 };

export type FileOptions = { maxBytes?: number; storage?: EvidenceStorage };

export type StoredFile = { evidenceId: string; fileId: string; revision: number; fileName: string; sha256: string };

/** What an upload brings: the name the browser sent (only its base name and extension are used, after cleaning) and the bytes. */
export type FileBytes = { name: string; bytes: Uint8Array };

/** The file writes of one transaction: where the bytes go, and the keys written so far. */
export type FileWrite = { tx: Tx; storage: EvidenceStorage; written: string[]; maxBytes: number };

/** The storage and size limit of the options, with the configured defaults. */
export function fileSettings(options: FileOptions = {}): { storage: EvidenceStorage; maxBytes: number } {
  return { storage: options.storage ?? evidenceStorage(), maxBytes: options.maxBytes ?? evidenceMaxBytes() };
}

/**
 * Runs `work` in a transaction that may write file bytes. The database
 * driver's bytes roll back with the rows; another driver's are removed when
 * the transaction fails, so that nothing is left behind either way.
 */
export async function withFileTransaction<T>(options: FileOptions, work: (write: FileWrite) => Promise<T>): Promise<T> {
  const { storage, maxBytes } = fileSettings(options);
  const written: string[] = [];
  try {
    return await prisma.$transaction((tx) => work({ tx, storage, written, maxBytes }), FILE_TRANSACTION);
  } catch (error) {
    if (storage.driver !== "db") {
      await Promise.all(written.map((key) => storage.delete(prisma, key).catch((e: unknown) => console.error("[evidence] cleanup failed", key, e))));
    }
    throw error;
  }
}

/** Writes one revision of a checked file: its row (name, type, size, SHA-256, uploader) and its bytes. */
export async function storeRevision(
  { tx, storage, written }: FileWrite,
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

/** Text or link evidence, new for `orgId`; the caller attaches it (to an item or a finding) in the same transaction. */
export async function createRecordEvidence(tx: Tx, actor: Actor, orgId: string, record: TEvidenceRecord): Promise<{ evidenceId: string }> {
  const evidence = await tx.evidence.create({
    data: {
      orgId,
      kind: record.kind,
      title: record.title,
      text: record.kind === "TEXT" ? record.text : null,
      url: record.kind === "LINK" ? record.url : null,
      createdById: actor.id,
    },
    select: { id: true },
  });
  return { evidenceId: evidence.id };
}

/**
 * A file as new evidence of `orgId`, its first revision stored. Check the
 * file with checkEvidenceFile before the transaction starts, so that a
 * refused file takes no lock; the title defaults to the file's name.
 */
export async function createFileEvidence(
  write: FileWrite,
  actor: Actor,
  input: { orgId: string; title: string; checked: CheckedFile; bytes: Uint8Array },
): Promise<StoredFile & { title: string }> {
  const title = input.title.trim() || input.checked.fileName;
  const evidence = await write.tx.evidence.create({ data: { orgId: input.orgId, kind: "FILE", title, createdById: actor.id }, select: { id: true } });
  const stored = await storeRevision(write, actor, evidence.id, 1, input.checked, input.bytes);
  return { ...stored, title };
}

export type PreviousFile = { revision: number; fileName: string; sha256: string };

/**
 * The next revision of a file evidence. The evidence row is locked first, so
 * that two replacements of one piece take their revision numbers in turn;
 * `null` when there is no such evidence.
 */
export async function storeNextRevision(
  write: FileWrite,
  actor: Actor,
  evidenceId: string,
  upload: FileBytes,
): Promise<{ stored: StoredFile; title: string; previous: PreviousFile | undefined } | null> {
  const { tx } = write;
  await tx.$queryRaw`SELECT "id" FROM "Evidence" WHERE "id" = ${evidenceId} FOR UPDATE`;
  const evidence = await tx.evidence.findUnique({
    where: { id: evidenceId },
    select: { id: true, kind: true, title: true, files: { orderBy: { revision: "desc" }, take: 1, select: { revision: true, sha256: true, fileName: true } } },
  });
  if (!evidence) return null;
  if (evidence.kind !== "FILE") throw new ValidationError("Only a file can be replaced", { evidenceId: ["notAFile"] });
  const previous = evidence.files[0];
  const checked = checkEvidenceFile({ name: upload.name, bytes: upload.bytes, title: evidence.title, maxBytes: write.maxBytes });
  const stored = await storeRevision(write, actor, evidence.id, (previous?.revision ?? 0) + 1, checked, upload.bytes);
  await tx.evidence.update({ where: { id: evidence.id }, data: { updatedAt: new Date() } });
  return { stored, title: evidence.title, previous };
}
