import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNCOUNTED_STATUSES } from "@/lib/item-status";
import { prisma } from "@/lib/server/db";
import { type RatedYear, unitFacts } from "@/lib/server/ratings/unit-facts";
import { orgId, withEvidence } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

// The ledger's facts for a unit's rating, on a hand-made year for U01 (every figure worked out
// below), and for U02 against a count made item by item in the test.

let drop: () => Promise<void>;
let year: RatedYear;

beforeAll(async () => {
  drop = await useSeededDatabase("unit-facts");
  const periods = await prisma.period.findMany({ where: { year: 2026 }, select: { id: true, quarter: true, startsOn: true, endsOn: true } });
  const whole = periods.find((p) => p.quarter === 0)!;
  year = { periodIds: periods.map((p) => p.id), startsOn: whole.startsOn, endsOn: whole.endsOn };
});
afterAll(() => drop());

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** U01's year made by hand: five items left (on different duties and organizations), the rest withdrawn. */
async function handMadeItems(): Promise<void> {
  const u01 = await prisma.org.findUniqueOrThrow({ where: { code: "U01" }, select: { path: true } });
  const items = await prisma.checklistItem.findMany({
    where: { periodId: { in: year.periodIds }, org: { path: { startsWith: u01.path } } },
    select: { id: true, dutyId: true, orgId: true },
    orderBy: { id: "asc" },
  });
  const picked: typeof items = [];
  for (const item of items) {
    if (picked.some((p) => p.dutyId === item.dutyId)) continue;
    // Across organizations of the subtree: no two picked in a row from the same one.
    if (picked.at(-1)?.orgId === item.orgId && items.some((i) => i.orgId !== item.orgId && !picked.some((p) => p.dutyId === i.dutyId))) continue;
    picked.push(item);
    if (picked.length === 5) break;
  }
  expect(picked).toHaveLength(5);
  expect(new Set(picked.map((p) => p.orgId)).size).toBeGreaterThan(1);
  await prisma.checklistItem.updateMany({ where: { id: { in: items.map((i) => i.id).filter((id) => !picked.some((p) => p.id === id)) } }, data: { status: "WITHDRAWN" } });
  await prisma.itemEvidence.deleteMany({ where: { itemId: { in: picked.map((p) => p.id) } } });
  const [a, b, c, d, e] = picked as [(typeof picked)[0], (typeof picked)[0], (typeof picked)[0], (typeof picked)[0], (typeof picked)[0]];
  const duty = (item: typeof a, weight: number, evidenceRequired: boolean) => prisma.duty.update({ where: { id: item.dutyId }, data: { weight, evidenceRequired } });
  await Promise.all([duty(a, 3, true), duty(b, 2, true), duty(c, 1, false), duty(d, 4, false), duty(e, 5, false)]);
  const item = (which: typeof a, data: Parameters<typeof prisma.checklistItem.update>[0]["data"]) => prisma.checklistItem.update({ where: { id: which.id }, data });
  // A: done at 23:59:59 in Beijing on its due day, with evidence. B: done a second later, the next day in Beijing, without.
  await item(a, { status: "DONE", dueDate: day("2026-06-30"), completedAt: new Date("2026-06-30T15:59:59.000Z") });
  await withEvidence(a.id);
  await item(b, { status: "DONE", dueDate: day("2026-06-30"), completedAt: new Date("2026-06-30T16:00:00.000Z") });
  // C: still open and overdue on the day; D: open and not yet due; E: accepted as not applicable.
  await item(c, { status: "IN_PROGRESS", dueDate: day("2026-10-31"), completedAt: null });
  await item(d, { status: "NOT_STARTED", dueDate: day("2026-12-31"), completedAt: null });
  await item(e, { status: "NOT_APPLICABLE", dueDate: day("2026-06-30"), completedAt: null });
}

