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
 * The connection pool on PostgreSQL. Idle connections stay open (pg-pool
 * closes them after 10 s by default): a new one costs its set-up and, in
 * its server process, catalog caches that every first plan fills; a unit
 * secretary's duties page took 375-466 ms after 11 s without requests
 * against 84-96 ms on warm connections. TCP keep-alive lets the pool notice
 * a connection the network dropped. DATABASE_POOL_SIZE bounds what an
 * instance holds.
 */
export function poolConfig(connectionString: string, max: number) {
  return { connectionString, max, idleTimeoutMillis: 0, keepAlive: true };
}

/**
 * Opens the database that DATABASE_URL names. On PGlite the data folder is
 * locked for this process first, and released on close or exit.
 */
export function openDatabase(url: string | undefined = env().DATABASE_URL): Connection {
  const target = parseDatabaseUrl(url);
  if (target.engine === "postgres") {
    const adapter = new PrismaPg(poolConfig(target.url, env().DATABASE_POOL_SIZE));
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
