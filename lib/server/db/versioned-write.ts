import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit, type AuditEntry } from "@/lib/server/audit/write-audit";
import { ConflictError } from "@/lib/server/errors";
import type { VersionChange } from "@/lib/version-change";

type Tx = Prisma.TransactionClient;

/**
 * Refuses a step on a record that is no longer at the version the user saw.
 * `expected` undefined: a step that needs no check (adding a finding to a
 * draft report moves the report on without asking what it was).
 */
export async function checkVersion<S>(current: number, expected: number | undefined, state: () => S | Promise<S>): Promise<void> {
  if (expected !== undefined && current !== expected) throw new ConflictError("The record was changed by someone else", await state());
}

export type VersionedWrite<S> = {
  /** The record's version as this transaction read it. */
  version: number;
  /** The version the user saw, or undefined for an unchecked step. */
  expected: number | undefined;
  /** What a conflict shows of the record as it stands now. */
  state: () => S | Promise<S>;
  /**
   * The change, made only where the record is still at `version`, with the
   * version incremented: `updateMany({ where: { id, version }, data: { …, version: { increment: 1 } } })`.
   */
  update: (version: number) => Promise<{ count: number }>;
  /** The audit row of the change, written in the same transaction once the change is made. */
  audit: AuditEntry | (() => Promise<AuditEntry>);
};

/**
 * The one versioned, audited write of the app (checklist items, findings,
 * reports, rounds): checks the version the user saw, compares and sets it
 * in the UPDATE itself (so that two transactions cannot both pass the check),
 * writes the audit row, and answers how the version moved, which the page's
 * forms adopt (lib/version-change.ts).
 */
export async function writeVersioned<S>(tx: Tx, write: VersionedWrite<S>): Promise<VersionChange> {
  await checkVersion(write.version, write.expected, write.state);
  const { count } = await write.update(write.version);
  if (count !== 1) throw new ConflictError("The record was changed by someone else", await write.state());
  await writeAudit(tx, typeof write.audit === "function" ? await write.audit() : write.audit);
  return { from: write.version, to: write.version + 1 };
}
