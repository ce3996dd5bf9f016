import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./connect";
import { acquirePgliteLock, lockPathFor, PgliteLockedError, type LockHolder } from "./pglite-lock";

const ROOT = path.resolve(__dirname, "../../..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dl-lock-"));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

let count = 0;
function newDataDir(): string {
  return path.join(tmp, `db-${++count}`, "pglite");
}

function runMigrate(dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TSX, "scripts/migrate.ts"],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: `pglite:${dataDir}` }, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

function writeLock(dataDir: string, holder: Partial<LockHolder> | string): void {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const content =
    typeof holder === "string"
      ? holder
      : JSON.stringify({ pid: 1, hostname: os.hostname(), since: new Date().toISOString(), command: "test", ...holder });
  fs.writeFileSync(lockPathFor(dataDir), content);
}

function readLock(dataDir: string): LockHolder {
  return JSON.parse(fs.readFileSync(lockPathFor(dataDir), "utf8")) as LockHolder;
}

/** The pid of a process that has already exited. */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    child.on("error", reject);
    child.on("exit", () => (child.pid ? resolve(child.pid) : reject(new Error("no pid"))));
  });
}

describe("the PGlite data-folder lock", () => {
  it("refuses a second process while the folder is open, frees it on close, then lets it in", async () => {
    const dataDir = newDataDir();
    const server = openDatabase(`pglite:${dataDir}`);
    let refused: Awaited<ReturnType<typeof runMigrate>>;
    let holder: LockHolder;
    try {
      holder = readLock(dataDir);
      expect(holder).toMatchObject({ pid: process.pid, hostname: os.hostname() });
      // The migrate CLI starts while this process (the "server") initialises the folder.
      [refused] = await Promise.all([runMigrate(dataDir), server.pglite?.waitReady]);
    } finally {
      await server.close();
    }
    expect(fs.existsSync(lockPathFor(dataDir))).toBe(false);

    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(new PgliteLockedError(path.resolve(dataDir), holder).message);
    expect(refused.stderr).not.toMatch(/^\s+at /m);
    expect(refused.stdout).not.toMatch(/Applied/);

    const admitted = await runMigrate(dataDir);
    expect(admitted.stderr).toBe("");
    expect(admitted.code).toBe(0);
    expect(admitted.stdout).toMatch(/Applied \d+ migration/);
    // The CLI released its own lock when it closed the database.
    expect(fs.existsSync(lockPathFor(dataDir))).toBe(false);
  });

  it("takes over a stale lock whose holder is dead, and removes it on release", async () => {
    const dataDir = newDataDir();
    writeLock(dataDir, { pid: await deadPid() });

    const lock = acquirePgliteLock(dataDir, "test");
    expect(readLock(dataDir)).toMatchObject({ pid: process.pid, hostname: os.hostname(), command: "test" });
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });

  it("treats a half-written lock file as stale", () => {
    const dataDir = newDataDir();
    writeLock(dataDir, '{"pid": 12');
    const lock = acquirePgliteLock(dataDir);
    expect(readLock(dataDir).pid).toBe(process.pid);
    lock.release();
  });

  it("refuses while the holder lives, and takes over once it has died", async () => {
    const dataDir = newDataDir();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    const exited = new Promise((resolve) => holder.once("exit", resolve));
    try {
      writeLock(dataDir, { pid: holder.pid, command: "next start" });
      expect(() => acquirePgliteLock(dataDir)).toThrow(PgliteLockedError);
      expect(() => acquirePgliteLock(dataDir)).toThrow(new RegExp(`pid ${holder.pid} .*next start`));
    } finally {
      holder.kill();
      await exited;
    }
    const lock = acquirePgliteLock(dataDir);
    expect(readLock(dataDir).pid).toBe(process.pid);
    lock.release();
  });

  it("never takes over a lock held on another host, where it cannot tell whether the holder lives", async () => {
    const dataDir = newDataDir();
    writeLock(dataDir, { pid: await deadPid(), hostname: `${os.hostname()}-elsewhere` });
    expect(() => acquirePgliteLock(dataDir)).toThrow(PgliteLockedError);
    expect(fs.existsSync(lockPathFor(dataDir))).toBe(true);
  });

  it("leaves alone, on release, a lock that another process has taken since", () => {
    const dataDir = newDataDir();
    const lock = acquirePgliteLock(dataDir);
    writeLock(dataDir, { pid: process.ppid, command: "someone else" });
    lock.release();
    expect(readLock(dataDir)).toMatchObject({ pid: process.ppid, command: "someone else" });
  });
});
