import type { PrismaClient } from "../../generated/prisma/client";
import { openDatabase, type Connection } from "./connect";

const globalForDb = globalThis as unknown as { dutyLedgerDb?: Connection };

/**
 * The one connection of this process, opened on first use rather than at
 * import, so that `next build` and tooling can import modules without
 * touching (or locking) the database.
 */
export function connection(): Connection {
  globalForDb.dutyLedgerDb ??= openDatabase();
  return globalForDb.dutyLedgerDb;
}

/** The Prisma client singleton. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = connection().prisma;
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type { Prisma } from "../../generated/prisma/client";

/** Closes this process's connection; the next use opens a new one (tests open one database after another). */
export async function closeConnection(): Promise<void> {
  const open = globalForDb.dutyLedgerDb;
  globalForDb.dutyLedgerDb = undefined;
  await open?.close();
}
