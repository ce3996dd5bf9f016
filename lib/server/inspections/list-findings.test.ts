import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RectificationState } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/auth/actor";
import { findingWarningSql, warningThresholds } from "@/lib/warnings";
import { prisma } from "@/lib/server/db";
import {
  countFindings,
  getLedgerHeading,
  listFindings,
  listLedgerRoundOptions,
  ZFindingFilters,
  type TFindingFilters,
} from "@/lib/server/inspections/list-findings";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let supervisor: Actor;
let unitSecretary: Actor;
let branchSecretary: Actor;
let member: Actor;
let outsider: Actor;
let roundA: string;
let roundB: string;
let dutyId: string;
const ids: Record<string, string> = {};

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * Round A (Q1, routine; `member` in its group) with issued reports on U01,
 * U01-B1 and U02; round B (Q3, spot check) with a draft report on U01 and an
 * issued one on U02. Today is 2026-11-25; yellow within 10 days, green within 20.
 */
beforeAll(async () => {
  drop = await useSeededDatabase("list-findings");
  supervisor = await actorFor("supervisor");
  unitSecretary = await actorFor("u01-secretary");
  branchSecretary = await actorFor("u01-branch");
  member = await actorWithRole("INSPECTOR", "WC");
  outsider = await actorWithRole("INSPECTOR", "WC");
  const wc = await orgId("WC");
  const u01 = await orgId("U01");
  const b1 = await orgId("U01-B1");
  const u02 = await orgId("U02");
  dutyId = (await prisma.duty.findFirstOrThrow({ select: { id: true }, orderBy: { code: "asc" } })).id;

  roundA = (
    await prisma.inspectionRound.create({
      data: {
        title: "2026年第一季度党建督查",
        type: "ROUTINE",
        scopeOrgId: wc,
        startsOn: day("2026-03-02"),
        endsOn: day("2026-03-20"),
        members: { create: { userId: member.id, isLeader: true } },
      },
    })
  ).id;
  roundB = (
    await prisma.inspectionRound.create({
      data: { title: "2026年第三季度随机抽查", type: "SPOT_CHECK", scopeOrgId: wc, startsOn: day("2026-09-10"), endsOn: day("2026-09-20") },
    })
  ).id;
  const report = async (roundId: string, org: string, status: "DRAFT" | "ISSUED") =>
    (
      await prisma.inspectionReport.create({
        data: { roundId, orgId: org, status, issuedAt: status === "ISSUED" ? new Date("2026-09-25T02:00:00Z") : null },
      })
    ).id;
  const aU01 = await report(roundA, u01, "ISSUED");
  const aB1 = await report(roundA, b1, "ISSUED");
  const aU02 = await report(roundA, u02, "ISSUED");
  const bU01 = await report(roundB, u01, "DRAFT");
  const bU02 = await report(roundB, u02, "ISSUED");

  type Spec = {
    key: string;
    reportId: string;
    roundId: string;
    orgId: string;
    seq: number;
    state: RectificationState;
    deadline: string;
    description: string;
    categoryId?: string;
  } & Partial<{ measures: string; ownerId: string; dutyId: string; closedAt: Date; cycle: number; severity: "LOW" | "MEDIUM" | "HIGH"; tag: "COMMON" | "INDIVIDUAL" }>;
  const specs: Spec[] = [
    // Overdue: red.
    { key: "red", reportId: aU01, roundId: roundA, orgId: u01, seq: 1, state: "OPEN", deadline: "2026-11-20", description: "三会一课记录不完整", categoryId: "fcat-org-life", severity: "HIGH", tag: "COMMON" },
    // Five days left: yellow; with measures, owner, duty and progress.
    {
      key: "yellow",
      reportId: aU01,
      roundId: roundA,
      orgId: u01,
      seq: 2,
      state: "IN_PROGRESS",
      deadline: "2026-11-30",
      description: "理论学习计划未制定",
      categoryId: "fcat-theory",
      measures: "制定年度学习计划并报备",
      ownerId: unitSecretary.id,
      dutyId,
    },
    // Past its deadline but waiting for acceptance: no colour, not overdue; second close-out attempt.
    { key: "submitted", reportId: aU01, roundId: roundA, orgId: u01, seq: 3, state: "SUBMITTED", deadline: "2026-11-22", description: "作风建设台账缺失", categoryId: "fcat-conduct", cycle: 2 },
    // Fifteen days left: green.
    { key: "green", reportId: aB1, roundId: roundA, orgId: b1, seq: 1, state: "RETURNED", deadline: "2026-12-10", description: "支部党员档案不全", categoryId: "fcat-members", tag: "INDIVIDUAL" },
    { key: "closed", reportId: aB1, roundId: roundA, orgId: b1, seq: 2, state: "CLOSED", deadline: "2026-11-10", description: "会议记录未签字", closedAt: new Date("2026-11-01T03:00:00Z") },
    // Sixty-six days left: no colour yet.
    { key: "far", reportId: aU02, roundId: roundA, orgId: u02, seq: 1, state: "OPEN", deadline: "2027-01-30", description: "另一单位的问题：台账 PDF 缺页_第3页" },
    { key: "draft", reportId: bU01, roundId: roundB, orgId: u01, seq: 1, state: "OPEN", deadline: "2026-11-01", description: "草稿中的问题" },
    { key: "spot", reportId: bU02, roundId: roundB, orgId: u02, seq: 1, state: "OPEN", deadline: "2026-12-01", description: "抽查发现的问题" },
  ];
  for (const { key, categoryId = "fcat-other", deadline, ...data } of specs) {
    ids[key] = (await prisma.finding.create({ data: { ...data, categoryId, deadline: day(deadline) } })).id;
  }
  await prisma.findingEvent.createMany({
    data: [
      { findingId: ids.yellow!, kind: "PROGRESS", text: "已起草学习计划", actorId: unitSecretary.id, createdAt: new Date("2026-11-10T02:00:00Z") },
      { findingId: ids.yellow!, kind: "PROGRESS", text: "学习计划已报备", actorId: unitSecretary.id, createdAt: new Date("2026-11-20T02:00:00Z") },
    ],
  });
  await prisma.findingAcceptance.createMany({
    data: [
      // The first attempt's acceptances stay on record but are not the current cycle's.
      { findingId: ids.submitted!, cycle: 1, party: "GROUP", acceptedById: member.id, acceptedAt: new Date("2026-10-01T02:00:00Z") },
      { findingId: ids.submitted!, cycle: 1, party: "COMMITTEE", acceptedById: supervisor.id, acceptedAt: new Date("2026-10-02T02:00:00Z") },
      { findingId: ids.submitted!, cycle: 2, party: "GROUP", acceptedById: member.id, acceptedAt: new Date("2026-11-23T02:00:00Z") },
      { findingId: ids.closed!, cycle: 1, party: "GROUP", acceptedById: member.id, acceptedAt: new Date("2026-10-30T02:00:00Z") },
      { findingId: ids.closed!, cycle: 1, party: "COMMITTEE", acceptedById: supervisor.id, acceptedAt: new Date("2026-11-01T03:00:00Z") },
    ],
  });
});
afterAll(() => drop());