/** U01's findings made by hand, and some that must not count. */
async function handMadeFindings(): Promise<void> {
  const [wc, u01, branch, opc] = await Promise.all([orgId("WC"), orgId("U01"), orgId("U01-B1"), orgId("U01-OPC")]);
  const round = (type: "ROUTINE" | "DISCIPLINE" | "TOUR", startsOn: string) =>
    prisma.inspectionRound.create({ data: { title: `${type} ${startsOn}`, type, scopeOrgId: wc, startsOn: day(startsOn), endsOn: day(startsOn) } });
  const report = (roundId: string, org: string, status: "ISSUED" | "DRAFT") =>
    prisma.inspectionReport.create({ data: { roundId, orgId: org, status, issuedAt: status === "ISSUED" ? day("2026-04-30") : null } });
  const [routine, discipline, lastYear, tour] = await Promise.all([
    round("ROUTINE", "2026-03-02"),
    round("DISCIPLINE", "2026-04-01"),
    round("ROUTINE", "2025-11-03"),
    round("TOUR", "2026-06-10"),
  ]);
  const [issued, disciplineReport, draft, old, tourReport] = await Promise.all([
    report(routine.id, u01, "ISSUED"),
    report(discipline.id, branch, "ISSUED"),
    report(routine.id, opc, "DRAFT"),
    report(lastYear.id, u01, "ISSUED"),
    report(tour.id, u01, "ISSUED"),
  ]);
  type State = "OPEN" | "IN_PROGRESS" | "SUBMITTED" | "CLOSED";
  type Severity = "LOW" | "MEDIUM" | "HIGH";
  const finding = (r: { id: string; roundId: string; orgId: string }, seq: number, state: State, severity: Severity, deadline: string, closedAt?: string) =>
    prisma.finding.create({
      data: { reportId: r.id, roundId: r.roundId, orgId: r.orgId, seq, description: `问题${seq}`, categoryId: "fcat-other", state, severity, deadline: day(deadline), closedAt: closedAt ? new Date(closedAt) : null },
    });
  await Promise.all([
    // Closed at 23:00 in Beijing on its deadline: on time. Closed at 00:30 the next day: late.
    finding(issued, 1, "CLOSED", "LOW", "2026-05-31", "2026-05-31T15:00:00.000Z"),
    finding(issued, 2, "CLOSED", "LOW", "2026-05-31", "2026-05-31T16:30:00.000Z"),
    // Open past its deadline: overdue, 1 point off (medium).
    finding(issued, 3, "OPEN", "MEDIUM", "2026-09-30"),
    // Serious and not closed out, but not yet due: the serious veto, no deduction.
    finding(issued, 4, "IN_PROGRESS", "HIGH", "2026-12-31"),
    // Waiting for the acceptances past its deadline: not closed on time, but the unit's part is done: no deduction.
    finding(issued, 5, "SUBMITTED", "LOW", "2026-10-31"),
    // A discipline inspection's finding on a branch, open past its deadline: overdue (low), and the discipline veto.
    finding(disciplineReport, 1, "OPEN", "LOW", "2026-08-31"),
    // A tour's feedback (巡视): one problem closed out on time, one open past its deadline (overdue, low), one not yet due.
    finding(tourReport, 1, "CLOSED", "LOW", "2026-07-31", "2026-07-01T02:00:00.000Z"),
    finding(tourReport, 2, "OPEN", "LOW", "2026-10-15"),
    finding(tourReport, 3, "OPEN", "MEDIUM", "2027-01-31"),
    // Not counted: a draft report's finding, and last year's round's.
    finding(draft, 1, "OPEN", "HIGH", "2026-05-31"),
    finding(old, 1, "OPEN", "HIGH", "2026-01-31"),
  ]);
}

