import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { countFindings } from "@/lib/server/inspections/list-findings";
import { listMyUnitReports, listRounds } from "@/lib/server/inspections/queries";
import { acceptRectification, saveRectification, submitRectification } from "@/lib/server/inspections/rectification";
import { getTourFeedback, listTourFeedback, recordTourFeedback, writeTourWorkbook } from "@/lib/server/inspections/tours";
import { recordAdmonitoryTalk } from "@/lib/server/ratings/talks";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { firstSheetRows, zhTranslator } from "@/lib/test/workbooks";
import { ZRecordTourFeedback, type TRecordTourFeedback } from "@/lib/validation/inspections";

let drop: () => Promise<void>;
let categoryId: string;

beforeAll(async () => {
  drop = await useSeededDatabase("tours");
  categoryId = (await prisma.findingCategory.findFirstOrThrow({ where: { isActive: true }, select: { id: true } })).id;
});
afterAll(() => drop());

function tourInput(orgId: string, more: Partial<TRecordTourFeedback> = {}): TRecordTourFeedback {
  return {
    orgId,
    kind: "PROVINCIAL",
    tourName: "省委第三巡视组",
    receivedOn: "2026-10-15",
    documentNo: "省委巡视反馈〔2026〕3号",
    summary: "党组落实全面从严治党主体责任有差距。",
    problems: [
      { text: "党组理论学习中心组学习流于形式", categoryId, severity: "MEDIUM", deadline: "2026-11-15" },
      { text: "选人用人程序不规范", categoryId, severity: "HIGH", deadline: "2027-01-15" },
    ],
    ...more,
  };
}

