import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { databaseStorage, evidenceStorage, fileSystemStorage, storageOf, type EvidenceStorage } from "@/lib/server/evidence/storage";
import { getEvidenceFileDownload } from "@/lib/server/evidence/read-evidence";
import { actorFor, orgId } from "@/lib/test/actors";
import { downloaded, pdfBytes } from "@/lib/test/evidence-files";
import { useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let dir: string;

beforeAll(async () => {
  drop = await useSeededDatabase("evidence-storage");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "evidence-storage-"));
});
afterAll(async () => {
  await drop();
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.EVIDENCE_STORAGE;
  delete process.env.EVIDENCE_DIR;
});

/** A file row without bytes, as the domain layer creates it before calling put. */
async function fileRow(): Promise<string> {
  const evidence = await prisma.evidence.create({ data: { orgId: await orgId("U01"), kind: "FILE", title: "记录" }, select: { id: true } });
  const file = await prisma.evidenceFile.create({
    data: { evidenceId: evidence.id, revision: 1, fileName: "记录.pdf", mediaType: "application/pdf", size: 0, sha256: "-" },
    select: { id: true },
  });
  return file.id;
}

async function roundTrip(storage: EvidenceStorage) {
  const key = await fileRow();
  const bytes = pdfBytes("round trip");
  expect(await storage.get(prisma, key)).toBeNull();
  await storage.put(prisma, key, bytes);
  expect(await storage.get(prisma, key)).toEqual(bytes);
  const row = await prisma.evidenceFile.findUniqueOrThrow({ where: { id: key }, select: { content: true, storageKey: true } });
  // Whichever driver wrote them, the row says where the bytes are.
  expect(storageOf(row).driver).toBe(storage.driver);
  await storage.delete(prisma, key);
  expect(await storage.get(prisma, key)).toBeNull();
  // Deleting what is gone is not an error.
  await storage.delete(prisma, key);
  return { key, row };
}

describe("the evidence storage drivers", () => {
  it("database: keeps the bytes in the file row", async () => {
    const { row } = await roundTrip(databaseStorage);
    expect(row.content).toEqual(new Uint8Array(pdfBytes("round trip")));
    expect(row.storageKey).toBeNull();
  });

  it("file system: keeps the bytes in a file under the configured folder and only its key in the row", async () => {
    process.env.EVIDENCE_DIR = dir;
    const storage = fileSystemStorage(dir);
    const key = await fileRow();
    await storage.put(prisma, key, pdfBytes("on disk"));
    const row = await prisma.evidenceFile.findUniqueOrThrow({ where: { id: key }, select: { content: true, storageKey: true } });
    expect(row.content).toBeNull();
    expect(row.storageKey).toMatch(new RegExp(`^[0-9a-f]{2}[/\\\\][0-9a-f]{2}[/\\\\]${key}$`));
    expect(fs.readFileSync(path.join(dir, row.storageKey!))).toEqual(pdfBytes("on disk"));
    // No partial files are left beside it.
    expect(fs.readdirSync(path.dirname(path.join(dir, row.storageKey!)))).toEqual([key]);
    await roundTrip(storage);
  });

  it("file system: refuses keys that could leave the folder", async () => {
    const storage = fileSystemStorage(dir);
    await expect(storage.put(prisma, "../../etc/passwd", pdfBytes())).rejects.toThrow(/key/);
    await expect(storage.get(prisma, "..")).rejects.toThrow(/key/);
  });

  it.each([
    ["database", () => databaseStorage],
    ["file system", () => fileSystemStorage(dir)],
  ])("%s: reads a file a piece at a time, the pieces adding up to the bytes", async (_name, driver) => {
    const storage = driver();
    const key = await fileRow();
    expect(await storage.read(prisma, key, 1024)).toBeNull();
    const bytes = Buffer.concat([pdfBytes("pieces"), crypto.randomBytes(10_000)]);
    await storage.put(prisma, key, bytes);
    const pieces: Uint8Array[] = [];
    for await (const piece of (await storage.read(prisma, key, 1024))!) pieces.push(piece);
    expect(pieces.length).toBe(Math.ceil(bytes.length / 1024));
    expect(pieces.every((p) => p.length <= 1024)).toBe(true);
    expect(Buffer.concat(pieces)).toEqual(bytes);
  });

  it("serves a download as a stream only once its bytes match their SHA-256, and refuses altered bytes", async () => {
    const admin = await actorFor("admin");
    const key = await fileRow();
    const bytes = Buffer.concat([pdfBytes("download"), crypto.randomBytes(5_000)]);
    await prisma.evidenceFile.update({ where: { id: key }, data: { size: bytes.length, sha256: crypto.createHash("sha256").update(bytes).digest("hex") } });
    await databaseStorage.put(prisma, key, bytes);
    const download = await getEvidenceFileDownload(admin, key, { chunkBytes: 512 });
    expect(download.size).toBe(bytes.length);
    expect(await downloaded(download)).toEqual(bytes);
    // One byte changed in the store: refused before anything is served.
    const altered = Buffer.from(bytes);
    altered.writeUInt8(altered.readUInt8(altered.length - 1) ^ 0xff, altered.length - 1);
    await prisma.evidenceFile.update({ where: { id: key }, data: { content: new Uint8Array(altered) } });
    await expect(getEvidenceFileDownload(admin, key, { chunkBytes: 512 })).rejects.toThrow(/SHA-256/);
  });

  it("is chosen by EVIDENCE_STORAGE, the database by default", () => {
    delete process.env.EVIDENCE_STORAGE;
    expect(evidenceStorage().driver).toBe("db");
    process.env.EVIDENCE_STORAGE = "fs";
    expect(evidenceStorage().driver).toBe("fs");
    process.env.EVIDENCE_STORAGE = "s3";
    expect(() => evidenceStorage()).toThrow(/EVIDENCE_STORAGE/);
    delete process.env.EVIDENCE_STORAGE;
  });
});
