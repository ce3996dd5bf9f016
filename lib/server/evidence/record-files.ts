import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { assertId, NotFoundError } from "@/lib/server/errors";
import { checkEvidenceFile } from "@/lib/server/evidence/file-type";
import { evidenceSelect, toEvidenceView, type EvidenceView } from "@/lib/server/evidence/read-evidence";
import { createFileEvidence, fileSettings, storeNextRevision, withFileTransaction, type FileBytes, type FileOptions, type StoredFile } from "@/lib/server/evidence/store-file";
import { gradeTakingFiles } from "@/lib/server/grading/grading";
import { meetingTakingFiles } from "@/lib/server/grading/meetings";
import { tourTakingFiles } from "@/lib/server/inspections/tours";
import { progressTakingFiles } from "@/lib/server/projects/projects";

/**
 * Files kept beside records that are neither duties nor findings: the
 * evidence of a project's quarterly progress, a meeting's minutes and
 * files, a tour's feedback document, the evidence of a branch's grade.
 * Each file is evidence of the record's organization, stored, checked and
 * revised as any evidence file (store-file.ts), so that it can also back
 * that organization's duties. Who adds it is the record's module's rule.
 * Who reads it is evidence's rule (readableEvidenceWhere): a role over the
 * organization, which every reader of these records holds, since each of
 * their read permissions is a role's over the record's organization and
 * every role reads the checklists there.
 */

type Tx = Prisma.TransactionClient;

/** The records that keep files beside them, by the column of RecordEvidence that names each. */
export const RECORD_KINDS = ["progress", "meeting", "tour", "grade"] as const;

export type RecordKind = (typeof RECORD_KINDS)[number];

const RECORD_COLUMN = {
  progress: "progressId",
  meeting: "meetingId",
  tour: "tourId",
  grade: "gradeId",
} as const satisfies Record<RecordKind, keyof Prisma.RecordEvidenceUncheckedCreateInput>;

/** Each record's rule for adding files: the record's organization, or a refusal as its other writes refuse. */
const TAKES: Record<RecordKind, (db: Tx, actor: Actor, recordId: string) => Promise<string>> = {
  progress: progressTakingFiles,
  meeting: meetingTakingFiles,
  tour: tourTakingFiles,
  grade: gradeTakingFiles,
};

/** The entity the audit log files a record's files under. */
const ENTITY: Record<RecordKind, string> = { progress: "ProjectProgress", meeting: "BranchMeeting", tour: "TourFeedback", grade: "BranchGrade" };

export type RecordFileUpload = FileBytes & { kind: RecordKind; recordId: string };

/** Throws as the writes would if the actor may not add files to the record now: the upload route asks before it reads the body. */
export async function assertRecordTakesFiles(actor: Actor, kind: RecordKind, recordId: string): Promise<void> {
  assertId(recordId);
  await prisma.$transaction((tx) => TAKES[kind](tx, actor, recordId));
}

/** A file as new evidence of the record's organization, kept beside the record. A refused file leaves no trace. */
export async function addRecordFile(actor: Actor, input: RecordFileUpload & { title: string }, options: FileOptions = {}): Promise<StoredFile> {
  assertId(input.recordId);
  const checked = checkEvidenceFile({ name: input.name, bytes: input.bytes, title: input.title, maxBytes: fileSettings(options).maxBytes });
  return withFileTransaction(options, async (write) => {
    const { tx } = write;
    const orgId = await TAKES[input.kind](tx, actor, input.recordId);
    const { title, ...stored } = await createFileEvidence(write, actor, { orgId, title: input.title, checked, bytes: input.bytes });
    await tx.recordEvidence.create({ data: { evidenceId: stored.evidenceId, [RECORD_COLUMN[input.kind]]: input.recordId } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "evidence.add",
      entityType: ENTITY[input.kind],
      entityId: input.recordId,
      orgId,
      after: { evidenceId: stored.evidenceId, kind: "FILE", title, fileName: stored.fileName, size: input.bytes.length, sha256: stored.sha256, revision: 1 },
    });
    return stored;
  });
}

/** A new revision of one of the record's files, the old ones kept, by those who add files to it now. */
export async function reviseRecordFile(actor: Actor, input: RecordFileUpload & { evidenceId: string }, options: FileOptions = {}): Promise<StoredFile> {
  assertId(input.recordId);
  assertId(input.evidenceId);
  // Refuse a bad file before taking any lock; the name is settled once the title is known.
  checkEvidenceFile({ name: input.name, bytes: input.bytes, title: "", maxBytes: fileSettings(options).maxBytes });
  return withFileTransaction(options, async (write) => {
    const { tx } = write;
    const orgId = await TAKES[input.kind](tx, actor, input.recordId);
    const link = await tx.recordEvidence.findFirst({ where: { evidenceId: input.evidenceId, [RECORD_COLUMN[input.kind]]: input.recordId }, select: { evidenceId: true } });
    if (!link) throw new NotFoundError();
    const revised = await storeNextRevision(write, actor, link.evidenceId, input);
    if (!revised) throw new NotFoundError();
    const { stored, title, previous } = revised;
    await writeAudit(tx, {
      actorId: actor.id,
      action: "evidence.revise",
      entityType: ENTITY[input.kind],
      entityId: input.recordId,
      orgId,
      before: previous ? { evidenceId: stored.evidenceId, revision: previous.revision, fileName: previous.fileName, sha256: previous.sha256 } : undefined,
      after: { evidenceId: stored.evidenceId, title, revision: stored.revision, fileName: stored.fileName, size: input.bytes.length, sha256: stored.sha256 },
    });
    return stored;
  });
}

const FILES_PER_RECORD = 100;

/**
 * The files of records of one kind, oldest first, by record. It does not
 * check the reader: call it for records the page has already read through
 * their module's rule.
 */
export async function loadRecordFiles(kind: RecordKind, recordIds: readonly string[]): Promise<Map<string, EvidenceView[]>> {
  const byRecord = new Map<string, EvidenceView[]>(recordIds.map((id) => [id, []]));
  if (recordIds.length === 0) return byRecord;
  const column = RECORD_COLUMN[kind];
  const links = await prisma.recordEvidence.findMany({
    where: { [column]: { in: [...recordIds] } },
    orderBy: [{ attachedAt: "asc" }, { evidenceId: "asc" }],
    take: FILES_PER_RECORD * recordIds.length,
    select: { progressId: true, meetingId: true, tourId: true, gradeId: true, attachedAt: true, evidence: { select: evidenceSelect } },
  });
  for (const link of links) {
    const list = byRecord.get(link[column] ?? "");
    if (list && list.length < FILES_PER_RECORD) list.push(toEvidenceView(link.evidence, link.attachedAt));
  }
  return byRecord;
}

/** The files of one record (loadRecordFiles). */
export async function loadFilesOf(kind: RecordKind, recordId: string): Promise<EvidenceView[]> {
  return (await loadRecordFiles(kind, [recordId])).get(recordId) ?? [];
}
