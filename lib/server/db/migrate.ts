import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import type { DatabaseTarget } from "../../env";
import { acquirePgliteLock, lockPathFor, type LockHolder } from "./pglite-lock";
import { newPglite } from "./pglite";

/**
 * Applies prisma/migrations/<name>/migration.sql folders in name order and
 * records them in `_prisma_migrations` the way `prisma migrate deploy` does
 * (same table, same checksums, same advisory lock key), so the two can take
 * turns on one database. Stricter than Prisma: a migration and its history
 * row commit in one transaction, so a failing migration leaves nothing behind
 * (not even a failed row), and an edited, failed or unknown migration stops
 * the run before anything is applied.
 */

export const MIGRATIONS_TABLE = "_prisma_migrations";

/** The key `prisma migrate` itself locks, so this runner and Prisma exclude each other. */
export const PRISMA_MIGRATE_ADVISORY_LOCK_KEY = 72707369;

export const DEFAULT_MIGRATIONS_DIR = path.join("prisma", "migrations");

const DEFAULT_LOCK_TIMEOUT_MS = 5 * 60_000;

/** Prisma's own DDL (sql-schema-connector, PostgreSQL flavour), unquoted so it lands in the current schema. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE ${MIGRATIONS_TABLE} (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

export type MigrationErrorCode =
  | "MIGRATIONS_DIR_MISSING"
  | "MIGRATION_FILE_UNREADABLE"
  | "PROVIDER_MISMATCH"
  | "HISTORY_CONFLICT"
  | "SCHEMA_NOT_EMPTY"
  | "ALREADY_OPEN_IN_PROCESS"
  | "LOCK_TIMEOUT"
  | "MIGRATION_FAILED";

export type HistoryProblem =
  | { kind: "edited"; migration: string; recorded: string; actual: string }
  | { kind: "failed"; migration: string; startedAt: Date; logs: string | null }
  | { kind: "unknown"; migration: string };

export class MigrationError extends Error {
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    readonly details: {
      problems?: HistoryProblem[];
      migration?: string;
      /** Migrations this run applied before it stopped. */
      applied?: string[];
      cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "MigrationError";
  }
}

export type MigrationFile = {
  /** The folder name, e.g. `20250101093000_init`. */
  name: string;
  script: string;
  /** sha256 of the file's bytes, as lowercase hex: what Prisma stores. */
  checksum: string;
};

export type MigrateResult = { applied: string[]; alreadyApplied: string[] };

export type MigrateLog = (line: string) => void;

type PgliteQueryable = {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
};

/** What the runner needs of a PGlite instance. */
export type PgliteHandle = PgliteQueryable & {
  transaction<T>(fn: (tx: PgliteQueryable) => Promise<T>): Promise<T>;
};

/**
 * An open database. A PostgreSQL client must be a dedicated connection (not a
 * pool): the advisory lock belongs to the session that took it.
 */
export type MigrationDatabase = { engine: "pglite"; pglite: PgliteHandle } | { engine: "postgres"; client: Client };

export type MigrateOptions = {
  migrationsDir?: string;
  log?: MigrateLog;
  /** How long to wait for another run's advisory lock on PostgreSQL. */
  lockTimeoutMs?: number;
};

/* ------------------------------------------------------------------------ */
/* Migration files                                                          */
/* ------------------------------------------------------------------------ */