async function keysOf(actor: Actor, filters: TFindingFilters = {}): Promise<string[]> {
  const page = await listFindings(actor, filters, { now: TEST_NOW, pageSize: 100 });
  const byId = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
  return page.rows.map((r) => byId.get(r.id) ?? r.id);
}

const parse = (params: Record<string, string>) => ZFindingFilters.parse(params);

describe("scope", () => {
  it("shows a unit its own subtree's findings of issued reports, never a draft's", async () => {
    expect((await keysOf(unitSecretary)).sort()).toEqual(["closed", "green", "red", "submitted", "yellow"]);
    expect((await keysOf(branchSecretary)).sort()).toEqual(["closed", "green"]);
  });

  it("shows the committee every issued finding, and an inspector only their rounds' issued ones", async () => {
    expect((await keysOf(supervisor)).sort()).toEqual(["closed", "far", "green", "red", "spot", "submitted", "yellow"]);
    expect((await keysOf(member)).sort()).toEqual(["closed", "far", "green", "red", "submitted", "yellow"]);
    expect(await keysOf(outsider)).toEqual([]);
    expect(await countFindings(outsider, {}, TEST_NOW)).toBe(0);
  });

  it("orders by deadline, then unit, then number", async () => {
    expect(await keysOf(supervisor)).toEqual(["closed", "red", "submitted", "yellow", "spot", "green", "far"]);
  });

  it("offers only the rounds the actor reads", async () => {
    expect((await listLedgerRoundOptions(member)).map((r) => r.id)).toEqual([roundA]);
    expect((await listLedgerRoundOptions(outsider)).map((r) => r.id)).toEqual([]);
    expect((await listLedgerRoundOptions(supervisor)).map((r) => r.id)).toEqual(expect.arrayContaining([roundA, roundB]));
  });
});

