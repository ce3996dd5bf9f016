import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "@/lib/dates";
import { FINDING_STATES } from "@/lib/finding-state";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { analyseFindings, type AnalysisFilters } from "@/lib/server/inspections/analysis";
import { countFindings, listFindings, type TFindingFilters } from "@/lib/server/inspections/list-findings";
import { moveOrg } from "@/lib/server/orgs/restructure";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

// The ledger's summary and the findings analysis are kept while the findings' revision stands
// (lib/server/cache/revisions.ts). Each kind of write that changes what they show is made between
// two reads, and the second read is held to the database's own count, made afresh, and to the names
// as they now are: a write the revision missed would leave the first read's answer in place.

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const DAY = today(TEST_NOW);

let drop: () => Promise<void>;
let supervisor: Actor;
let unitSecretary: Actor;
let member: Actor;
let newcomer: Actor;
let roundId: string;
let draftId: string;
let periodId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  drop = await useSeededDatabase("kept-results");
  supervisor = await actorFor("supervisor");
  unitSecretary = await actorFor("u01-secretary");
  member = await actorWithRole("INSPECTOR", "WC");
  newcomer = await actorWithRole("INSPECTOR", "WC");
  const wc = await orgId("WC");
  const u01 = await orgId("U01");
  const b1 = await orgId("U01-B1");
  const u02 = await orgId("U02");
  const u03 = await orgId("U03");
  periodId = (await prisma.period.findUniqueOrThrow({ where: { year_quarter: { year: 2026, quarter: 1 } }, select: { id: true } })).id;
  roundId = (
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
  const report = async (org: string, status: "DRAFT" | "ISSUED") =>
    (await prisma.inspectionReport.create({ data: { roundId, orgId: org, status, issuedAt: status === "ISSUED" ? day("2026-03-25") : null } })).id;
  const onU01 = await report(u01, "ISSUED");
  const onB1 = await report(b1, "ISSUED");
  const onU02 = await report(u02, "ISSUED");
  draftId = await report(u03, "DRAFT");
  const dutyId = (await prisma.duty.findFirstOrThrow({ select: { id: true }, orderBy: { code: "asc" } })).id;
  const specs = [
    { key: "open", reportId: onU01, orgId: u01, seq: 1, deadline: "2026-12-20", categoryId: "fcat-org-life", dutyId },
    { key: "late", reportId: onU01, orgId: u01, seq: 2, deadline: "2026-11-01", categoryId: "fcat-theory" },
    { key: "branch", reportId: onB1, orgId: b1, seq: 1, deadline: "2026-12-01", categoryId: "fcat-org-life" },
    { key: "other", reportId: onU02, orgId: u02, seq: 1, deadline: "2026-12-30", categoryId: "fcat-other" },
    { key: "drafted", reportId: draftId, orgId: u03, seq: 1, deadline: "2026-11-02", categoryId: "fcat-theory" },
  ];
  for (const { key, deadline, ...data } of specs) {
    ids[key] = (await prisma.finding.create({ data: { ...data, roundId, description: key, deadline: day(deadline) } })).id;
  }
});
afterAll(() => drop());

/** What the database counts now, with the ledger's own rule and no kept result. */
async function counted(actor: Actor, filters: TFindingFilters) {
  const count = (more: TFindingFilters) => countFindings(actor, { ...filters, ...more }, TEST_NOW);
  const byState = Object.fromEntries(await Promise.all(FINDING_STATES.map(async (state) => [state, await count({ state })])));
  return { total: await count({}), open: await count({ open: true }), closed: await count({ closed: true }), overdue: await count({ overdue: true }), byState };
}

/** What the ledger and the analysis show, kept or not. */
async function shown(actor: Actor, filters: TFindingFilters) {
  const ledger = await listFindings(actor, filters, { now: TEST_NOW });
  const analysisFilters: AnalysisFilters = { roundId: filters.round, periodId: filters.period };
  const analysis = await analyseFindings(actor, analysisFilters, DAY);
  return { ledger, analysis };
}