export function migrationChecksum(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Prisma's rule (migration-connector checksum.rs): a script still matches
 * when only its line endings changed (git autocrlf), and very old Prisma
 * versions stored the hex without zero padding.
 */
export function checksumMatches(script: string, recorded: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant).digest();
    const rendered =
      recorded.length !== 0 && recorded.length !== 64
        ? Array.from(digest, (byte) => byte.toString(16)).join("")
        : digest.toString("hex");
    return rendered === recorded;
  });
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Keeps a byte-order mark, so the script is exactly the bytes Prisma hashes and runs.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function readMigrationsDir(migrationsDir: string): MigrationFile[] {
  const dir = path.resolve(migrationsDir);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new MigrationError("MIGRATIONS_DIR_MISSING", `No migrations folder at ${dir}.`);
    }
    throw error;
  }

  checkLockfileProvider(dir);

  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort(compareNames)
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (error) {
        throw new MigrationError(
          "MIGRATION_FILE_UNREADABLE",
          `Migration ${name} has no readable migration.sql (${(error as Error).message}). ` +
            `Every folder in ${dir} must hold one; remove stray folders.`,
          { migration: name, cause: error },
        );
      }
      let script: string;
      try {
        script = utf8.decode(bytes);
      } catch (error) {
        throw new MigrationError("MIGRATION_FILE_UNREADABLE", `${file} is not valid UTF-8.`, {
          migration: name,
          cause: error,
        });
      }
      return { name, script, checksum: migrationChecksum(bytes) };
    });
}

function checkLockfileProvider(dir: string): void {
  let content: string;
  try {
    content = fs.readFileSync(path.join(dir, "migration_lock.toml"), "utf8");
  } catch {
    return;
  }
  const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(content)?.[1];
  if (provider !== undefined && provider !== "postgresql") {
    throw new MigrationError(
      "PROVIDER_MISMATCH",
      `The migrations in ${dir} were written for "${provider}" (migration_lock.toml), not PostgreSQL.`,
    );
  }
}

/* ------------------------------------------------------------------------ */
/* Sessions: one shape over PGlite and a pg Client                           */
/* ------------------------------------------------------------------------ */

type Row = Record<string, unknown>;

type Session = {
  query<T extends Row>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(script: string): Promise<void>;
  transaction<T>(fn: (tx: Session) => Promise<T>): Promise<T>;
};

function pgliteSession(db: PgliteQueryable, handle: PgliteHandle | null): Session {
  return {
    query: async <T extends Row>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    exec: async (script) => {
      await db.exec(script);
    },
    transaction: (fn) => {
      if (!handle) throw new Error("Nested transactions are not supported.");
      return handle.transaction((tx) => fn(pgliteSession(tx, null)));
    },
  };
}

function pgSession(client: Client): Session {
  let inTransaction = false;
  const session: Session = {
    query: async <T extends Row>(sql: string, params?: unknown[]) => (await client.query<T>(sql, params)).rows,
    exec: async (script) => {
      // Without parameters pg uses the simple query protocol, which accepts many statements.
      await client.query(script);
    },
    transaction: async (fn) => {
      if (inTransaction) throw new Error("Nested transactions are not supported.");
      inTransaction = true;
      try {
        await client.query("BEGIN");
        try {
          const result = await fn(session);
          await client.query("COMMIT");
          return result;
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw error;
        }
      } finally {
        inTransaction = false;
      }
    },
  };
  return session;
}

/* ------------------------------------------------------------------------ */
/* The run                                                                  */
/* ------------------------------------------------------------------------ */

export type MigrationRow = {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
};

/**
 * Migrates an already open database. Use this where the process has the
 * database open anyway (PGlite may be opened only once per process).
 */
export async function migrateDatabase(database: MigrationDatabase, options: MigrateOptions = {}): Promise<MigrateResult> {
  const log = options.log ?? (() => undefined);
  const files = readMigrationsDir(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);

  if (database.engine === "pglite") {
    return run(pgliteSession(database.pglite, database.pglite), files, log);
  }

  const client = database.client;
  await takeAdvisoryLock(client, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, log);
  try {
    return await run(pgSession(client), files, log);
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${PRISMA_MIGRATE_ADVISORY_LOCK_KEY})`).catch(() => undefined);
  }
}

async function takeAdvisoryLock(client: Client, timeoutMs: number, log: MigrateLog): Promise<void> {
  const key = PRISMA_MIGRATE_ADVISORY_LOCK_KEY;
  const tried = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${key}) AS locked`);
  if (tried.rows[0]?.locked) return;

  log("Another migration run holds the migration lock; waiting for it to finish…");
  await client.query("SELECT set_config('lock_timeout', $1, false)", [`${Math.max(1, Math.round(timeoutMs))}ms`]);
  try {
    await client.query(`SELECT pg_advisory_lock(${key})`);
  } catch (error) {
    if ((error as { code?: unknown }).code === "55P03") {
      throw new MigrationError(
        "LOCK_TIMEOUT",
        `Gave up after ${Math.round(timeoutMs / 1000)} s waiting for another migration run to release the ` +
          `migration lock (pg_advisory_lock(${key})). Check for a stuck migrate or prisma process.`,
        { cause: error },
      );
    }
    throw error;
  } finally {
    await client.query("RESET lock_timeout").catch(() => undefined);
  }
}

