import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { getEvidenceFileDownload } from "@/lib/server/evidence/read-evidence";
import { addRecordFile, assertRecordTakesFiles, loadFilesOf, loadRecordFiles, RECORD_KINDS, reviseRecordFile } from "@/lib/server/evidence/record-files";
import { getBranchGrading } from "@/lib/server/grading/grading";
import { getMeeting, recordMeeting } from "@/lib/server/grading/meetings";
import { getTourFeedback, recordTourFeedback } from "@/lib/server/inspections/tours";
import { getProject, reviewProject } from "@/lib/server/projects/projects";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { downloaded, elfBytes, pdfBytes, pngBytes } from "@/lib/test/evidence-files";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;

beforeAll(async () => {
  drop = await useSeededDatabase("record-files");
});
afterAll(() => drop());

/** Refused to one who reads the record but does not add to it (a stranger is not found). */
const FORBIDDEN = { code: "forbidden" };

const file = (name = "纪要.pdf", body = "minutes") => ({ name, bytes: pdfBytes(body) });

/** Whether the actor may download the record file's current revision. */
async function reads(actor: Actor, fileId: string): Promise<boolean> {
  return getEvidenceFileDownload(actor, fileId).then(
    async (d) => (await downloaded(d)).length > 0,
    (error: unknown) => {
      if (error instanceof NotFoundError) return false;
      throw error;
    },
  );
}

/** Whether the actor reads the record's own page (its module's read rule). */
async function readsPage(read: () => Promise<unknown>): Promise<boolean> {
  return read().then(
    () => true,
    (error: unknown) => {
      if (error instanceof NotFoundError) return false;
      throw error;
    },
  );
}

