import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { missingMeetings, quarterDays } from "@/lib/grading/meetings";
import { prisma } from "@/lib/server/db";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import { bringMeetingToDuty, branchMeetings, correctMeeting, getMeeting, meetingTally, recordMeeting, removeMeeting, writeMeetingWorkbook } from "@/lib/server/grading/meetings";
import { actorFor, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { firstSheetRows, zhTranslator } from "@/lib/test/workbooks";
import type { TRecordMeeting } from "@/lib/validation/grading";

let drop: () => Promise<void>;

beforeAll(async () => {
  drop = await useSeededDatabase("meetings");
  // Without the demo's meetings: every meeting below is recorded by the test.
  await prisma.branchMeeting.deleteMany();
});
afterAll(() => drop());

function meeting(orgId: string, kind: TRecordMeeting["kind"], heldOn: string): TRecordMeeting {
  return { orgId, kind, heldOn, topic: "学习贯彻党的二十届四中全会精神", attendees: "张三、李四、王五", attendedCount: 3, absentees: [{ name: "赵六", reason: "出差" }], minutes: "传达学习会议精神，结合实际研究贯彻措施。" };
}

describe("organizational life", () => {
  it("is recorded by the branch or the party committee above it, on a day gone by", async () => {
    const [branch, staff, stranger, b1] = await Promise.all([actorFor("u01-branch"), actorFor("u01-staff"), actorFor("u02-staff"), orgId("U01-B1")]);
    await expect(recordMeeting(stranger, meeting(b1, "ASSEMBLY", "2026-10-10"), TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordMeeting(staff, meeting(await orgId("U01-OPC"), "ASSEMBLY", "2026-10-10"), TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordMeeting(branch, meeting(b1, "ASSEMBLY", "2026-11-26"), TEST_NOW)).rejects.toMatchObject({ fieldErrors: { heldOn: ["heldInFuture"] } });
    const { meetingId } = await recordMeeting(branch, meeting(b1, "ASSEMBLY", "2026-10-10"), TEST_NOW);
    await recordMeeting(staff, meeting(b1, "LECTURE", "2026-11-05"), TEST_NOW);
    const record = await getMeeting(staff, meetingId);
    expect(record).toMatchObject({ kind: "ASSEMBLY", attendedCount: 3, absentees: [{ name: "赵六", reason: "出差" }] });
    await expect(getMeeting(stranger, meetingId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.auditLog.count({ where: { entityType: "BranchMeeting" } })).toBe(2);
  });

  it("shows per branch and quarter which required meetings are missing, the most missing first", async () => {
    const [branch, supervisor, b1] = await Promise.all([actorFor("u01-branch"), actorFor("supervisor"), orgId("U01-B1")]);
    for (const day of ["2026-10-15", "2026-11-15", "2026-11-24"]) await recordMeeting(branch, meeting(b1, "COMMITTEE", day), TEST_NOW);
    await recordMeeting(branch, meeting(b1, "GROUP", "2026-10-20"), TEST_NOW);
    // The third quarter's meeting counts in its own quarter only.
    await recordMeeting(branch, meeting(b1, "THEMED_DAY", "2026-09-30"), TEST_NOW);

    const q4 = await branchMeetings(branch, b1, 2026, 4);
    expect(q4.held).toEqual({ ASSEMBLY: 1, LECTURE: 1, COMMITTEE: 3, GROUP: 1 });
    expect(q4.missing).toEqual({ ASSEMBLY: 0, COMMITTEE: 0, GROUP: 2, LECTURE: 0, THEMED_DAY: 3 });
    expect((await branchMeetings(branch, b1, 2026, 3)).missing.THEMED_DAY).toBe(2);

    const tally = await meetingTally(supervisor, { year: 2026, quarter: 4 }, TEST_NOW);
    const branches = await prisma.org.count({ where: { type: "BRANCH", closedAt: null } });
    expect([tally.branches, tally.short]).toEqual([branches, branches]);
    const mine = tally.rows.find((r) => r.orgId === b1)!;
    expect([mine.held.COMMITTEE, mine.missing]).toEqual([3, 5]);
    // Every other branch misses all eleven, and comes first.
    expect(tally.rows[0]!.missing).toBe(11);
    const all = await meetingTally(supervisor, { year: 2026, quarter: 4, all: true }, TEST_NOW);
    expect([all.rows.length, all.rows.at(-1)!.orgId]).toEqual([branches, b1]);
    // The branch's own reader sees its own branch alone.
    expect((await meetingTally(branch, { year: 2026, quarter: 4 }, TEST_NOW)).rows.map((r) => r.orgId)).toEqual([b1]);
    await expect(meetingTally(branch, { year: 2026, quarter: 4, root: await orgId("U02") }, TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);

    const { t } = zhTranslator();
    const sheet = await firstSheetRows((output) => writeMeetingWorkbook(branch, { year: 2026, quarter: 4 }, output, { t, locale: "zh", now: TEST_NOW }));
    expect(sheet[1]).toEqual(["党支部", "所在单位", "支部党员大会（1）", "支部委员会（3）", "党小组会（3）", "党课（1）", "主题党日（3）", "缺少次数"]);
    expect(sheet.slice(2)).toEqual([["省发展和改革委员会办公室党支部", "省发展和改革委员会党组", 1, 3, 1, 1, 0, 5]]);
  });

  it("brings a record to one of its branch's duties as evidence, and to no other branch's", async () => {
    const [branch, b1] = await Promise.all([actorFor("u01-branch"), orgId("U01-B1")]);
    const absentees = [
      { name: "赵六", reason: "出差" },
      { name: "钱七", reason: "病假" },
    ];
    const { meetingId } = await recordMeeting(branch, { ...meeting(b1, "ASSEMBLY", "2026-11-20"), absentees }, TEST_NOW);
    const record = await getMeeting(branch, meetingId);
    expect(record.duties.length).toBeGreaterThan(0);
    const itemId = record.duties[0]!.id;
    const { t } = zhTranslator();
    const { evidenceId } = await bringMeetingToDuty(branch, { meetingId, itemId }, { t });
    const evidence = await prisma.evidence.findUniqueOrThrow({ where: { id: evidenceId }, select: { kind: true, title: true, text: true, items: { select: { itemId: true } } } });
    expect(evidence).toMatchObject({ kind: "TEXT", title: "支部党员大会 2026-11-20", items: [{ itemId }] });
    expect(evidence.text).toContain("缺席：赵六（出差）；钱七（病假）");
    const other = await prisma.checklistItem.findFirstOrThrow({ where: { org: { code: "U01-B2" } }, select: { id: true } });
    await expect(bringMeetingToDuty(branch, { meetingId, itemId: other.id }, { t })).rejects.toMatchObject({ fieldErrors: { itemId: ["notBranchDuty"] } });
  });

  it("is corrected and removed by those who record the branch's meetings, against the version they saw, the audit log keeping what it said", async () => {
    const [branch, staff, supervisor, stranger, b1] = await Promise.all([actorFor("u01-branch"), actorFor("u01-staff"), actorFor("supervisor"), actorFor("u02-staff"), orgId("U01-B1")]);
    const { meetingId } = await recordMeeting(branch, meeting(b1, "GROUP", "2026-11-02"), TEST_NOW);
    const { orgId: _branch, ...recorded } = meeting(b1, "GROUP", "2026-11-02");
    const correction = { ...recorded, meetingId, expectedVersion: 1, kind: "COMMITTEE" as const, heldOn: "2026-11-03", absentees: [] };

    await expect(correctMeeting(stranger, correction, TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    // The committee reads the record but keeps none of the branch's meetings.
    await expect(correctMeeting(supervisor, correction, TEST_NOW)).rejects.toMatchObject({ code: "forbidden" });
    await expect(correctMeeting(branch, { ...correction, heldOn: "2026-12-01" }, TEST_NOW)).rejects.toMatchObject({ fieldErrors: { heldOn: ["heldInFuture"] } });
    expect(await correctMeeting(branch, correction, TEST_NOW)).toEqual({ from: 1, to: 2 });
    // A correction against the version before it is a conflict, and changes nothing.
    await expect(correctMeeting(staff, { ...correction, topic: "另一个主题" }, TEST_NOW)).rejects.toBeInstanceOf(ConflictError);
    expect(await getMeeting(branch, meetingId)).toMatchObject({ kind: "COMMITTEE", topic: recorded.topic, absentees: [], version: 2 });
    const corrected = await prisma.auditLog.findFirstOrThrow({ where: { entityId: meetingId, action: "meeting.correct" } });
    expect(corrected.before).toMatchObject({ kind: "GROUP", heldOn: "2026-11-02", absentees: [{ name: "赵六", reason: "出差" }] });
    expect(corrected.after).toMatchObject({ kind: "COMMITTEE", heldOn: "2026-11-03" });

    await expect(removeMeeting(staff, { meetingId, expectedVersion: 1, reason: "误录" })).rejects.toBeInstanceOf(ConflictError);
    await expect(removeMeeting(supervisor, { meetingId, expectedVersion: 2, reason: "误录" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await removeMeeting(staff, { meetingId, expectedVersion: 2, reason: "与11月3日支委会重复录入" })).toEqual({ orgId: b1 });
    await expect(getMeeting(branch, meetingId)).rejects.toBeInstanceOf(NotFoundError);
    const removed = await prisma.auditLog.findFirstOrThrow({ where: { entityId: meetingId, action: "meeting.remove" } });
    expect([removed.before, removed.after]).toMatchObject([{ kind: "COMMITTEE", topic: recorded.topic }, { reason: "与11月3日支委会重复录入" }]);
  });

  it("counts what is missing and spans quarters", () => {
    expect(missingMeetings({ COMMITTEE: 5 })).toEqual({ ASSEMBLY: 1, COMMITTEE: 0, GROUP: 3, LECTURE: 1, THEMED_DAY: 3 });
    expect(quarterDays(2028, 1)).toEqual({ from: "2028-01-01", to: "2028-03-31" });
    expect(quarterDays(2026, 4)).toEqual({ from: "2026-10-01", to: "2026-12-31" });
  });
});
