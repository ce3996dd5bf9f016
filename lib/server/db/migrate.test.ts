import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { Client } from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  checksumMatches,
  migrate,
  migrateDatabase,
  MigrationError,
  PRISMA_MIGRATE_ADVISORY_LOCK_KEY,
  readMigrationsDir,
  type HistoryProblem,
  type MigrateLog,
  type MigrateResult,
  type MigrationRow as RecordedMigration,
} from "./migrate";
import { dropDatabase } from "@/lib/test/test-database";
import { acquirePgliteLock, lockPathFor } from "./pglite-lock";
import { newPglite } from "./pglite";

const ROOT = path.resolve(__dirname, "../../..");
const REAL_MIGRATIONS = path.join(ROOT, "prisma", "migrations");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const ADMIN_URL = process.env.TEST_DATABASE_URL;
const ON_POSTGRES = !!ADMIN_URL && /^postgres(ql)?:\/\//i.test(ADMIN_URL);

type Row = Record<string, unknown>;

type RunResult = { code: number; stdout: string; stderr: string };

let tmp: string;
let checks: Promise<[RunResult, RunResult]>;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dl-migrate-"));
  // The schema engine takes seconds to start: run the CLI checks alongside the other tests.
  const behind = path.join(tmp, "behind");
  fs.mkdirSync(behind);
  fs.copyFileSync(path.join(REAL_MIGRATIONS, "migration_lock.toml"), path.join(behind, "migration_lock.toml"));
  checks = Promise.all([
    run(["scripts/migration.ts", "check"]),
    run(["scripts/migration.ts", "check", "--migrations-dir", behind]),
  ]);
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