describe("top-down inspection feedback", () => {
  it("is entered by the committee alone, for a unit, once received, with at least one problem due after it", async () => {
    const [secretary, inspector, unitAdmin, u01, wc] = await Promise.all([actorFor("u01-secretary"), actorFor("inspector"), actorWithRole("ADMIN", "U01"), orgId("U01"), orgId("WC")]);
    for (const outsider of [secretary, inspector]) {
      await expect(recordTourFeedback(outsider, tourInput(u01), TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    }
    // A unit's administrator oversees its own unit's inspections, so it may enter the unit's feedback; not another's.
    await expect(recordTourFeedback(unitAdmin, tourInput(await orgId("U02")), TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    const supervisor = await actorFor("supervisor");
    await expect(recordTourFeedback(supervisor, tourInput(wc), TEST_NOW)).rejects.toMatchObject({ fieldErrors: { orgId: ["notRated"] } });
    await expect(recordTourFeedback(supervisor, tourInput(u01, { receivedOn: "2026-11-26" }), TEST_NOW)).rejects.toMatchObject({ fieldErrors: { receivedOn: ["receivedInFuture"] } });
    await expect(
      recordTourFeedback(supervisor, tourInput(u01, { problems: [{ text: "x", categoryId: "c".repeat(25), severity: "LOW", deadline: "2026-12-01" }] }), TEST_NOW),
    ).rejects.toMatchObject({ fieldErrors: { problems: ["unknownCategory"] } });
    expect(await prisma.tourFeedback.count()).toBe(0);
    expect(await prisma.inspectionRound.count({ where: { type: "TOUR" } })).toBe(0);

    const parsed = ZRecordTourFeedback.safeParse({ ...tourInput(u01), problems: [{ text: "x", categoryId, severity: "LOW", deadline: "2026-10-15" }] });
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["problems.0.deadline", "deadlineAfterFeedback"]]);
    expect(ZRecordTourFeedback.safeParse({ ...tourInput(u01), problems: [] }).error?.issues.map((i) => i.message)).toEqual(["noProblems"]);
  });

  it("makes each problem a finding of its own round, rectified to close-out by the unit, and shows it to that unit alone", async () => {
    const [supervisor, secretary, u02Secretary, branch, u01] = await Promise.all([
      actorFor("supervisor"),
      actorFor("u01-secretary"),
      actorFor("u02-secretary"),
      actorFor("u01-branch"),
      orgId("U01"),
    ]);
    const { tourId } = await recordTourFeedback(supervisor, tourInput(u01), TEST_NOW);

    const tour = await prisma.tourFeedback.findUniqueOrThrow({ where: { id: tourId }, select: { roundId: true, kind: true, documentNo: true } });
    expect(tour).toMatchObject({ kind: "PROVINCIAL", documentNo: "省委巡视反馈〔2026〕3号" });
    const round = await prisma.inspectionRound.findUniqueOrThrow({
      where: { id: tour.roundId },
      select: { type: true, startsOn: true, reports: { select: { status: true, orgId: true } }, findings: { orderBy: { seq: "asc" }, select: { seq: true, severity: true, deadline: true, state: true } } },
    });
    expect(round.type).toBe("TOUR");
    expect(round.startsOn.toISOString().slice(0, 10)).toBe("2026-10-15");
    expect(round.reports).toEqual([{ status: "ISSUED", orgId: u01 }]);
    expect(round.findings.map((f) => [f.seq, f.severity, f.deadline?.toISOString().slice(0, 10), f.state])).toEqual([
      [1, "MEDIUM", "2026-11-15", "OPEN"],
      [2, "HIGH", "2027-01-15", "OPEN"],
    ]);
    expect(await prisma.notification.count({ where: { userId: secretary.id, kind: "TOUR_FEEDBACK_RECORDED" } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { entityType: "TourFeedback", entityId: tourId, action: "tour.record" } })).toBe(1);
    // Not an inspection round, nor an inspection report about the unit: it has its own ledger.
    expect((await listRounds(supervisor)).rounds.some((r) => r.id === tour.roundId)).toBe(false);
    expect((await listMyUnitReports(secretary, TEST_NOW)).some((r) => r.round.id === tour.roundId)).toBe(false);

    // The rectification ledger filters by source: the tour's two problems apart from a talk's commitment.
    await recordAdmonitoryTalk(
      supervisor,
      { orgId: u01, trigger: "OTHER", triggerNote: "巡视反馈问题整改", talkedOn: "2026-11-01", talkedBy: "甲", talkedWith: "乙", issues: "督促整改", commitments: [{ text: "按期整改", categoryId, severity: "LOW", deadline: "2026-12-31" }] },
      TEST_NOW,
    );
    expect(await countFindings(supervisor, {}, TEST_NOW)).toBe(3);
    expect(await countFindings(supervisor, { source: "TOUR" }, TEST_NOW)).toBe(2);
    expect(await countFindings(secretary, { source: "TOUR", overdue: true }, TEST_NOW)).toBe(1);
    expect(await countFindings(supervisor, { source: "TALK" }, TEST_NOW)).toBe(1);
    expect(await countFindings(supervisor, { source: "ROUTINE" }, TEST_NOW)).toBe(0);

    // The ledger: the committee and the unit see it, with the first problem overdue; another unit and a branch below do not.
    const ofYear = await listTourFeedback(supervisor, { year: 2026 }, TEST_NOW);
    expect(ofYear.rows.map((r) => [r.id, r.kind, r.tally])).toEqual([[tourId, "PROVINCIAL", { total: 2, closed: 0, overdue: 1 }]]);
    expect((await listTourFeedback(secretary, { year: 2026 }, TEST_NOW)).total).toBe(1);
    expect((await listTourFeedback(supervisor, { year: 2025 }, TEST_NOW)).total).toBe(0);
    for (const outsider of [u02Secretary, branch]) {
      expect((await listTourFeedback(outsider, { year: 2026 }, TEST_NOW)).total).toBe(0);
      await expect(getTourFeedback(outsider, tourId)).rejects.toBeInstanceOf(NotFoundError);
    }

    // The unit rectifies the first problem; the committee accepts it for every party and it is closed out.
    const view = await getTourFeedback(secretary, tourId);
    const first = view.problems[0]!;
    let version = (await prisma.finding.findUniqueOrThrow({ where: { id: first.findingId }, select: { version: true } })).version;
    version = (await saveRectification(secretary, { findingId: first.findingId, expectedVersion: version, measures: "修订中心组学习制度", ownerId: secretary.id })).version.to;
    version = (await submitRectification(secretary, { findingId: first.findingId, expectedVersion: version, text: "已修订" }, TEST_NOW)).version.to;
    let closed = false;
    while (!closed) {
      const step = await acceptRectification(supervisor, { findingId: first.findingId, expectedVersion: version }, TEST_NOW);
      ({ closed } = step);
      version = step.version.to;
    }
    expect((await getTourFeedback(supervisor, tourId)).problems.map((p) => p.state)).toEqual(["CLOSED", "OPEN"]);
    expect((await listTourFeedback(supervisor, { year: 2026 }, TEST_NOW)).rows[0]!.tally).toEqual({ total: 2, closed: 1, overdue: 0 });

    // The ledger in Excel: the unit's row as the page lists it; another unit's export is empty.
    const { t, errors } = zhTranslator();
    let written = 0;
    const rows = await firstSheetRows(async (output) => {
      written = await writeTourWorkbook(supervisor, 2026, output, { t, locale: "zh", now: TEST_NOW });
    });
    expect(errors).toEqual([]);
    expect(written).toBe(1);
    expect(rows[0]![0]).toBe("2026 年巡视巡察反馈台账 · 导出日期 2026-11-25");
    expect(rows[1]).toEqual(["反馈日期", "被巡视巡察单位", "类别", "反馈机构", "反馈文号", "反馈问题", "已销号", "逾期"]);
    expect(rows[2]).toEqual(["2026-10-15", "省发展和改革委员会党组", "巡视", "省委第三巡视组", "省委巡视反馈〔2026〕3号", 2, 1, 0]);
    expect(await firstSheetRows((output) => writeTourWorkbook(u02Secretary, 2026, output, { t, locale: "zh", now: TEST_NOW }).then(() => undefined))).toHaveLength(2);
  });
});
