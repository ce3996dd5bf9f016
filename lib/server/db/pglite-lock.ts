import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PGlite keeps no lock of its own, and two processes on one data folder
 * corrupt it silently. Every process that opens the folder first takes this
 * lock: a file created with O_EXCL beside the folder, naming its holder.
 * A lock whose holder is gone (same host, process no longer alive) is stale
 * and taken over.
 */
export class PgliteLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database at ${dataDir} is already open in another process ` +
        `(pid ${holder.pid} on ${holder.hostname}, since ${holder.since}: ${holder.command}). ` +
        `Only one process may open an embedded database: stop that process first ` +
        `(a running server, a migrate or a seed), or run on PostgreSQL by setting DATABASE_URL=postgresql://… ` +
        `If you are sure no such process runs, delete ${lockPathFor(dataDir)}.`,
    );
    this.name = "PgliteLockedError";
  }
}

export type LockHolder = { pid: number; hostname: string; since: string; command: string };

export type PgliteLock = { path: string; release: () => void };

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockHolder;
  } catch {
    return null;
  }
}

export function acquirePgliteLock(dataDir: string, command = process.argv.slice(1).join(" ")): PgliteLock {
  const lockPath = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const me: LockHolder = { pid: process.pid, hostname: os.hostname(), since: new Date().toISOString(), command };

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, JSON.stringify(me));
      fs.closeSync(fd);
      return { path: lockPath, release: () => releaseIfMine(lockPath) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockPath);
      // A half-written file or a dead holder on this host: stale.
      const isStale = !holder || (holder.hostname === me.hostname && !isAlive(holder.pid));
      if (holder && holder.pid === process.pid && holder.hostname === me.hostname) {
        return { path: lockPath, release: () => releaseIfMine(lockPath) };
      }
      if (!isStale) throw new PgliteLockedError(dataDir, holder);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new PgliteLockedError(dataDir, readHolder(lockPath) ?? me);
}

function releaseIfMine(lockPath: string): void {
  const holder = readHolder(lockPath);
  if (holder && holder.pid === process.pid && holder.hostname === os.hostname()) {
    fs.rmSync(lockPath, { force: true });
  }
}