describe("filters", () => {
  it("narrows by round, period, organization subtree, category and duty", async () => {
    expect(await keysOf(supervisor, parse({ round: roundB }))).toEqual(["spot"]);
    const quarter = async (q: number) => (await prisma.period.findUniqueOrThrow({ where: { year_quarter: { year: 2026, quarter: q } } })).id;
    expect((await keysOf(supervisor, parse({ period: await quarter(1) }))).sort()).toEqual(["closed", "far", "green", "red", "submitted", "yellow"]);
    expect(await keysOf(supervisor, parse({ period: await quarter(3) }))).toEqual(["spot"]);
    expect(await keysOf(supervisor, parse({ period: await quarter(4) }))).toEqual([]);
    expect(await keysOf(supervisor, parse({ period: "nosuchperiod" }))).toEqual([]);
    expect((await keysOf(supervisor, parse({ org: await orgId("U01") }))).sort()).toEqual(["closed", "green", "red", "submitted", "yellow"]);
    expect((await keysOf(supervisor, parse({ org: await orgId("U01-B1") }))).sort()).toEqual(["closed", "green"]);
    // Another unit's subtree is still cut to the actor's scope.
    expect(await keysOf(branchSecretary, parse({ org: await orgId("U02") }))).toEqual([]);
    expect(await keysOf(supervisor, parse({ category: "fcat-theory" }))).toEqual(["yellow"]);
    expect(await keysOf(supervisor, parse({ duty: dutyId }))).toEqual(["yellow"]);
    expect(await keysOf(supervisor, parse({ tag: "COMMON" }))).toEqual(["red"]);
    expect(await keysOf(supervisor, parse({ tag: "INDIVIDUAL" }))).toEqual(["green"]);
  });

  it("narrows by state, open, closed and overdue", async () => {
    expect(await keysOf(supervisor, parse({ state: "RETURNED" }))).toEqual(["green"]);
    expect(await keysOf(supervisor, parse({ closed: "1" }))).toEqual(["closed"]);
    expect(await keysOf(supervisor, parse({ open: "1" }))).toEqual(["red", "submitted", "yellow", "spot", "green", "far"]);
    // Overdue: still owed by the unit and past the deadline; a submitted one past it is not.
    expect(await keysOf(supervisor, parse({ overdue: "1" }))).toEqual(["red"]);
    expect(await keysOf(supervisor, parse({ overdue: "1", state: "OPEN" }))).toEqual(["red"]);
    expect(await keysOf(supervisor, parse({ overdue: "1", closed: "1" }))).toEqual([]);
  });

  it("narrows by warning colour, the same colours the rows carry", async () => {
    expect(await keysOf(supervisor, parse({ warning: "red" }))).toEqual(["red"]);
    expect(await keysOf(supervisor, parse({ warning: "yellow" }))).toEqual(["yellow", "spot"]);
    expect(await keysOf(supervisor, parse({ warning: "green" }))).toEqual(["green"]);
    const page = await listFindings(supervisor, {}, { now: TEST_NOW, pageSize: 100 });
    const colours = Object.fromEntries(page.rows.map((r) => [r.id, r.warning?.colour ?? null]));
    expect(colours[ids.red!]).toBe("red");
    expect(colours[ids.yellow!]).toBe("yellow");
    expect(colours[ids.green!]).toBe("green");
    expect(colours[ids.submitted!]).toBeNull();
    expect(colours[ids.closed!]).toBeNull();
    expect(colours[ids.far!]).toBeNull();
    expect(page.rows.find((r) => r.id === ids.red)?.warning?.daysLeft).toBe(-5);
  });

  it("searches the description, ignoring case and taking % literally", async () => {
    expect(await keysOf(supervisor, parse({ q: "学习计划" }))).toEqual(["yellow"]);
    expect(await keysOf(supervisor, parse({ q: "pdf" }))).toEqual(["far"]);
    expect(await keysOf(supervisor, parse({ q: "%" }))).toEqual([]);
    expect(await keysOf(supervisor, parse({ q: "_" }))).toEqual(["far"]);
  });

  it("reads bad parameters as no filter", () => {
    expect(parse({ state: "BOGUS", warning: "blue", overdue: "no", round: "x y", q: "  " })).toEqual({});
    expect(parse({ open: "1", closed: "on", overdue: "true" })).toEqual({ open: true, closed: true, overdue: true });
  });
});