describe("a unit's facts for its rating", () => {
  it("counts a hand-made year exactly: points done, on time by the Beijing day, evidence, findings, deductions and vetoes", async () => {
    await handMadeItems();
    await handMadeFindings();
    const [u01, opc] = await Promise.all([orgId("U01"), orgId("U01-OPC")]);
    const facts = await unitFacts([u01, opc], year, TEST_NOW);
    expect(facts.get(u01)).toEqual({
      // A (3) and B (2) done, of A, B, C (1) and D (4); E, not applicable, and the withdrawn count nowhere.
      completion: { done: 5, of: 10 },
      // Of A and B (done) and C (due and open), only A was done by its due day.
      onTime: { done: 1, of: 3 },
      // Of A and B (done, evidence asked for), only A has some.
      evidence: { done: 1, of: 2 },
      // Of findings 1, 2 (closed), 3 and 5 (past their deadlines), the branch's and the tour's first two, 1 and the tour's first were closed on time.
      findingsOnTime: { done: 2, of: 7 },
      // Of the tour's problems closed or due (the first two), the first is closed out.
      tourRectification: { done: 1, of: 2 },
      overdueFindings: { LOW: 2, MEDIUM: 1, HIGH: 0 },
      vetoes: { OPEN_SERIOUS_FINDING: true, OPEN_DISCIPLINE_FINDING: true },
    });
    // An organization inside another counts its own subtree only: U01-OPC holds the branch's finding
    // (its draft report's does not count), not the party group's own five.
    const ofOpc = facts.get(opc)!;
    expect(ofOpc.findingsOnTime).toEqual({ done: 0, of: 1 });
    expect(ofOpc.overdueFindings).toEqual({ LOW: 1, MEDIUM: 0, HIGH: 0 });
    expect(ofOpc.vetoes).toEqual({ OPEN_SERIOUS_FINDING: false, OPEN_DISCIPLINE_FINDING: true });
  });

  it("says for another unit what its items say, one by one", async () => {
    const u02 = await prisma.org.findUniqueOrThrow({ where: { code: "U02" }, select: { id: true, path: true } });
    const items = await prisma.checklistItem.findMany({
      where: { periodId: { in: year.periodIds }, org: { path: { startsWith: u02.path } }, status: { notIn: [...UNCOUNTED_STATUSES] } },
      select: { status: true, dueDate: true, completedAt: true, duty: { select: { weight: true, evidenceRequired: true } }, _count: { select: { evidence: true } } },
    });
    expect(items.filter((i) => i.status === "DONE").length).toBeGreaterThan(0);
    const beijingDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const done = items.filter((i) => i.status === "DONE");
    const requiring = done.filter((i) => i.duty.evidenceRequired);
    const expected = {
      completion: { done: done.reduce((s, i) => s + i.duty.weight, 0), of: items.reduce((s, i) => s + i.duty.weight, 0) },
      onTime: {
        done: done.filter((i) => i.completedAt && beijingDay(i.completedAt) <= i.dueDate.toISOString().slice(0, 10)).length,
        of: items.filter((i) => i.status === "DONE" || i.dueDate < day("2026-11-25")).length,
      },
      evidence: { done: requiring.filter((i) => i._count.evidence > 0).length, of: requiring.length },
      findingsOnTime: { done: 0, of: 0 },
      tourRectification: { done: 0, of: 0 },
      overdueFindings: { LOW: 0, MEDIUM: 0, HIGH: 0 },
      vetoes: { OPEN_SERIOUS_FINDING: false, OPEN_DISCIPLINE_FINDING: false },
    };
    expect((await unitFacts([u02.id], year, TEST_NOW)).get(u02.id)).toEqual(expected);
  });

  it("gives a unit without items or findings nothing to count", async () => {
    const wc = await orgId("WC");
    const empty = { ...year, periodIds: [] };
    expect((await unitFacts([wc], empty, TEST_NOW)).get(wc)).toMatchObject({ completion: { done: 0, of: 0 }, onTime: { done: 0, of: 0 } });
    expect(await unitFacts([], year, TEST_NOW)).toEqual(new Map());
  });
});
