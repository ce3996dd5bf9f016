import "server-only";
import crypto from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/** How much of a file a download holds in memory at once. */
export const READ_CHUNK_BYTES = 256 * 1024;

/** A database client: the app's, or a transaction's so that the bytes commit with their row. */
export type Db = Prisma.TransactionClient | PrismaClient;

/**
 * Where the bytes of evidence files live. The key is the EvidenceFile row's
 * id; the row (name, type, size, SHA-256, uploader) always lives in the
 * database, whichever driver holds the bytes. See docs/evidence-storage.md.
 */
export type EvidenceStorage = {
  readonly driver: "db" | "fs";
  /** Stores the bytes of file row `key` and records on the row where they are. */
  put(db: Db, key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes of file row `key`, or null when this driver holds none. */
  get(db: Db, key: string): Promise<Buffer | null>;
  /**
   * The bytes of file row `key` a piece at a time (at most `chunkBytes` each), so that a reader holds
   * one piece in memory rather than the file; null when this driver holds none.
   */
  read(db: Db, key: string, chunkBytes?: number): Promise<AsyncIterable<Uint8Array> | null>;
  /** Removes the bytes of file row `key`; missing bytes are not an error. */
  delete(db: Db, key: string): Promise<void>;
};

/**
 * The default: the bytes in EvidenceFile.content. Every app instance reads
 * them, and a database backup holds them with everything else.
 */
export const databaseStorage: EvidenceStorage = {
  driver: "db",
  async put(db, key, bytes) {
    await db.evidenceFile.update({ where: { id: key }, data: { content: new Uint8Array(bytes), storageKey: null } });
  },
  async get(db, key) {
    const row = await db.evidenceFile.findUnique({ where: { id: key }, select: { content: true } });
    return row?.content ? Buffer.from(row.content) : null;
  },
  async read(db, key, chunkBytes = READ_CHUNK_BYTES) {
    // The column is stored uncompressed (migration 20261205085226_evidence_chunks), so a piece reads only its own pages.
    const [row] = await db.$queryRaw<{ size: number | null }[]>`SELECT octet_length("content") AS size FROM "EvidenceFile" WHERE "id" = ${key}`;
    const size = row?.size === null || row?.size === undefined ? null : Number(row.size);
    if (size === null) return null;
    return (async function* pieces() {
      for (let from = 0; from < size; from += chunkBytes) {
        const [piece] = await db.$queryRaw<{ part: Uint8Array }[]>`
          SELECT substring("content" FROM ${from + 1}::int FOR ${chunkBytes}::int) AS part FROM "EvidenceFile" WHERE "id" = ${key}`;
        if (!piece) throw new Error(`Evidence file ${key} went away while it was read`);
        yield new Uint8Array(piece.part);
      }
    })();
  },
  async delete(db, key) {
    await db.evidenceFile.updateMany({ where: { id: key }, data: { content: null } });
  },
};

// Keys are ids made by the database (cuids): nothing in them can leave the folder.
const SAFE_KEY = /^[a-z0-9]{8,40}$/i;

/**
 * Files under `dir`, two levels of fan-out by the key's hash so that no
 * folder grows to millions of entries. `dir` must be shared by every app
 * instance (a network volume) and be part of the backups.
 */
export function fileSystemStorage(dir: string): EvidenceStorage {
  const root = path.resolve(/*turbopackIgnore: true*/ dir);
  const relativePath = (key: string) => {
    if (!SAFE_KEY.test(key)) throw new Error("Invalid evidence storage key");
    const hash = crypto.createHash("sha256").update(key).digest("hex");
    return path.join(hash.slice(0, 2), hash.slice(2, 4), key);
  };
  return {
    driver: "fs",
    async put(db, key, bytes) {
      const target = path.join(root, relativePath(key));
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Written aside and renamed, so that a reader never sees half a file.
      const partial = `${target}.${crypto.randomBytes(6).toString("hex")}.partial`;
      await fs.writeFile(partial, bytes, { flag: "wx" });
      await fs.rename(partial, target);
      await db.evidenceFile.update({ where: { id: key }, data: { content: null, storageKey: relativePath(key) } });
    },
    async get(_db, key) {
      try {
        return await fs.readFile(path.join(root, relativePath(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async read(_db, key, chunkBytes = READ_CHUNK_BYTES) {
      const file = path.join(root, relativePath(key));
      try {
        await fs.access(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
      return createReadStream(file, { highWaterMark: chunkBytes }) as AsyncIterable<Uint8Array>;
    },
    async delete(_db, key) {
      await fs.rm(path.join(root, relativePath(key)), { force: true });
    },
  };
}

/** The driver new files go to, as EVIDENCE_STORAGE selects it. */
export function evidenceStorage(): EvidenceStorage {
  const config = env();
  return config.EVIDENCE_STORAGE === "fs" ? fileSystemStorage(config.EVIDENCE_DIR) : databaseStorage;
}

/**
 * The driver that holds an existing file: rows keep working after the
 * setting changes, since each row says where its bytes went.
 */
export function storageOf(row: { storageKey: string | null }): EvidenceStorage {
  return row.storageKey ? fileSystemStorage(env().EVIDENCE_DIR) : databaseStorage;
}
