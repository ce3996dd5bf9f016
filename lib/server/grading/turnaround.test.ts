import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import { convertTurnaround, getTurnaround, listTurnaround, openTurnaround, turnaroundSetup, writeTurnaroundWorkbook } from "@/lib/server/grading/turnaround";
import { countFindings } from "@/lib/server/inspections/list-findings";
import { listRounds } from "@/lib/server/inspections/queries";
import { acceptRectification, reopenFinding, saveRectification, submitRectification } from "@/lib/server/inspections/rectification";
import type { Actor } from "@/lib/server/auth/actor";
import { actorFor, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { firstSheetRows, zhTranslator } from "@/lib/test/workbooks";
import type { TOpenTurnaround } from "@/lib/validation/grading";

let drop: () => Promise<void>;

beforeAll(async () => {
  drop = await useSeededDatabase("turnaround");
});
afterAll(() => drop());

const DAY_MS = 24 * 60 * 60 * 1000;

// TEST_NOW is 2026-11-25: a measure due 2026-12-01 is yellow (6 days), one due 2027-01-31 has no colour yet (67 days).
function caseInput(orgId: string, leaderId: string, more: Partial<TOpenTurnaround> = {}): TOpenTurnaround {
  return {
    orgId,
    causes: "组织生活不经常，支委会长期缺额",
    leaderId,
    measures: [
      { text: "补选支部委员", categoryId: "fcat-org-life", severity: "HIGH", deadline: "2026-12-01" },
      { text: "每月召开支委会", categoryId: "fcat-org-life", severity: "MEDIUM", deadline: "2027-01-31" },
    ],
    ...more,
  };
}

/** Rectifies a finding as the branch and accepts it for every party the deployment names. */
async function closeOut(branch: Actor, committee: Actor, findingId: string, now = TEST_NOW): Promise<void> {
  let version = (await prisma.finding.findUniqueOrThrow({ where: { id: findingId }, select: { version: true } })).version;
  version = (await saveRectification(branch, { findingId, expectedVersion: version, measures: "已落实", ownerId: branch.id })).version.to;
  version = (await submitRectification(branch, { findingId, expectedVersion: version, text: "已整改" }, now)).version.to;
  let closed = false;
  while (!closed) {
    const step = await acceptRectification(committee, { findingId, expectedVersion: version }, now);
    ({ closed } = step);
    version = step.version.to;
  }
}

describe("weak-and-lax turnaround", () => {
  it("is opened by the working committee alone, with a leader from above the branch and measures due after today; one open case a branch", async () => {
    const [supervisor, opcStaff, otherStaff, u02b2, u02Staff, u01Staff] = await Promise.all([
      actorFor("supervisor"),
      actorFor("u02-staff"),
      actorFor("u03-staff"),
      orgId("U02-B2"),
      actorFor("u02-staff").then((a) => a.id),
      actorFor("u01-staff").then((a) => a.id),
    ]);
    await expect(openTurnaround(opcStaff, caseInput(u02b2, u02Staff), TEST_NOW)).rejects.toMatchObject({ code: "forbidden" });
    await expect(openTurnaround(otherStaff, caseInput(u02b2, u02Staff), TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(openTurnaround(supervisor, caseInput(await orgId("U02-OPC"), u02Staff), TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    // Another unit's staff do not answer for this branch.
    await expect(openTurnaround(supervisor, caseInput(u02b2, u01Staff), TEST_NOW)).rejects.toMatchObject({ fieldErrors: { leaderId: ["leaderRequired"] } });
    const late = caseInput(u02b2, u02Staff);
    late.measures[1]!.deadline = "2026-11-25";
    await expect(openTurnaround(supervisor, late, TEST_NOW)).rejects.toMatchObject({ fieldErrors: { "measures.1.deadline": ["deadlineNotAfterToday"] } });
    expect(await prisma.turnaroundCase.count()).toBe(0);

    // The demo grades U02-B2 后进 this year: the case says so.
    const setup = await turnaroundSetup(supervisor, u02b2);
    expect(setup.trigger).toBe("LOWEST_GRADE");
    expect(setup.leaders.map((l) => l.id)).toContain(u02Staff);
    const { caseId } = await openTurnaround(supervisor, caseInput(u02b2, u02Staff), TEST_NOW);
    await expect(openTurnaround(supervisor, caseInput(u02b2, u02Staff), TEST_NOW)).rejects.toMatchObject({ fieldErrors: { orgId: ["caseOpen"] } });
    const opened = await prisma.turnaroundCase.findUniqueOrThrow({ where: { id: caseId }, select: { trigger: true, year: true, round: { select: { type: true, findings: { select: { state: true } } } } } });
    expect(opened).toMatchObject({ trigger: "LOWEST_GRADE", year: 2026, round: { type: "TURNAROUND", findings: [{ state: "OPEN" }, { state: "OPEN" }] } });
    // A standing round: not among the inspection rounds; its measures count under their own source.
    expect((await listRounds(supervisor)).rounds.some((r) => r.type === "TURNAROUND")).toBe(false);
    expect(await countFindings(supervisor, { source: "TURNAROUND" })).toBe(2);
    expect(await prisma.auditLog.count({ where: { entityType: "TurnaroundCase", action: "turnaround.open" } })).toBe(1);
  });

  it("tells the branch, takes its colour from the nearest open measure, closes out through the findings' states and reopens, and converts once all are closed", async () => {
    const [supervisor, branch, opcStaff, u01b1] = await Promise.all([actorFor("supervisor"), actorFor("u01-branch"), actorFor("u01-staff"), orgId("U01-B1")]);
    // U01-B1 is graded 较好: the committee names it weak and lax itself.
    const { caseId } = await openTurnaround(supervisor, caseInput(u01b1, opcStaff.id), TEST_NOW);
    expect(await prisma.notification.count({ where: { userId: branch.id, kind: "TURNAROUND_OPENED" } })).toBe(1);
    const view = await getTurnaround(branch, caseId);
    expect(view).toMatchObject({ trigger: "NAMED", canConvert: false, manages: false });
    await expect(getTurnaround(await actorFor("u02-branch"), caseId)).rejects.toBeInstanceOf(NotFoundError);

    const colourOf = async (now: Date) => (await listTurnaround(supervisor, {}, now)).rows.find((r) => r.id === caseId)!.warning?.colour ?? null;
    expect(await colourOf(TEST_NOW)).toBe("yellow");
    expect(await colourOf(new Date(TEST_NOW.getTime() + 10 * DAY_MS))).toBe("red");
    const red = await listTurnaround(supervisor, { warning: "red" }, new Date(TEST_NOW.getTime() + 10 * DAY_MS));
    expect(red.rows.map((r) => r.id)).toContain(caseId);
    expect(red.total).toBe(red.counts.red);

    // The first measure closed out: the colour is the second's, none while it is more than 20 days off, green nearer.
    const [first, second] = view.measures;
    await closeOut(branch, supervisor, first!.findingId);
    expect(await colourOf(TEST_NOW)).toBeNull();
    expect(await colourOf(new Date("2027-01-15T04:00:00Z"))).toBe("green");
    await expect(convertTurnaround(supervisor, { caseId, expectedVersion: 1, convertedOn: "2026-11-25", note: "" }, TEST_NOW)).rejects.toMatchObject({ fieldErrors: { convertedOn: ["measuresOpen"] } });

    // A measure closed out is reopened by the committee and closed out again.
    await closeOut(branch, supervisor, second!.findingId);
    const closedVersion = (await prisma.finding.findUniqueOrThrow({ where: { id: second!.findingId }, select: { version: true } })).version;
    await reopenFinding(supervisor, { findingId: second!.findingId, expectedVersion: closedVersion, reason: "支委会记录不全" }, TEST_NOW);
    expect((await getTurnaround(supervisor, caseId)).canConvert).toBe(false);
    await closeOut(branch, supervisor, second!.findingId);
    expect((await getTurnaround(supervisor, caseId)).canConvert).toBe(true);

    await expect(convertTurnaround(opcStaff, { caseId, expectedVersion: 1, convertedOn: "2026-11-25", note: "" }, TEST_NOW)).rejects.toMatchObject({ code: "forbidden" });
    await expect(convertTurnaround(supervisor, { caseId, expectedVersion: 1, convertedOn: "2026-11-26", note: "" }, TEST_NOW)).rejects.toMatchObject({ fieldErrors: { convertedOn: ["convertedInFuture"] } });
    await convertTurnaround(supervisor, { caseId, expectedVersion: 1, convertedOn: "2026-11-25", note: "支委会配齐，组织生活正常" }, TEST_NOW);
    await expect(convertTurnaround(supervisor, { caseId, expectedVersion: 1, convertedOn: "2026-11-25", note: "" }, TEST_NOW)).rejects.toMatchObject({ fieldErrors: { convertedOn: ["alreadyConverted"] } });

    // Kept on record: among the converted, no longer among the open; a new case may be opened.
    expect((await listTurnaround(supervisor, {}, TEST_NOW)).rows.some((r) => r.id === caseId)).toBe(false);
    const converted = await listTurnaround(branch, { status: "converted" }, TEST_NOW);
    expect(converted.rows.map((r) => [r.id, r.tally])).toEqual([[caseId, { total: 2, closed: 2, overdue: 0 }]]);
    expect((await turnaroundSetup(supervisor, u01b1)).openCaseId).toBeNull();

    const { t } = zhTranslator();
    const sheet = await firstSheetRows((output) => writeTurnaroundWorkbook(branch, { status: "converted" }, output, { t, locale: "zh", now: TEST_NOW }));
    expect(sheet.slice(2).map((r) => [r[0], r[2], r[5], r[6], r[10]])).toEqual([["省发展和改革委员会办公室党支部", "工委认定软弱涣散", 2, 2, "2026-11-25"]]);
  });

  it("converts against the version seen", async () => {
    const [supervisor, u02b3, staff] = await Promise.all([actorFor("supervisor"), orgId("U02-B3"), actorFor("u02-staff")]);
    const { caseId } = await openTurnaround(supervisor, caseInput(u02b3, staff.id, { measures: [{ text: "整改", categoryId: "fcat-org-life", severity: "LOW", deadline: "2026-12-20" }] }), TEST_NOW);
    await prisma.turnaroundCase.update({ where: { id: caseId }, data: { version: 2 } });
    await prisma.finding.updateMany({ where: { round: { turnaround: { id: caseId } } }, data: { state: "CLOSED", closedAt: TEST_NOW } });
    await expect(convertTurnaround(supervisor, { caseId, expectedVersion: 1, convertedOn: "2026-11-25", note: "" }, TEST_NOW)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("the form to open a case", () => {
  it("is not found for anyone but the committee", async () => {
    const [staff, u01b2] = await Promise.all([actorFor("u01-staff"), orgId("U01-B2")]);
    await expect(turnaroundSetup(staff, u01b2)).rejects.toBeInstanceOf(NotFoundError);
  });
});