describe("summary and paging", () => {
  it("counts by state and overdue without the state filters, in the same scope", async () => {
    const { summary, total } = await listFindings(unitSecretary, parse({ state: "CLOSED" }), { now: TEST_NOW });
    expect(total).toBe(1);
    expect(summary.total).toBe(5);
    expect(summary.byState).toEqual({ OPEN: 1, IN_PROGRESS: 1, SUBMITTED: 1, RETURNED: 1, CLOSED: 1 });
    expect(summary).toMatchObject({ overdue: 1, red: 1, yellow: 1, green: 1 });
  });

  it("counts every combination of the state-like filters as the database counts the rows", async () => {
    const states = [undefined, "OPEN", "IN_PROGRESS", "SUBMITTED", "RETURNED", "CLOSED"] as const;
    const colours = [undefined, "red", "yellow", "green"] as const;
    const flags: TFindingFilters[] = [{}, { open: true }, { closed: true }, { overdue: true }, { open: true, overdue: true }];
    let nonEmpty = 0;
    for (const state of states) {
      for (const warning of colours) {
        for (const flag of flags) {
          const filters: TFindingFilters = { ...flag, ...(state ? { state } : {}), ...(warning ? { warning } : {}) };
          const page = await listFindings(supervisor, filters, { now: TEST_NOW, pageSize: 100 });
          expect({ filters, total: page.total }).toEqual({ filters, total: await countFindings(supervisor, filters, TEST_NOW) });
          expect(page.rows).toHaveLength(page.total);
          if (page.total > 0) nonEmpty += 1;
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it("pages in the database, and clamps a page past the end", async () => {
    const first = await listFindings(supervisor, {}, { now: TEST_NOW, pageSize: 3 });
    expect(first).toMatchObject({ total: 7, page: 1, pageCount: 3 });
    expect(first.rows).toHaveLength(3);
    const last = await listFindings(supervisor, {}, { now: TEST_NOW, pageSize: 3, page: 9 });
    expect(last.page).toBe(3);
    expect(last.rows.map((r) => r.id)).toEqual([ids.far]);
  });
});

describe("the three lists' content", () => {
  it("gives each row what the problem, task and responsibility lists show", async () => {
    const page = await listFindings(unitSecretary, {}, { now: TEST_NOW, pageSize: 100 });
    const yellow = page.rows.find((r) => r.id === ids.yellow);
    expect(yellow).toMatchObject({
      seq: 2,
      round: { id: roundA, title: "2026年第一季度党建督查", type: "ROUTINE" },
      category: { id: "fcat-theory", name: "理论学习", nameEn: "Theoretical study" },
      severity: "LOW",
      description: "理论学习计划未制定",
      duty: { id: dutyId },
      state: "IN_PROGRESS",
      measures: "制定年度学习计划并报备",
      owner: { id: unitSecretary.id, name: unitSecretary.name },
      deadline: day("2026-11-30"),
      warning: { colour: "yellow", daysLeft: 5 },
      lastEvent: { kind: "PROGRESS", text: "学习计划已报备", at: new Date("2026-11-20T02:00:00Z") },
      issuedAt: new Date("2026-09-25T02:00:00Z"),
    });
    const red = page.rows.find((r) => r.id === ids.red);
    expect(red).toMatchObject({ severity: "HIGH", tag: "COMMON", duty: null, owner: null, measures: null, lastEvent: null });

    // Only the current close-out attempt's acceptances, against the parties required (default: group and committee).
    const submitted = page.rows.find((r) => r.id === ids.submitted);
    expect(submitted?.requiredParties).toEqual(["GROUP", "COMMITTEE"]);
    expect(submitted?.acceptances).toEqual([{ party: "GROUP", by: member.name, at: new Date("2026-11-23T02:00:00Z") }]);
    const closed = page.rows.find((r) => r.id === ids.closed);
    expect(closed?.acceptances.map((a) => a.party)).toEqual(["GROUP", "COMMITTEE"]);
    expect(closed?.closedAt).toEqual(new Date("2026-11-01T03:00:00Z"));
  });

  it("heads a printed ledger with the filtered unit and round, else the actor's own unit", async () => {
    const u01 = await prisma.org.findUniqueOrThrow({ where: { code: "U01" }, select: { id: true, name: true } });
    const own = await getLedgerHeading(unitSecretary, {});
    expect(own.unit?.name).toBe(u01.name);
    expect(own.round).toBeNull();
    const filtered = await getLedgerHeading(supervisor, { org: u01.id, round: roundA });
    expect(filtered.unit?.name).toBe(u01.name);
    expect(filtered.round).toMatchObject({ id: roundA, title: "2026年第一季度党建督查", startsOn: day("2026-03-02"), endsOn: day("2026-03-20") });
    // A round the actor cannot read is not named.
    expect((await getLedgerHeading(outsider, { round: roundA })).round).toBeNull();
  });
});

describe("warning boundaries", () => {
  it("agrees with deadlineWarning and its SQL twin on every boundary", async () => {
    const wc = await orgId("WC");
    const u03 = await orgId("U03");
    const round = await prisma.inspectionRound.create({
      data: { title: "边界", type: "ROUTINE", scopeOrgId: wc, startsOn: day("2026-10-01"), endsOn: day("2026-10-02") },
    });
    const report = await prisma.inspectionReport.create({ data: { roundId: round.id, orgId: u03, status: "ISSUED", issuedAt: TEST_NOW } });
    const offsets = [-1, 0, 10, 11, 20, 21];
    const made = new Map<string, number>();
    for (const [i, offset] of offsets.entries()) {
      const f = await prisma.finding.create({
        data: {
          reportId: report.id,
          roundId: round.id,
          orgId: u03,
          seq: i + 1,
          description: `边界 ${offset}`,
          categoryId: "fcat-other",
          deadline: new Date(day("2026-11-25").getTime() + offset * 86_400_000),
        },
      });
      made.set(f.id, offset);
    }
    const scoped = parse({ round: round.id });
    const expected: Record<string, number[]> = { red: [-1], yellow: [0, 10], green: [11, 20] };
    for (const colour of ["red", "yellow", "green"] as const) {
      const rows = (await listFindings(supervisor, { ...scoped, warning: colour }, { now: TEST_NOW })).rows;
      expect(rows.map((r) => made.get(r.id))).toEqual(expected[colour]);
      expect(rows.every((r) => r.warning?.colour === colour)).toBe(true);
    }
    const all = (await listFindings(supervisor, scoped, { now: TEST_NOW })).rows;
    expect(all.find((r) => made.get(r.id) === 21)?.warning).toBeNull();
    const sql = await prisma.$queryRaw<{ id: string; colour: string | null }[]>`
      SELECT f."id", ${findingWarningSql(day("2026-11-25"), warningThresholds())} AS colour FROM "Finding" f WHERE f."roundId" = ${round.id}`;
    const sqlColours = Object.fromEntries(sql.map((r) => [r.id, r.colour]));
    for (const row of all) expect(sqlColours[row.id] ?? null).toBe(row.warning?.colour ?? null);
  });
});