describe("files beside records", () => {
  it("keeps a meeting's minutes for those who record its meetings, readable by the meeting's readers alone", async () => {
    const [branch, staff, stranger, supervisor, b1] = await Promise.all([actorFor("u01-branch"), actorFor("u01-staff"), actorFor("u02-staff"), actorFor("supervisor"), orgId("U01-B1")]);
    const { meetingId } = await recordMeeting(branch, { orgId: b1, kind: "ASSEMBLY", heldOn: "2026-10-10", topic: "党员大会", attendees: "张三、李四", attendedCount: 2, absentees: [], minutes: "见附件。" }, TEST_NOW);

    await expect(addRecordFile(stranger, { kind: "meeting", recordId: meetingId, title: "", ...file() })).rejects.toBeInstanceOf(NotFoundError);
    // The committee reads the meeting but records none of the branch's meetings.
    await expect(addRecordFile(supervisor, { kind: "meeting", recordId: meetingId, title: "", ...file() })).rejects.toMatchObject(FORBIDDEN);
    // A refused file leaves no trace.
    await expect(addRecordFile(branch, { kind: "meeting", recordId: meetingId, title: "", name: "run.pdf", bytes: elfBytes() })).rejects.toMatchObject({ fieldErrors: { file: ["unsupportedType"] } });
    expect(await prisma.recordEvidence.count({ where: { meetingId } })).toBe(0);

    const stored = await addRecordFile(branch, { kind: "meeting", recordId: meetingId, title: "", ...file() });
    // The party committee above the branch records its meetings too, and adds to them.
    await addRecordFile(staff, { kind: "meeting", recordId: meetingId, title: "签到表", name: "sign-in.png", bytes: pngBytes() });
    const files = await loadFilesOf("meeting", meetingId);
    expect(files.map((f) => [f.title, f.org.name, f.files[0]?.fileName])).toEqual([
      ["纪要.pdf", "省发展和改革委员会办公室党支部", "纪要.pdf"],
      ["签到表", "省发展和改革委员会办公室党支部", "sign-in.png"],
    ]);
    expect(await prisma.evidence.findUniqueOrThrow({ where: { id: stored.evidenceId }, select: { orgId: true } })).toEqual({ orgId: b1 });

    for (const actor of [branch, staff, supervisor]) expect(await reads(actor, stored.fileId)).toBe(true);
    expect(await reads(stranger, stored.fileId)).toBe(false);
    expect(await readsPage(() => getMeeting(stranger, meetingId))).toBe(false);

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "BranchMeeting", entityId: meetingId, action: "evidence.add" }, orderBy: { createdAt: "asc" } });
    expect(audit.after).toMatchObject({ evidenceId: stored.evidenceId, fileName: "纪要.pdf", sha256: stored.sha256 });
  });

  it("revises a record's file, the old revision kept, and never another record's", async () => {
    const [branch, b1] = await Promise.all([actorFor("u01-branch"), orgId("U01-B1")]);
    const meeting = (topic: string) =>
      recordMeeting(branch, { orgId: b1, kind: "LECTURE", heldOn: "2026-11-01", topic, attendees: "张三", attendedCount: 1, absentees: [], minutes: "见附件。" }, TEST_NOW);
    const [{ meetingId }, { meetingId: otherId }] = [await meeting("党课一"), await meeting("党课二")];
    const first = await addRecordFile(branch, { kind: "meeting", recordId: meetingId, title: "讲稿", ...file("讲稿.pdf", "v1") });
    await expect(reviseRecordFile(branch, { kind: "meeting", recordId: otherId, evidenceId: first.evidenceId, ...file("讲稿.pdf", "v2") })).rejects.toBeInstanceOf(NotFoundError);
    const second = await reviseRecordFile(branch, { kind: "meeting", recordId: meetingId, evidenceId: first.evidenceId, ...file("讲稿-修改.pdf", "v2") });
    expect(second).toMatchObject({ evidenceId: first.evidenceId, revision: 2 });
    const [view] = await loadFilesOf("meeting", meetingId);
    expect(view?.files.map((f) => f.revision)).toEqual([2, 1]);
    expect((await loadRecordFiles("meeting", [meetingId, otherId])).get(otherId)).toEqual([]);
    expect(await prisma.auditLog.count({ where: { entityType: "BranchMeeting", entityId: meetingId, action: "evidence.revise" } })).toBe(1);
  });

  it("keeps a project's progress evidence for its own secretary until the committee's review", async () => {
    const [secretary, staff, otherSecretary, supervisor, u01] = await Promise.all([actorFor("u01-secretary"), actorWithRole("STAFF", "U01"), actorFor("u02-secretary"), actorFor("supervisor"), orgId("U01")]);
    const project = await prisma.secretaryProject.findFirstOrThrow({ where: { orgId: u01 }, select: { id: true, version: true, progress: { select: { id: true }, take: 1 } } });
    const progressId = project.progress[0]!.id;
    // The staff read the project with the ratings but do not keep it.
    await expect(addRecordFile(staff, { kind: "progress", recordId: progressId, title: "", ...file() })).rejects.toMatchObject(FORBIDDEN);
    await expect(addRecordFile(otherSecretary, { kind: "progress", recordId: progressId, title: "", ...file() })).rejects.toBeInstanceOf(NotFoundError);
    const stored = await addRecordFile(secretary, { kind: "progress", recordId: progressId, title: "调研报告", ...file("report.pdf") });
    for (const actor of [secretary, staff, supervisor]) expect(await reads(actor, stored.fileId)).toBe(true);
    expect(await reads(otherSecretary, stored.fileId)).toBe(false);
    expect(await readsPage(() => getProject(otherSecretary, project.id, TEST_NOW))).toBe(false);

    await reviewProject(supervisor, { projectId: project.id, expectedVersion: project.version, outcome: "DONE", comment: "按期完成。" }, TEST_NOW);
    await expect(addRecordFile(secretary, { kind: "progress", recordId: progressId, title: "", ...file() })).rejects.toMatchObject({ fieldErrors: { projectId: ["projectReviewed"] } });
    await expect(reviseRecordFile(secretary, { kind: "progress", recordId: progressId, evidenceId: stored.evidenceId, ...file() })).rejects.toBeInstanceOf(ValidationError);
    expect(await prisma.recordEvidence.count({ where: { progressId } })).toBe(1);
  });

  it("keeps a tour's feedback document for the committee, readable by the unit answering it", async () => {
    const [supervisor, inspector] = await Promise.all([actorFor("supervisor"), actorFor("inspector")]);
    const [unitSecretary, otherSecretary, categoryId] = await Promise.all([
      actorFor("u03-secretary"),
      actorFor("u02-secretary"),
      prisma.findingCategory.findFirstOrThrow({ where: { isActive: true }, select: { id: true } }).then((c) => c.id),
    ]);
    const { tourId } = await recordTourFeedback(
      supervisor,
      {
        orgId: await orgId("U03"),
        kind: "PROVINCIAL",
        tourName: "省委第三巡视组",
        receivedOn: "2026-10-15",
        documentNo: "省委巡视反馈〔2026〕3号",
        summary: "党组落实全面从严治党主体责任有差距。",
        problems: [{ text: "选人用人程序不规范", categoryId, severity: "HIGH", deadline: "2027-01-15" }],
      },
      TEST_NOW,
    );
    const tour = { id: tourId };
    await expect(addRecordFile(unitSecretary, { kind: "tour", recordId: tour.id, title: "", ...file() })).rejects.toMatchObject(FORBIDDEN);
    await expect(addRecordFile(otherSecretary, { kind: "tour", recordId: tour.id, title: "", ...file() })).rejects.toBeInstanceOf(NotFoundError);
    const stored = await addRecordFile(supervisor, { kind: "tour", recordId: tour.id, title: "巡视反馈意见", ...file("feedback.pdf") });
    expect((await getTourFeedback(supervisor, tour.id)).canAddFiles).toBe(true);
    expect((await getTourFeedback(unitSecretary, tour.id)).canAddFiles).toBe(false);
    for (const actor of [supervisor, unitSecretary]) expect(await reads(actor, stored.fileId)).toBe(true);
    expect(await readsPage(() => getTourFeedback(otherSecretary, tour.id))).toBe(false);
    expect(await reads(otherSecretary, stored.fileId)).toBe(false);
    // The inspection group reads the unit's evidence, as it reads its checklists, but adds nothing to the committee's feedback.
    await expect(addRecordFile(inspector, { kind: "tour", recordId: tour.id, title: "", ...file() })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps a grade's evidence: the party committee above while it proposes, the working committee at any time", async () => {
    const [staff, branch, supervisor, stranger, b3, b1] = await Promise.all([
      actorFor("u02-staff"),
      actorWithRole("SECRETARY", "U02-B3"),
      actorFor("supervisor"),
      actorFor("u01-staff"),
      orgId("U02-B3"),
      orgId("U02-B1"),
    ]);
    const grade = (org: string) => prisma.branchGrade.findUniqueOrThrow({ where: { orgId_year: { orgId: org, year: 2026 } }, select: { id: true, rank: true } });
    const [awaiting, confirmed] = await Promise.all([grade(b3), grade(b1)]);
    expect([awaiting.rank, confirmed.rank]).toEqual([null, 1]);

    // The branch reads its grade but does not grade itself.
    await expect(addRecordFile(branch, { kind: "grade", recordId: awaiting.id, title: "", ...file() })).rejects.toMatchObject(FORBIDDEN);
    await expect(addRecordFile(stranger, { kind: "grade", recordId: awaiting.id, title: "", ...file() })).rejects.toBeInstanceOf(NotFoundError);
    const stored = await addRecordFile(staff, { kind: "grade", recordId: awaiting.id, title: "支部工作台账", ...file("ledger.pdf") });
    await expect(assertRecordTakesFiles(staff, "grade", confirmed.id)).rejects.toMatchObject({ fieldErrors: { gradeId: ["gradeConfirmed"] } });
    await addRecordFile(supervisor, { kind: "grade", recordId: confirmed.id, title: "督查记录", ...file("check.pdf") });

    expect((await getBranchGrading(staff, b3, 2026, "zh")).canAddFiles).toBe(true);
    expect((await getBranchGrading(staff, b1, 2026, "zh")).canAddFiles).toBe(false);
    expect((await getBranchGrading(branch, b3, 2026, "zh")).canAddFiles).toBe(false);
    expect((await getBranchGrading(supervisor, b1, 2026, "zh")).canAddFiles).toBe(true);
    for (const actor of [staff, branch, supervisor]) expect(await reads(actor, stored.fileId)).toBe(true);
    expect(await reads(stranger, stored.fileId)).toBe(false);
  });

  it("holds exactly one record per file, in the database itself", async () => {
    const [meeting, grade] = await Promise.all([prisma.branchMeeting.findFirstOrThrow({ select: { id: true } }), prisma.branchGrade.findFirstOrThrow({ select: { id: true } })]);
    const evidence = await prisma.evidence.create({ data: { orgId: await orgId("U01"), kind: "FILE", title: "x" }, select: { id: true } });
    await expect(prisma.recordEvidence.create({ data: { evidenceId: evidence.id, meetingId: meeting.id, gradeId: grade.id } })).rejects.toThrow();
    await expect(prisma.recordEvidence.create({ data: { evidenceId: evidence.id } })).rejects.toThrow();
  });

  it("refuses an unknown or malformed record id as not found", async () => {
    const supervisor = await actorFor("supervisor");
    for (const kind of RECORD_KINDS) {
      await expect(assertRecordTakesFiles(supervisor, kind, "c0000000000000000000000000")).rejects.toBeInstanceOf(NotFoundError);
      await expect(assertRecordTakesFiles(supervisor, kind, "../etc")).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
