import type { TestProject } from "vitest/node";
import { migrateAndSeed } from "@/lib/test/seeded-database";
import { createTestDatabase } from "@/lib/test/test-database";

/**
 * Migrates and seeds one database for the whole run; every test file that
 * asks for a seeded database gets a copy of it (a copied PGlite folder, or
 * CREATE DATABASE … TEMPLATE on PostgreSQL) instead of seeding its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = await createTestDatabase("template");
  await migrateAndSeed(template.url);
  project.provide(
    "seededTemplate",
    template.url.startsWith("pglite:")
      ? { kind: "pglite", dataDir: template.url.slice("pglite:".length) }
      : { kind: "postgres", name: new URL(template.url).pathname.slice(1) },
  );
  return template.drop;
}
