import "server-only";
import { prisma } from "@/lib/server/db";

export type HistoryEntry = {
  id: string;
  action: string;
  createdAt: Date;
  actorName: string | null;
  before: unknown;
  after: unknown;
};

/**
 * The audit trail of one record, newest first. Callers must have checked
 * that the actor may read the record itself.
 */
export async function listEntityHistory(entityType: string, entityId: string, take = 50): Promise<HistoryEntry[]> {
  const rows = await prisma.auditLog.findMany({
    where: { entityType, entityId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, action: true, createdAt: true, before: true, after: true, actor: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, action: r.action, createdAt: r.createdAt, actorName: r.actor?.name ?? null, before: r.before, after: r.after }));
}
