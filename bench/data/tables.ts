// Rows built in Node that several stages share: history (AuditLog), notices and evidence.
import type { Prisma } from "../../lib/generated/prisma/client";
import type { EvidenceKind, NotificationKind } from "../../lib/generated/prisma/enums";
import type { BenchContext } from "./context";
import { insertRows, type Table } from "./insert";

export type AuditRow = {
  id: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  orgId: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  at: Date;
};

export const AUDIT_TABLE: Table<AuditRow> = {
  name: "AuditLog",
  columns: [
    ["id", "text", (r) => r.id],
    ["actorId", "text", (r) => r.actorId],
    ["action", "text", (r) => r.action],
    ["entityType", "text", (r) => r.entityType],
    ["entityId", "text", (r) => r.entityId],
    ["orgId", "text", (r) => r.orgId],
    ["before", "jsonb", (r) => r.before],
    ["after", "jsonb", (r) => r.after],
    ["createdAt", "timestamp", (r) => r.at],
  ],
};

export type NoticeRow = {
  id: string;
  userId: string;
  kind: NotificationKind;
  findingId?: string;
  reportId?: string;
  orgId?: string;
  actorId?: string | null;
  payload?: Prisma.InputJsonValue;
  dedupeKey?: string;
  readAt: Date | null;
  at: Date;
};

export const NOTICE_TABLE: Table<NoticeRow> = {
  name: "Notification",
  columns: [
    ["id", "text", (r) => r.id],
    ["userId", "text", (r) => r.userId],
    ["kind", "NotificationKind", (r) => r.kind],
    ["findingId", "text", (r) => r.findingId],
    ["reportId", "text", (r) => r.reportId],
    ["orgId", "text", (r) => r.orgId],
    ["actorId", "text", (r) => r.actorId],
    ["payload", "jsonb", (r) => r.payload],
    ["dedupeKey", "text", (r) => r.dedupeKey],
    ["readAt", "timestamp", (r) => r.readAt],
    ["createdAt", "timestamp", (r) => r.at],
  ],
};

export type EvidenceRow = { id: string; orgId: string; kind: EvidenceKind; title: string; text: string | null; createdById: string | null; at: Date };

export const EVIDENCE_TABLE: Table<EvidenceRow> = {
  name: "Evidence",
  columns: [
    ["id", "text", (r) => r.id],
    ["orgId", "text", (r) => r.orgId],
    ["kind", "EvidenceKind", (r) => r.kind],
    ["title", "text", (r) => r.title],
    ["text", "text", (r) => r.text],
    ["createdById", "text", (r) => r.createdById],
    ["createdAt", "timestamp", (r) => r.at],
    ["updatedAt", "timestamp", (r) => r.at],
  ],
};

/** Inserts rows in transactions of `perTransaction` rows, reporting progress under `stage`. */
export async function insertAll<R>(ctx: BenchContext, stage: { name: string; done: number; total: number }, table: Table<R>, rows: readonly R[], perTransaction = 10_000): Promise<void> {
  for (let start = 0; start < rows.length; start += perTransaction) {
    const batch = rows.slice(start, start + perTransaction);
    await ctx.db.$transaction((tx) => insertRows(tx, table, batch, 2000), { timeout: 600_000, maxWait: 60_000 });
    stage.done += batch.length;
    ctx.progress({ stage: stage.name, done: stage.done, total: stage.total });
  }
}
