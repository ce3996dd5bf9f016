import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { authorize } from "@/lib/server/access/authorize";
import { listEntityHistory } from "@/lib/server/audit/list-entity-history";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { countItemEvidence, hasItemEvidence } from "@/lib/server/evidence/count-item-evidence";
import { getEvidenceFileDownload, getItemEvidence } from "@/lib/server/evidence/read-evidence";
import { fileSystemStorage, type EvidenceStorage } from "@/lib/server/evidence/storage";
import { readUploadForm } from "@/lib/server/upload-request";
import { addEvidence, addFileEvidence, attachEvidence, detachEvidence, reviseEvidenceFile } from "@/lib/server/evidence/write-evidence";
import { actorFor, orgId } from "@/lib/test/actors";
import { docxBytes, downloaded, elfBytes, pdfBytes, pngBytes, xlsxBytes } from "@/lib/test/evidence-files";
import { useSeededDatabase } from "@/lib/test/seeded-database";
import { ZAddEvidence } from "@/lib/validation/evidence";

let drop: () => Promise<void>;
let secretary: Actor;
let branch: Actor;
let staff: Actor;
let foreigner: Actor;
let supervisor: Actor;

beforeAll(async () => {
  drop = await useSeededDatabase("evidence");
  [secretary, branch, staff, foreigner, supervisor] = await Promise.all([
    actorFor("u01-secretary"),
    actorFor("u01-branch"),
    actorFor("u01-staff"),
    actorFor("u02-secretary"),
    actorFor("supervisor"),
  ]);
});
afterAll(() => drop());
afterEach(() => {
  delete process.env.EVIDENCE_MAX_MB;
  delete process.env.EVIDENCE_STORAGE;
  delete process.env.EVIDENCE_DIR;
});

const taken = new Map<string, number>();
/** An item of the organization that no other test has used, made open and undelegated. */
async function freshItem(code: string): Promise<string> {
  const skip = taken.get(code) ?? 0;
  taken.set(code, skip + 1);
  const { id } = await prisma.checklistItem.findFirstOrThrow({ where: { org: { code } }, orderBy: { id: "asc" }, skip, select: { id: true } });
  await prisma.checklistItem.update({
    where: { id },
    data: { status: "NOT_STARTED", completedAt: null, completedById: null, delegatedOrgId: null, delegatedToId: null },
  });
  return id;
}

async function fieldError(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ValidationError) return Object.values(error.fieldErrors)[0]?.[0];
    throw error;
  }
  return "no error";
}

const evidenceActions = async (itemId: string) =>
  (await listEntityHistory("ChecklistItem", itemId)).map((h) => h.action).filter((a) => a.startsWith("evidence."));

const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");

async function counts() {
  const [evidence, files, links, audit] = await Promise.all([
    prisma.evidence.count(),
    prisma.evidenceFile.count(),
    prisma.itemEvidence.count(),
    prisma.auditLog.count({ where: { action: { startsWith: "evidence." } } }),
  ]);
  return { evidence, files, links, audit };
}

const text = (itemId: string, title = "支部委员会会议记录") => ({ itemId, kind: "TEXT" as const, title, text: "2026年11月3日召开，7人出席。" });