async function run(session: Session, files: MigrationFile[], log: MigrateLog): Promise<MigrateResult> {
  const rows = await readHistory(session);
  const active = rows.filter((row) => row.rolled_back_at === null);
  const byName = new Map(files.map((file) => [file.name, file]));

  const problems: HistoryProblem[] = [];
  for (const row of active) {
    const file = byName.get(row.migration_name);
    if (row.finished_at === null) {
      problems.push({ kind: "failed", migration: row.migration_name, startedAt: row.started_at, logs: row.logs });
    } else if (!file) {
      problems.push({ kind: "unknown", migration: row.migration_name });
    } else if (!checksumMatches(file.script, row.checksum)) {
      problems.push({ kind: "edited", migration: row.migration_name, recorded: row.checksum, actual: file.checksum });
    }
  }
  if (problems.length > 0) throw historyConflict(problems);

  const done = new Set(active.map((row) => row.migration_name));
  const alreadyApplied = files.filter((file) => done.has(file.name)).map((file) => file.name);
  const pending = files.filter((file) => !done.has(file.name));
  const applied: string[] = [];

  for (const file of pending) {
    log(`Applying ${file.name}…`);
    const started = performance.now();
    try {
      await session.transaction(async (tx) => {
        const id = randomUUID();
        await tx.query(
          `INSERT INTO ${MIGRATIONS_TABLE} (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
          [id, file.checksum, file.name],
        );
        await tx.exec(file.script);
        await tx.query(
          `UPDATE ${MIGRATIONS_TABLE}
              SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp()
            WHERE id = $1`,
          [id],
        );
      });
    } catch (error) {
      throw new MigrationError(
        "MIGRATION_FAILED",
        `Migration ${file.name} failed${whereInScript(error, file.script)} and was rolled back: ${messageOf(error)}` +
          (applied.length > 0 ? ` (applied before it in this run: ${applied.join(", ")})` : ""),
        { migration: file.name, applied: [...applied], cause: error },
      );
    }
    applied.push(file.name);
    log(`Applied ${file.name} (${Math.round(performance.now() - started)} ms)`);
  }

  return { applied, alreadyApplied };
}

async function readHistory(session: Session): Promise<MigrationRow[]> {
  const [exists] = await session.query<{ table: string | null }>(
    `SELECT to_regclass($1)::text AS "table"`,
    [MIGRATIONS_TABLE],
  );
  if (!exists?.table) {
    const tables = await session.query<{ name: string }>(
      `SELECT c.relname AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
        ORDER BY 1`,
    );
    if (tables.length > 0) {
      // Prisma refuses here too (P3005): these tables came from somewhere other than the migrations.
      throw new MigrationError(
        "SCHEMA_NOT_EMPTY",
        `The database already has tables (${tables.map((t) => t.name).join(", ")}) but no ${MIGRATIONS_TABLE} ` +
          `table, so its state is unknown. Migrate an empty database, or baseline this one.`,
      );
    }
    await session.exec(CREATE_MIGRATIONS_TABLE);
    return [];
  }
  return session.query<MigrationRow>(
    `SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at
       FROM ${MIGRATIONS_TABLE}
      ORDER BY started_at ASC`,
  );
}

function historyConflict(problems: HistoryProblem[]): MigrationError {
  const lines = problems.map((problem) => {
    switch (problem.kind) {
      case "edited":
        return (
          `${problem.migration} was changed after it was applied (recorded checksum ${problem.recorded}, ` +
          `file now ${problem.actual}). Restore the applied version of the file and put the change in a new migration.`
        );
      case "failed": {
        const logs = problem.logs?.trim();
        return (
          `${problem.migration} started at ${problem.startedAt.toISOString()} and never finished` +
          `${logs ? ` (${logs})` : ""}. Undo whatever it changed, then mark it rolled back: ` +
          `UPDATE ${MIGRATIONS_TABLE} SET rolled_back_at = now() WHERE migration_name = '${problem.migration}' ` +
          `AND finished_at IS NULL (or: prisma migrate resolve --rolled-back ${problem.migration}).`
        );
      }
      case "unknown":
        return (
          `${problem.migration} is applied in the database but missing from the migrations folder: ` +
          `the database is ahead of this code. Deploy the code that has it.`
        );
    }
  });
  return new MigrationError(
    "HISTORY_CONFLICT",
    `Refusing to migrate: the database's migration history does not match the migrations folder. ` +
      `Nothing was applied.\n${lines.map((line) => `  - ${line}`).join("\n")}`,
    { problems },
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** " at line N" from a PostgreSQL error position (1-based character offset in the script). */
function whereInScript(error: unknown, script: string): string {
  const raw = typeof error === "object" && error !== null && "position" in error ? error.position : undefined;
  const position = Number(raw);
  if (!Number.isInteger(position) || position < 1) return "";
  const line = Array.from(script).slice(0, position - 1).filter((char) => char === "\n").length + 1;
  return ` at line ${line}`;
}

/* ------------------------------------------------------------------------ */
/* Opening the target                                                       */
/* ------------------------------------------------------------------------ */

export function describeTarget(target: DatabaseTarget): string {
  if (target.engine === "pglite") return `the embedded database at ${target.dataDir}`;
  try {
    const url = new URL(target.url);
    if (url.password) url.password = "***";
    return `PostgreSQL at ${url.toString()}`;
  } catch {
    return "PostgreSQL";
  }
}

/**
 * Opens the target on its own connection, migrates it and closes it. On
 * PGlite the data folder's lock is held for the whole run, so this is refused
 * while a server (or another migrate) has the folder open. In a process that
 * has the database open already, call migrateDatabase with that handle.
 */
export async function migrate(options: MigrateOptions & { target: DatabaseTarget }): Promise<MigrateResult> {
  const { target } = options;
  if (target.engine === "postgres") {
    const client = new Client({ connectionString: target.url, application_name: "duty-ledger-migrate" });
    await client.connect();
    try {
      return await migrateDatabase({ engine: "postgres", client }, options);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  const isMemory = target.dataDir.startsWith("memory://");
  if (!isMemory) refuseIfOpenInThisProcess(target.dataDir);
  const lock = isMemory ? null : acquirePgliteLock(target.dataDir);
  const release = () => lock?.release();
  process.once("exit", release);
  try {
    const pglite = newPglite(target.dataDir);
    try {
      return await migrateDatabase({ engine: "pglite", pglite }, options);
    } finally {
      await pglite.close().catch(() => undefined);
    }
  } finally {
    release();
    process.removeListener("exit", release);
  }
}

/** The folder lock lets its holder in again; a second PGlite on one folder in one process would still corrupt it. */
function refuseIfOpenInThisProcess(dataDir: string): void {
  let holder: LockHolder;
  try {
    holder = JSON.parse(fs.readFileSync(lockPathFor(dataDir), "utf8")) as LockHolder;
  } catch {
    return;
  }
  if (holder.pid === process.pid && holder.hostname === os.hostname()) {
    throw new MigrationError(
      "ALREADY_OPEN_IN_PROCESS",
      `The embedded database at ${path.resolve(dataDir)} is already open in this process; ` +
        `migrate it through that connection (migrateDatabase) instead of opening it twice.`,
    );
  }
}
