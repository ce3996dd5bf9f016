import "server-only";
import type { Db } from "@/lib/server/evidence/storage";

/**
 * Locks the item's row for the rest of the transaction. Evidence writes take
 * the same lock before they check that the item is open, so a submission
 * that counts evidence and a detach running at the same time cannot both
 * win: whichever comes second sees the other's result.
 */
export async function lockItemRow(db: Db, itemId: string): Promise<void> {
  await db.$queryRaw`SELECT "id" FROM "ChecklistItem" WHERE "id" = ${itemId} FOR UPDATE`;
}

/**
 * How many pieces of evidence back the item. For the status machine, to
 * refuse submitting an "evidence required" duty without any: call it with
 * the transaction that changes the status, whose item row it locks.
 */
export async function countItemEvidence(tx: Db, itemId: string): Promise<number> {
  await lockItemRow(tx, itemId);
  return tx.itemEvidence.count({ where: { itemId } });
}

export async function hasItemEvidence(tx: Db, itemId: string): Promise<boolean> {
  return (await countItemEvidence(tx, itemId)) > 0;
}
