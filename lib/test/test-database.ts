import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";

/**
 * A database of its own for one test file: a fresh PGlite folder by default,
 * or a new database on the PostgreSQL server that TEST_DATABASE_URL names.
 * Returns its DATABASE_URL and a function that removes it.
 */
export async function createTestDatabase(
  label: string,
  options: { fixedName?: boolean } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (admin && /^postgres(ql)?:\/\//.test(admin)) {
    const base = `dl_test_${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}`;
    // A fixed name is for a process that may be killed before it can clean up: the next run replaces it.
    const name = options.fixedName ? base : `${base}_${crypto.randomBytes(4).toString("hex")}`;
    const client = new Client({ connectionString: admin });
    await client.connect();
    if (options.fixedName) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const c = new Client({ connectionString: admin });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dl-${label}-`));
  const dataDir = path.join(dir, "pglite");
  return { url: `pglite:${dataDir}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}