describe("file evidence", () => {
  it("adds a file to an item; its readers list and download it, with name, size, hash and uploader", async () => {
    const itemId = await freshItem("U01");
    const bytes = pdfBytes("meeting");
    const stored = await addFileEvidence(secretary, { itemId, title: "", name: "C:\\fakepath\\三会一课记录.pdf", bytes });
    expect(stored).toMatchObject({ revision: 1, fileName: "三会一课记录.pdf", sha256: sha256(bytes) });

    // A supervisor above reads it but may not change it.
    const seen = await getItemEvidence(supervisor, itemId);
    expect(seen).toMatchObject({ isOpen: true, canWrite: false });
    expect(seen.attachable).toEqual([]);
    expect(seen.entries).toHaveLength(1);
    expect(seen.entries[0]).toMatchObject({ kind: "FILE", title: "三会一课记录.pdf", createdBy: secretary.name });
    expect(seen.entries[0]!.files).toEqual([
      expect.objectContaining({ revision: 1, fileName: "三会一课记录.pdf", mediaType: "application/pdf", size: bytes.length, sha256: sha256(bytes), uploadedBy: secretary.name }),
    ]);
    const download = await getEvidenceFileDownload(supervisor, stored.fileId);
    expect(download).toMatchObject({ fileName: "三会一课记录.pdf", mediaType: "application/pdf" });
    expect(await downloaded(download)).toEqual(bytes);

    expect((await getItemEvidence(secretary, itemId)).canWrite).toBe(true);
    expect(await countItemEvidence(prisma, itemId)).toBe(1);
    expect(await hasItemEvidence(prisma, itemId)).toBe(true);
    expect((await listEntityHistory("ChecklistItem", itemId))[0]).toMatchObject({ action: "evidence.add", actorName: secretary.name });
  });

  it("accepts Word, Excel and images under their own names", async () => {
    // Staff hold their role on the organ party committee and work on its items.
    const staffItem = await freshItem("U01-OPC");
    await addFileEvidence(staff, { itemId: staffItem, title: "述职报告", name: "述职报告.docx", bytes: docxBytes() });
    await addFileEvidence(staff, { itemId: staffItem, title: "", name: "台账.xlsx", bytes: await xlsxBytes() });
    await addFileEvidence(staff, { itemId: staffItem, title: "", name: "现场照片.png", bytes: pngBytes() });
    const kinds = (await getItemEvidence(staff, staffItem)).entries.map((e) => e.files[0]?.mediaType);
    expect(kinds).toEqual([
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "image/png",
    ]);
  });

  it("refuses a file whose content is not allowed or contradicts its name, storing nothing", async () => {
    const itemId = await freshItem("U01");
    const before = await counts();
    expect(await fieldError(addFileEvidence(secretary, { itemId, title: "", name: "scan.png", bytes: pdfBytes() }))).toBe("typeMismatch");
    expect(await fieldError(addFileEvidence(secretary, { itemId, title: "", name: "report.pdf", bytes: elfBytes() }))).toBe("unsupportedType");
    expect(await counts()).toEqual(before);
  });

  it("refuses a file over the configured limit with nothing stored", async () => {
    process.env.EVIDENCE_MAX_MB = "0.01";
    const itemId = await freshItem("U01");
    const before = await counts();
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(20 * 1024)]);
    expect(await fieldError(addFileEvidence(secretary, { itemId, title: "大文件", name: "big.pdf", bytes: big }))).toBe("tooLarge");
    expect(await counts()).toEqual(before);
    expect((await getItemEvidence(secretary, itemId)).maxBytes).toBe(Math.floor(0.01 * 1024 * 1024));
  });

  it("keeps every revision of a replaced file, each with its own hash, each still downloadable", async () => {
    const itemId = await freshItem("U01");
    const versions = [pdfBytes("draft"), pdfBytes("signed"), pdfBytes("signed and stamped")];
    const first = await addFileEvidence(secretary, { itemId, title: "整改方案", name: "方案.pdf", bytes: versions[0]! });
    const second = await reviseEvidenceFile(secretary, { itemId, evidenceId: first.evidenceId, name: "方案(签字).pdf", bytes: versions[1]! });
    const third = await reviseEvidenceFile(staff, { itemId, evidenceId: first.evidenceId, name: "x.pdf", bytes: versions[2]! }).catch((e: unknown) => e);
    // Staff hold no role over the party group's items; the secretary replaces it again.
    expect(third).toBeInstanceOf(NotFoundError);
    const last = await reviseEvidenceFile(secretary, { itemId, evidenceId: first.evidenceId, name: "方案(盖章).pdf", bytes: versions[2]! });
    expect([first.revision, second.revision, last.revision]).toEqual([1, 2, 3]);

    const [entry] = (await getItemEvidence(secretary, itemId)).entries;
    expect(entry!.title).toBe("整改方案");
    expect(entry!.files.map((f) => [f.revision, f.fileName, f.sha256])).toEqual([
      [3, "方案(盖章).pdf", sha256(versions[2]!)],
      [2, "方案(签字).pdf", sha256(versions[1]!)],
      [1, "方案.pdf", sha256(versions[0]!)],
    ]);
    for (const [i, file] of [first, second, last].entries()) {
      expect(await downloaded(await getEvidenceFileDownload(secretary, file.fileId))).toEqual(versions[i]);
    }
    expect(await evidenceActions(itemId)).toEqual(["evidence.revise", "evidence.revise", "evidence.add"]);
  });

  it("replaces only a file attached to the item, with a file of an allowed type", async () => {
    const itemId = await freshItem("U01");
    const other = await freshItem("U01");
    const file = await addFileEvidence(secretary, { itemId, title: "", name: "a.pdf", bytes: pdfBytes() });
    const note = await addEvidence(secretary, text(itemId));
    await expect(reviseEvidenceFile(secretary, { itemId: other, evidenceId: file.evidenceId, name: "b.pdf", bytes: pdfBytes("b") })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await fieldError(reviseEvidenceFile(secretary, { itemId, evidenceId: note.evidenceId, name: "b.pdf", bytes: pdfBytes("b") }))).toBe("notAFile");
    expect(await fieldError(reviseEvidenceFile(secretary, { itemId, evidenceId: file.evidenceId, name: "b.pdf", bytes: elfBytes() }))).toBe(
      "unsupportedType",
    );
    expect(await prisma.evidenceFile.count({ where: { evidenceId: file.evidenceId } })).toBe(1);
  });
});