let dirCount = 0;
/** A migrations folder in a temp dir, as `prisma migrate dev` lays it out. */
function migrationsFolder(migrations: Record<string, string>): string {
  const dir = path.join(tmp, `migrations-${++dirCount}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
  for (const [name, sql] of Object.entries(migrations)) addMigration(dir, name, sql);
  return dir;
}

function addMigration(dir: string, name: string, sql: string): void {
  fs.mkdirSync(path.join(dir, name), { recursive: true });
  fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

const M1 = "20250101000000_people";
const M2 = "20250102000000_teams";
const M3 = "20250103000000_members";
const BASE = {
  [M1]: 'CREATE TABLE "Person" (id TEXT PRIMARY KEY, name TEXT NOT NULL);\n',
  [M2]: '-- CreateTable\nCREATE TABLE "Team" (id TEXT PRIMARY KEY);\n\nINSERT INTO "Team" VALUES (\'t1\');\n',
};
const THIRD = 'CREATE TABLE "Member" ("personId" TEXT REFERENCES "Person"(id), "teamId" TEXT REFERENCES "Team"(id));\n';

async function expectMigrationError(promise: Promise<unknown>, code: MigrationError["code"]): Promise<MigrationError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrationError);
  const migrationError = error as MigrationError;
  expect(migrationError.code).toBe(code);
  return migrationError;
}

function problemKinds(error: MigrationError): Array<[HistoryProblem["kind"], string]> {
  return (error.details.problems ?? []).map((p) => [p.kind, p.migration]);
}

/** Model (or @@map) names in schema.prisma: the tables the real migrations must create. */
function modelTables(): string[] {
  const schema = fs.readFileSync(path.join(ROOT, "prisma", "schema.prisma"), "utf8");
  return [...schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map(
    ([, name, body]) => /@@map\("([^"]+)"\)/.exec(body ?? "")?.[1] ?? name ?? "",
  );
}

function run(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TSX, ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/* ------------------------------------------------------------------------ */

describe("migration files", () => {
  it("checksums match Prisma's: sha256 hex of the bytes, line endings aside, old unpadded form accepted", () => {
    const script = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n";
    const hex = createHash("sha256").update(script).digest("hex");
    expect(checksumMatches(script, hex)).toBe(true);
    expect(checksumMatches(script.replaceAll("\n", "\r\n"), hex)).toBe(true);
    expect(checksumMatches(script + "\n", hex)).toBe(false);
    const unpadded = Array.from(createHash("sha256").update("hello").digest(), (b) => b.toString(16)).join("");
    expect(unpadded.length).toBeLessThan(64);
    expect(checksumMatches("hello", unpadded)).toBe(true);
    expect(createHash("sha256").update("hello").digest("hex")).toBe(
      "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
    );
  });

  it("lists folders in name order, and refuses a folder without migration.sql or another provider", () => {
    const dir = migrationsFolder({ [M2]: "SELECT 2;", [M1]: "SELECT 1;" });
    const files = readMigrationsDir(dir);
    expect(files.map((f) => f.name)).toEqual([M1, M2]);
    expect(files[0]?.checksum).toBe(createHash("sha256").update("SELECT 1;").digest("hex"));

    fs.mkdirSync(path.join(dir, "20250109000000_empty"));
    expect(() => readMigrationsDir(dir)).toThrow(/20250109000000_empty has no readable migration.sql/);
    fs.rmdirSync(path.join(dir, "20250109000000_empty"));

    fs.writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "sqlite"\n');
    expect(() => readMigrationsDir(dir)).toThrow(/written for "sqlite"/);
    expect(() => readMigrationsDir(path.join(tmp, "nowhere"))).toThrow(/No migrations folder/);
  });
});

/* ------------------------------------------------------------------------ */

// A new PGlite costs seconds (initdb): the tests share one, emptied before each.
let shared: Promise<PGlite> | undefined;
async function emptyPglite(): Promise<PGlite> {
  shared ??= (async () => {
    const pglite = newPglite();
    await pglite.waitReady;
    return pglite;
  })();
  const pglite = await shared;
  await pglite.exec('DROP SCHEMA IF EXISTS "public" CASCADE; CREATE SCHEMA "public";');
  return pglite;
}
afterAll(async () => {
  await (await shared)?.close();
});

type Db = {
  migrate: (migrationsDir: string, log?: MigrateLog) => Promise<MigrateResult>;
  query: <T extends Row>(sql: string, params?: unknown[]) => Promise<T[]>;
};

type Engine = {
  name: "PGlite" | "PostgreSQL";
  /** The database's URL on PostgreSQL. */
  url: string | null;
  setup: () => Promise<void>;
  fresh: () => Promise<Db>;
  teardown: () => Promise<void>;
};

function pgliteEngine(): Engine {
  return {
    name: "PGlite",
    url: null,
    setup: async () => {
      await emptyPglite();
    },
    fresh: async () => {
      const pglite = await emptyPglite();
      return {
        migrate: (migrationsDir, log) => migrateDatabase({ engine: "pglite", pglite }, { migrationsDir, log }),
        query: async <T extends Row>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
      };
    },
    teardown: async () => undefined,
  };
}

function postgresEngine(adminUrl: string): Engine {
  const dbName = `dl_test_migrate_${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  let client: Client | undefined;
  const admin = async (run: (c: Client) => Promise<unknown>) => {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await run(c);
    } finally {
      await c.end();
    }
  };
  return {
    name: "PostgreSQL",
    url: url.toString(),
    setup: async () => {
      await admin((c) => c.query(`CREATE DATABASE "${dbName}"`));
      client = new Client({ connectionString: url.toString() });
      await client.connect();
    },
    fresh: async () => {
      const c = client;
      if (!c) throw new Error("setup did not run");
      await c.query('DROP SCHEMA IF EXISTS "public" CASCADE; CREATE SCHEMA "public";');
      return {
        migrate: (migrationsDir, log) =>
          migrate({ target: { engine: "postgres", url: url.toString() }, migrationsDir, log }),
        query: async <T extends Row>(sql: string, params?: unknown[]) => (await c.query<T>(sql, params)).rows,
      };
    },
    teardown: async () => {
      await client?.end();
      // An autovacuum worker on it can refuse the drop for a moment: dropDatabase waits it out.
      await admin((c) => dropDatabase(c, dbName));
    },
  };
}

const engines: Engine[] = [pgliteEngine(), ...(ON_POSTGRES && ADMIN_URL ? [postgresEngine(ADMIN_URL)] : [])];

type MigrationRow = RecordedMigration & { applied_steps_count: number };

describe.each(engines)("migrate on $name", (engine) => {
  let db: Db;
  beforeAll(engine.setup);
  afterAll(engine.teardown);
  beforeEach(async () => {
    db = await engine.fresh();
  });

  const history = () => db.query<MigrationRow>("SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name");
  const tables = async () =>
    (
      await db.query<{ name: string }>(
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1",
      )
    ).map((r) => r.name);

  it("applies every migration to a fresh database in order and records each as Prisma does", async () => {
    const dir = migrationsFolder({ ...BASE, [M3]: THIRD });
    const lines: string[] = [];
    const result = await db.migrate(dir, (line) => lines.push(line));

    expect(result).toEqual({ applied: [M1, M2, M3], alreadyApplied: [] });
    expect(await tables()).toEqual(["Member", "Person", "Team", "_prisma_migrations"]);
    expect(lines.filter((l) => l.startsWith("Applied "))).toHaveLength(3);

    const rows = await history();
    expect(rows.map((r) => r.migration_name)).toEqual([M1, M2, M3]);
    for (const row of rows) {
      const bytes = fs.readFileSync(path.join(dir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at?.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }

    // The table itself is the one Prisma creates, so `prisma migrate deploy` can read and extend it.
    const columns = await db.query<Row>(
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(
      columns.map((c) => [
        c.column_name,
        c.data_type,
        c.character_maximum_length === null ? null : Number(c.character_maximum_length),
        c.is_nullable,
        c.column_default,
      ]),
    ).toEqual([
      ["id", "character varying", 36, "NO", null],
      ["checksum", "character varying", 64, "NO", null],
      ["finished_at", "timestamp with time zone", null, "YES", null],
      ["migration_name", "character varying", 255, "NO", null],
      ["logs", "text", null, "YES", null],
      ["rolled_back_at", "timestamp with time zone", null, "YES", null],
      ["started_at", "timestamp with time zone", null, "NO", "now()"],
      ["applied_steps_count", "integer", null, "NO", "0"],
    ]);
  });

  it("applies the committed prisma/migrations: every model's table exists", async () => {
    const result = await db.migrate(REAL_MIGRATIONS);
    expect(result.applied.length).toBeGreaterThan(0);
    const existing = await tables();
    for (const table of modelTables()) expect(existing).toContain(table);
  });

  it("applies nothing twice: a second run is a no-op and a new migration is applied alone", async () => {
    const dir = migrationsFolder(BASE);
    await db.migrate(dir);
    expect(await db.migrate(dir)).toEqual({ applied: [], alreadyApplied: [M1, M2] });

    addMigration(dir, M3, THIRD);
    expect(await db.migrate(dir)).toEqual({ applied: [M3], alreadyApplied: [M1, M2] });
    expect((await history()).map((r) => r.migration_name)).toEqual([M1, M2, M3]);
    expect(await db.query('SELECT * FROM "Team"')).toHaveLength(1);
  });

  it("refuses an applied migration whose file was edited, and applies nothing else", async () => {
    const dir = migrationsFolder(BASE);
    await db.migrate(dir);

    // Only line endings changed (git autocrlf): still the same migration, as for Prisma.
    fs.writeFileSync(path.join(dir, M2, "migration.sql"), BASE[M2].replaceAll("\n", "\r\n"));
    expect(await db.migrate(dir)).toEqual({ applied: [], alreadyApplied: [M1, M2] });

    fs.writeFileSync(path.join(dir, M1, "migration.sql"), BASE[M1].replace("name TEXT", "fullName TEXT"));
    addMigration(dir, M3, THIRD);
    const error = await expectMigrationError(db.migrate(dir), "HISTORY_CONFLICT");
    expect(problemKinds(error)).toEqual([["edited", M1]]);
    expect(error.message).toMatch(/Nothing was applied/);
    expect(await tables()).not.toContain("Member");
    expect(await history()).toHaveLength(2);
  });

  it("refuses while a failed migration is recorded, and goes on once it is marked rolled back", async () => {
    const dir = migrationsFolder(BASE);
    await db.migrate(dir);
    addMigration(dir, M3, THIRD);
    // What `prisma migrate deploy` leaves behind when a script fails half-way.
    await db.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, started_at, applied_steps_count)
       VALUES ('7f1c6d2e-3b1a-4c3e-9a55-1c2d3e4f5a6b', $1, $2, 'relation "Member" already exists', now(), 0)`,
      [createHash("sha256").update(THIRD).digest("hex"), M3],
    );

    const error = await expectMigrationError(db.migrate(dir), "HISTORY_CONFLICT");
    expect(problemKinds(error)).toEqual([["failed", M3]]);
    expect(error.message).toMatch(/relation "Member" already exists/);
    expect(await tables()).not.toContain("Member");

    await db.query("UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1", [M3]);
    expect(await db.migrate(dir)).toEqual({ applied: [M3], alreadyApplied: [M1, M2] });
    const rows = (await history()).filter((r) => r.migration_name === M3);
    expect(rows.map((r) => [r.rolled_back_at === null, r.finished_at === null])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it("refuses a database that has migrations the folder lacks", async () => {
    const dir = migrationsFolder({ ...BASE, [M3]: THIRD });
    await db.migrate(dir);
    fs.rmSync(path.join(dir, M3), { recursive: true });
    const error = await expectMigrationError(db.migrate(dir), "HISTORY_CONFLICT");
    expect(problemKinds(error)).toEqual([["unknown", M3]]);
  });

  it("rolls a failing migration back whole, records nothing for it, and keeps those before it", async () => {
    const broken = 'CREATE TABLE "Member" (id TEXT);\nINSERT INTO "Nowhere" VALUES (1);\n';
    const dir = migrationsFolder({ ...BASE, [M3]: broken });
    const error = await expectMigrationError(db.migrate(dir), "MIGRATION_FAILED");
    expect(error.message).toMatch(new RegExp(`${M3} failed at line 2 and was rolled back: .*"Nowhere"`));
    expect(error.details.applied).toEqual([M1, M2]);
    expect(await tables()).not.toContain("Member");
    expect((await history()).map((r) => r.migration_name)).toEqual([M1, M2]);

    fs.writeFileSync(path.join(dir, M3, "migration.sql"), THIRD);
    expect(await db.migrate(dir)).toEqual({ applied: [M3], alreadyApplied: [M1, M2] });
  });

  it("refuses a database that already has tables but no migration history", async () => {
    await db.query('CREATE TABLE "Person" (id TEXT PRIMARY KEY)');
    const error = await expectMigrationError(db.migrate(migrationsFolder(BASE)), "SCHEMA_NOT_EMPTY");
    expect(error.message).toMatch(/Person/);
    expect(await tables()).toEqual(["Person"]);
  });

  const advisoryLocks = async () =>
    (
      await db.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        [PRISMA_MIGRATE_ADVISORY_LOCK_KEY],
      )
    )[0]?.n;

  // Advisory locks exist only on a server; on PGlite these tests are not defined at all.
  const itOnPostgres = engine.name === "PostgreSQL" ? it : () => undefined;

  itOnPostgres("lets concurrent runs apply each migration exactly once", async () => {
    const dir = migrationsFolder({
      ...BASE,
      // Slow enough that the runs surely overlap.
      [M3]: `SELECT pg_sleep(0.4);\n${THIRD}`,
    });
    const lines: string[] = [];
    const results = await Promise.all([1, 2, 3].map((n) => db.migrate(dir, (line) => lines.push(`${n}: ${line}`))));

    const applied = results.map((r) => r.applied);
    expect(applied.filter((a) => a.length === 3)).toHaveLength(1);
    expect(applied.filter((a) => a.length === 0)).toHaveLength(2);
    expect(lines.some((l) => l.includes("waiting"))).toBe(true);
    const counts = await db.query<{ migration_name: string; n: string }>(
      "SELECT migration_name, count(*)::text AS n FROM _prisma_migrations GROUP BY 1 ORDER BY 1",
    );
    expect(counts).toEqual([M1, M2, M3].map((migration_name) => ({ migration_name, n: "1" })));
    expect(await advisoryLocks()).toBe("0");
  });

  itOnPostgres(
    "releases the advisory lock after a refused run, and gives up waiting after lockTimeoutMs",
    async () => {
      const url = engine.url ?? "";
      const dir = migrationsFolder(BASE);
      await db.migrate(dir);
      fs.writeFileSync(path.join(dir, M1, "migration.sql"), "SELECT 'edited';");
      await expectMigrationError(db.migrate(dir), "HISTORY_CONFLICT");
      expect(await advisoryLocks()).toBe("0");

      // `prisma migrate deploy` takes the same lock: while it (here, another session) holds it, we wait.
      const holder = new Client({ connectionString: url });
      await holder.connect();
      try {
        await holder.query(`SELECT pg_advisory_lock(${PRISMA_MIGRATE_ADVISORY_LOCK_KEY})`);
        const started = Date.now();
        await expectMigrationError(
          migrate({ target: { engine: "postgres", url }, migrationsDir: dir, lockTimeoutMs: 300 }),
          "LOCK_TIMEOUT",
        );
        expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      } finally {
        await holder.end();
      }
    },
  );
});

/* ------------------------------------------------------------------------ */

describe("migrate on a PGlite data folder", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = path.join(fs.mkdtempSync(path.join(tmp, "folder-")), "pglite");
  });

  it("holds the folder lock for the whole run and removes it at the end, also after a failure", async () => {
    const prepared = newPglite(dataDir, { loadDataDir: await (await emptyPglite()).dumpDataDir("none") });
    await prepared.close();
    const lockPath = lockPathFor(dataDir);
    const seen: boolean[] = [];
    const log = () => {
      seen.push(fs.existsSync(lockPath));
    };
    const dir = migrationsFolder(BASE);
    const target = { engine: "pglite", dataDir } as const;

    expect(await migrate({ target, migrationsDir: dir, log })).toEqual({ applied: [M1, M2], alreadyApplied: [] });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(Boolean)).toBe(true);
    expect(fs.existsSync(lockPath)).toBe(false);

    addMigration(dir, M3, "SELECT * FROM nowhere;");
    const error = await expectMigrationError(migrate({ target, migrationsDir: dir, log }), "MIGRATION_FAILED");
    // The first run's work survived closing and reopening the folder: only M3 was attempted.
    expect(error.details).toMatchObject({ migration: M3, applied: [] });
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it("refuses a folder this process already has open instead of opening it twice", async () => {
    const lock = acquirePgliteLock(dataDir);
    try {
      await expectMigrationError(
        migrate({ target: { engine: "pglite", dataDir }, migrationsDir: migrationsFolder(BASE) }),
        "ALREADY_OPEN_IN_PROCESS",
      );
      expect(fs.existsSync(dataDir)).toBe(false);
    } finally {
      lock.release();
    }
  });
});

/* ------------------------------------------------------------------------ */

/* ------------------------------------------------------------------------ */

describe("scripts/migration.ts check", () => {
  it("passes on the committed migrations and fails, printing the SQL, when they fall behind the schema", async () => {
    const [committed, stale] = await checks;
    expect(committed.stderr).toBe("");
    expect(committed).toMatchObject({ code: 0, stdout: "schema and migrations agree\n" });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/CREATE TABLE "Org"/);
    expect(stale.stderr).toMatch(/disagree/);
  });
});
