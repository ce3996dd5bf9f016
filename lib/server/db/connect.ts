import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env, parseDatabaseUrl, type DatabaseTarget } from "../../env";
import { PrismaClient } from "../../generated/prisma/client";
import { acquirePgliteLock } from "./pglite-lock";
import { newPglite } from "./pglite";

export type Connection = {
  target: DatabaseTarget;
  prisma: PrismaClient;
  /** The embedded database itself, for the migration runner; null on PostgreSQL. */
  pglite: PGlite | null;
  close: () => Promise<void>;
};

/**
 * Opens the database that DATABASE_URL names. On PGlite the data folder is
 * locked for this process first, and released on close or exit.
 */
export function openDatabase(url: string | undefined = env().DATABASE_URL): Connection {
  const target = parseDatabaseUrl(url);
  if (target.engine === "postgres") {
    const adapter = new PrismaPg({ connectionString: target.url, max: env().DATABASE_POOL_SIZE });
    const prisma = new PrismaClient({ adapter });
    return { target, prisma, pglite: null, close: () => prisma.$disconnect() };
  }

  const isMemory = target.dataDir.startsWith("memory://");
  const lock = isMemory ? null : acquirePgliteLock(target.dataDir);
  const onExit = () => lock?.release();
  process.once("exit", onExit);
  let pglite: PGlite;
  try {
    pglite = newPglite(target.dataDir);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    target,
    prisma,
    pglite,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      lock?.release();
      process.removeListener("exit", onExit);
    },
  };
}