describe("the upload body", () => {
  const upload = (bytes: number, headers: Record<string, string> = {}) => {
    const form = new FormData();
    form.set("title", "会议照片");
    form.set("file", new File([Buffer.alloc(bytes)], "photo.png", { type: "image/png" }));
    return new Request("http://localhost/api/duties/x/evidence", { method: "POST", body: form, headers });
  };

  it("refuses a 25 MB upload under the default 20 MB limit, declared or not", async () => {
    const maxBytes = 20 * 1024 * 1024;
    expect(await fieldError(readUploadForm(upload(25 * 1024 * 1024), maxBytes))).toBe("tooLarge");
    expect(await fieldError(readUploadForm(upload(25 * 1024 * 1024, { "content-length": String(26 * 1024 * 1024) }), maxBytes))).toBe("tooLarge");
  });

  it("reads an upload within the limit", async () => {
    const form = await readUploadForm(upload(1000), 2000);
    expect(form.get("title")).toBe("会议照片");
    const file = form.get("file");
    expect(file).toBeInstanceOf(File);
    expect((file as File).size).toBe(1000);
  });
});

describe("reuse", () => {
  it("lets one meeting record back two duties; detaching it from one keeps it on the other", async () => {
    const [a, b] = [await freshItem("U01"), await freshItem("U01")];
    const { evidenceId } = await addEvidence(secretary, text(a));
    expect((await getItemEvidence(secretary, b)).attachable.map((e) => e.id)).toContain(evidenceId);

    await attachEvidence(secretary, { itemId: b, evidenceId });
    expect((await getItemEvidence(secretary, b)).attachable.map((e) => e.id)).not.toContain(evidenceId);
    expect(await fieldError(attachEvidence(secretary, { itemId: b, evidenceId }))).toBe("alreadyAttached");
    expect([await countItemEvidence(prisma, a), await countItemEvidence(prisma, b)]).toEqual([1, 1]);

    await detachEvidence(secretary, { itemId: a, evidenceId });
    expect([await countItemEvidence(prisma, a), await countItemEvidence(prisma, b)]).toEqual([0, 1]);
    expect((await getItemEvidence(secretary, b)).entries.map((e) => e.id)).toEqual([evidenceId]);
    // The piece stays with its organization, ready to be attached again.
    expect((await getItemEvidence(secretary, a)).attachable.map((e) => e.id)).toContain(evidenceId);
    await expect(detachEvidence(secretary, { itemId: a, evidenceId })).rejects.toBeInstanceOf(NotFoundError);

    expect(await evidenceActions(a)).toEqual(["evidence.detach", "evidence.add"]);
    expect(await evidenceActions(b)).toEqual(["evidence.attach"]);
  });

  it("records a replaced file in the history of every item the piece backs, settled ones too", async () => {
    const [a, b] = [await freshItem("U01"), await freshItem("U01")];
    const file = await addFileEvidence(secretary, { itemId: a, title: "党组会议纪要", name: "纪要.pdf", bytes: pdfBytes("v1") });
    await attachEvidence(secretary, { itemId: b, evidenceId: file.evidenceId });
    await prisma.checklistItem.update({ where: { id: b }, data: { status: "DONE" } });
    await reviseEvidenceFile(secretary, { itemId: a, evidenceId: file.evidenceId, name: "纪要.pdf", bytes: pdfBytes("v2") });
    expect(await evidenceActions(a)).toEqual(["evidence.revise", "evidence.add"]);
    const [revised] = await listEntityHistory("ChecklistItem", b);
    expect(revised).toMatchObject({ action: "evidence.revise", after: expect.objectContaining({ revision: 2, viaItemId: a }) });
  });

  it("keeps links as links, and only web links", async () => {
    const itemId = await freshItem("U01");
    await addEvidence(secretary, { itemId, kind: "LINK", title: "学习强国专题", url: "https://www.xuexi.cn/" });
    expect((await getItemEvidence(secretary, itemId)).entries[0]).toMatchObject({ kind: "LINK", url: "https://www.xuexi.cn/", text: null });
    const link = (url: string) => ZAddEvidence.safeParse({ itemId, kind: "LINK", title: "链接", url });
    for (const url of ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "www.example.com"]) {
      expect(link(url).error?.issues[0]?.message, url).toBe("invalidUrl");
    }
    expect(link("http://example.com/a?b=1").success).toBe(true);
  });
});

