import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";

/**
 * Drops a test database, ending its connections. A connection of another
 * role (an autovacuum worker that just started on it) cannot be ended by
 * a plain role and fails the drop with 42501; it is gone a moment later.
 */
export async function dropDatabase(client: Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "42501" || attempt === 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
    }
  }
}

/** Where a ready database lies, to start others as copies of it: a PGlite folder, or a database on the test server. */
export type DatabaseTemplate = { kind: "pglite"; dataDir: string } | { kind: "postgres"; name: string };

/**
 * A database of its own for one test file: a fresh PGlite folder by default,
 * or a new database on the PostgreSQL server that TEST_DATABASE_URL names.
 * With a template it starts as a copy of that database (see
 * lib/test/global-setup.ts). Returns its DATABASE_URL and a function that
 * removes it.
 */
export async function createTestDatabase(
  label: string,
  options: { fixedName?: boolean; template?: DatabaseTemplate } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (admin && /^postgres(ql)?:\/\//.test(admin)) {
    const base = `dl_test_${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}`;
    // A fixed name is for a process that may be killed before it can clean up: the next run replaces it.
    const name = options.fixedName ? base : `${base}_${crypto.randomBytes(4).toString("hex")}`;
    const client = new Client({ connectionString: admin });
    await client.connect();
    if (options.fixedName) await dropDatabase(client, name);
    const template = options.template?.kind === "postgres" ? ` TEMPLATE "${options.template.name}"` : "";
    await client.query(`CREATE DATABASE "${name}"${template}`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const c = new Client({ connectionString: admin });
        await c.connect();
        try {
          await dropDatabase(c, name);
        } finally {
          await c.end();
        }
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dl-${label}-`));
  const dataDir = path.join(dir, "pglite");
  if (options.template?.kind === "pglite") fs.cpSync(options.template.dataDir, dataDir, { recursive: true });
  return { url: `pglite:${dataDir}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}