/** Who reads, with which filters: a member of the group, one added later, the committee and a unit. */
const selections = (): [string, Actor, TFindingFilters][] => [
  ["supervisor", supervisor, {}],
  ["supervisor, first quarter", supervisor, { period: periodId }],
  ["unit secretary", unitSecretary, {}],
  ["member", member, {}],
  ["newcomer", newcomer, {}],
];

async function expectExact(after: string) {
  for (const [name, actor, filters] of selections()) {
    const { ledger, analysis } = await shown(actor, filters);
    const truth = await counted(actor, filters);
    const label = `${name}, after ${after}`;
    expect({ total: ledger.summary.total, overdue: ledger.summary.overdue, byState: ledger.summary.byState }, label).toEqual({
      total: truth.total,
      overdue: truth.overdue,
      byState: truth.byState,
    });
    expect(ledger.total, label).toBe(truth.total);
    const { total, open, closed, overdue } = analysis.totals;
    expect({ total, open, closed, overdue }, label).toEqual({ total: truth.total, open: truth.open, closed: truth.closed, overdue: truth.overdue });
  }
}

/** The supervisor's analysis, as the page reads it. */
const supervisorAnalysis = () => analyseFindings(supervisor, {}, DAY);

describe("the ledger's summary and the analysis, kept between writes", () => {
  it("stay exact through every kind of write to what they read", async () => {
    const writes: [string, () => Promise<unknown>][] = [
      ["a finding closed out", () => prisma.finding.update({ where: { id: ids.open }, data: { state: "CLOSED", closedAt: day("2026-11-20") } })],
      ["a deadline moved into the past", () => prisma.finding.update({ where: { id: ids.other }, data: { deadline: day("2026-10-01") } })],
      ["a draft report issued", () => prisma.inspectionReport.update({ where: { id: draftId }, data: { status: "ISSUED", issuedAt: day("2026-03-26") } })],
      ["a finding deleted", () => prisma.finding.delete({ where: { id: ids.late } })],
      ["a member added to the group", () => prisma.inspectionMember.create({ data: { roundId, userId: newcomer.id } })],
      ["the round moved out of the quarter", () => prisma.inspectionRound.update({ where: { id: roundId }, data: { startsOn: day("2026-04-02"), endsOn: day("2026-04-20") } })],
      ["the quarter's dates changed to hold it again", () => prisma.period.update({ where: { id: periodId }, data: { endsOn: day("2026-04-30") } })],
      [
        "a branch moved to another unit",
        async () => {
          const branch = await prisma.org.findUniqueOrThrow({ where: { code: "U01-B1" }, select: { id: true, version: true } });
          await moveOrg(await actorFor("admin"), { orgId: branch.id, targetId: await orgId("U02-OPC"), expectedVersion: branch.version });
        },
      ],
    ];
    await expectExact("nothing");
    for (const [what, write] of writes) {
      await write();
      await expectExact(what);
    }
  });

  it("show a category, a duty and an organization by their names as they are now", async () => {
    const before = await supervisorAnalysis();
    expect(before.byCategory.map((c) => c.name)).not.toContain("组织生活（改）");

    await prisma.findingCategory.update({ where: { id: "fcat-org-life" }, data: { name: "组织生活（改）" } });
    expect((await supervisorAnalysis()).byCategory.map((c) => c.name)).toContain("组织生活（改）");

    const duty = before.byDuty[0];
    if (!duty) throw new Error("no finding names a duty");
    await prisma.duty.update({ where: { id: duty.dutyId }, data: { title: `${duty.title}（改）` } });
    expect((await supervisorAnalysis()).byDuty[0]?.title).toBe(`${duty.title}（改）`);

    const unit = before.units[0];
    if (!unit) throw new Error("no organization with open findings");
    await prisma.org.update({ where: { id: unit.orgId }, data: { name: `${unit.name}（改）` } });
    expect((await supervisorAnalysis()).units.map((u) => u.name)).toContain(`${unit.name}（改）`);
  });
});