describe("scope", () => {
  it("hides another unit's evidence: no listing, download, attach or detach", async () => {
    const itemId = await freshItem("U01");
    const { evidenceId } = await addEvidence(secretary, text(itemId));
    const file = await addFileEvidence(secretary, { itemId, title: "", name: "记录.pdf", bytes: pdfBytes() });
    const theirs = await freshItem("U02");
    const before = await counts();

    await expect(getItemEvidence(foreigner, itemId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getEvidenceFileDownload(foreigner, file.fileId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(attachEvidence(foreigner, { itemId: theirs, evidenceId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(attachEvidence(foreigner, { itemId, evidenceId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(detachEvidence(foreigner, { itemId, evidenceId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(addEvidence(foreigner, text(itemId))).rejects.toBeInstanceOf(NotFoundError);
    await expect(reviseEvidenceFile(foreigner, { itemId, evidenceId: file.evidenceId, name: "x.pdf", bytes: pdfBytes() })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await getItemEvidence(foreigner, theirs)).attachable.map((e) => e.id)).not.toContain(evidenceId);
    // A reader who may not write does not attach either.
    await expect(attachEvidence(supervisor, { itemId, evidenceId })).rejects.toBeInstanceOf(NotFoundError);
    expect(await counts()).toEqual(before);

    await expect(authorize(foreigner, "action:attachEvidence", { itemId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(authorize(foreigner, "route:/api/checklists/[itemId]/evidence", { itemId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(authorize(supervisor, "action:addEvidence", { itemId })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets the delegate add, read and download while the item is delegated, and not after", async () => {
    const itemId = await freshItem("U01");
    const file = await addFileEvidence(secretary, { itemId, title: "", name: "记录.pdf", bytes: pdfBytes() });
    await expect(getEvidenceFileDownload(branch, file.fileId)).rejects.toBeInstanceOf(NotFoundError);

    await prisma.checklistItem.update({ where: { id: itemId }, data: { delegatedOrgId: await orgId("U01-B1") } });
    await expect(authorize(branch, "action:addEvidence", { itemId })).resolves.toBe(branch);
    const own = await addFileEvidence(branch, { itemId, title: "支部学习照片", name: "photo.png", bytes: pngBytes() });
    expect(await downloaded(await getEvidenceFileDownload(branch, file.fileId))).toEqual(pdfBytes());
    const panel = await getItemEvidence(branch, itemId);
    expect(panel.canWrite).toBe(true);
    expect(panel.entries.map((e) => e.title)).toEqual(["记录.pdf", "支部学习照片"]);

    await prisma.checklistItem.update({ where: { id: itemId }, data: { delegatedOrgId: null } });
    await expect(getEvidenceFileDownload(branch, file.fileId)).rejects.toBeInstanceOf(NotFoundError);
    // What the branch uploaded belongs to the item's organization, which keeps it.
    expect((await getEvidenceFileDownload(secretary, own.fileId)).mediaType).toBe("image/png");
  });
});

describe("closed items", () => {
  it("refuses every evidence change once the item is submitted or done, writing nothing", async () => {
    const itemId = await freshItem("U01");
    const { evidenceId } = await addEvidence(secretary, text(itemId));
    const file = await addFileEvidence(secretary, { itemId, title: "", name: "a.pdf", bytes: pdfBytes() });
    const spare = await addEvidence(secretary, text(await freshItem("U01"), "另一份记录"));
    const done = await freshItem("U01");
    await prisma.checklistItem.update({ where: { id: done }, data: { status: "DONE" } });

    for (const closed of [itemId, done]) {
      if (closed === itemId) await prisma.checklistItem.update({ where: { id: itemId }, data: { status: "SUBMITTED" } });
      const before = await counts();
      expect(await fieldError(addEvidence(secretary, text(closed)))).toBe("closed");
      expect(await fieldError(addFileEvidence(secretary, { itemId: closed, title: "", name: "b.pdf", bytes: pdfBytes() }))).toBe("closed");
      expect(await fieldError(attachEvidence(secretary, { itemId: closed, evidenceId: spare.evidenceId }))).toBe("closed");
      expect(await counts()).toEqual(before);
    }
    expect(await fieldError(detachEvidence(secretary, { itemId, evidenceId }))).toBe("closed");
    expect(await fieldError(reviseEvidenceFile(secretary, { itemId, evidenceId: file.evidenceId, name: "b.pdf", bytes: pdfBytes("b") }))).toBe("closed");
    expect(await countItemEvidence(prisma, itemId)).toBe(2);
    const panel = await getItemEvidence(secretary, itemId);
    expect(panel).toMatchObject({ isOpen: false, canWrite: false, attachable: [] });
    expect(panel.entries).toHaveLength(2);
  });
});

describe("the file system driver", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "evidence-fs-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const filesUnder = (root: string): string[] =>
    fs.readdirSync(root, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(path.join(root, d.name)) : [d.name]));

  it("stores new files under EVIDENCE_DIR and serves them from there", async () => {
    process.env.EVIDENCE_STORAGE = "fs";
    process.env.EVIDENCE_DIR = dir;
    const itemId = await freshItem("U01");
    const stored = await addFileEvidence(secretary, { itemId, title: "", name: "纪要.docx", bytes: docxBytes("纪要") });
    const row = await prisma.evidenceFile.findUniqueOrThrow({ where: { id: stored.fileId }, select: { content: true, storageKey: true } });
    expect(row.content).toBeNull();
    expect(filesUnder(dir)).toEqual([stored.fileId]);
    expect(await downloaded(await getEvidenceFileDownload(secretary, stored.fileId))).toEqual(docxBytes("纪要"));
  });

  it("removes the written file when the transaction fails after writing it", async () => {
    const failing: EvidenceStorage = {
      ...fileSystemStorage(dir),
      async put(db, key, bytes) {
        await fileSystemStorage(dir).put(db, key, bytes);
        throw new Error("disk full, say");
      },
    };
    const itemId = await freshItem("U01");
    const before = { ...(await counts()), onDisk: filesUnder(dir).length };
    await expect(addFileEvidence(secretary, { itemId, title: "", name: "a.pdf", bytes: pdfBytes() }, { storage: failing })).rejects.toThrow("disk full");
    expect({ ...(await counts()), onDisk: filesUnder(dir).length }).toEqual(before);
  });
});
