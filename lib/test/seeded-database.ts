import path from "node:path";
import { parseDatabaseUrl } from "@/lib/env";
import { openDatabase } from "@/lib/server/db/connect";
import { migrate } from "@/lib/server/db/migrate";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { createTestDatabase } from "@/lib/test/test-database";

/** A fixed "now" for tests: late in the year, so that some demo items are overdue and some are not. */
export const TEST_NOW = new Date("2026-11-25T04:00:00.000Z");

/**
 * A migrated, demo-seeded database of this test file's own, made the app's
 * database (DATABASE_URL) before anything opens it. Call in beforeAll; call
 * the returned function in afterAll.
 */
export async function useSeededDatabase(label: string): Promise<() => Promise<void>> {
  const db = await createTestDatabase(label);
  process.env.DATABASE_URL = db.url;
  await migrate({ target: parseDatabaseUrl(db.url), migrationsDir: path.resolve("prisma/migrations") });
  const seeding = openDatabase(db.url);
  try {
    await seedDemo(seeding.prisma, { now: TEST_NOW });
  } finally {
    await seeding.close();
  }
  return async () => {
    const { closeConnection } = await import("@/lib/server/db");
    await closeConnection();
    await db.drop();
  };
}
