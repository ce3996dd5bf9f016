import path from "node:path";
import { inject } from "vitest";
import { parseDatabaseUrl } from "@/lib/env";
import { openDatabase } from "@/lib/server/db/connect";
import { migrate } from "@/lib/server/db/migrate";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { createTestDatabase, type DatabaseTemplate } from "@/lib/test/test-database";

/** A fixed "now" for tests: late in the year, so that some demo items are overdue and some are not. */
export const TEST_NOW = new Date("2026-11-25T04:00:00.000Z");

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated, demo-seeded database that lib/test/global-setup.ts made once for the run. */
    seededTemplate: DatabaseTemplate;
  }
}

/** Migrates a new database and seeds the demo data into it, as of TEST_NOW. */
export async function migrateAndSeed(url: string): Promise<void> {
  await migrate({ target: parseDatabaseUrl(url), migrationsDir: path.resolve("prisma/migrations") });
  const seeding = openDatabase(url);
  try {
    await seedDemo(seeding.prisma, { now: TEST_NOW });
  } finally {
    await seeding.close();
  }
}

/**
 * A migrated, demo-seeded database of this test file's own, made the app's
 * database (DATABASE_URL) before anything opens it: a copy of the run's
 * template. Call in beforeAll; call the returned function in afterAll.
 */
export async function useSeededDatabase(label: string): Promise<() => Promise<void>> {
  const db = await createTestDatabase(label, { template: inject("seededTemplate") });
  process.env.DATABASE_URL = db.url;
  return async () => {
    const { closeConnection } = await import("@/lib/server/db");
    await closeConnection();
    await db.drop();
  };
}
