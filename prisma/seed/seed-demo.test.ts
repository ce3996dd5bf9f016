import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "@/lib/env";
import { openDatabase, type Connection } from "@/lib/server/db/connect";
import { migrate } from "@/lib/server/db/migrate";
import { createTestDatabase } from "@/lib/test/test-database";
import { isoDay, today } from "@/lib/dates";
import { TERM_ORG_TYPES, TERM_STATES } from "@/lib/term-kinds";
import { termDueOn, termState } from "@/lib/term-rules";
import { TEST_NOW } from "@/lib/test/seeded-database";
import { NonDemoDataError, seedDemo } from "@/prisma/seed/seed-demo";
import { seedDemoInspections } from "@/prisma/seed/seed-inspections";

let db: Connection;
let drop: () => Promise<void>;

beforeAll(async () => {
  const created = await createTestDatabase("seed");
  drop = created.drop;
  await migrate({ target: parseDatabaseUrl(created.url), migrationsDir: path.resolve("prisma/migrations") });
  db = openDatabase(created.url);
});
afterAll(async () => {
  await db.close();
  await drop();
});

async function snapshot() {
  const p = db.prisma;
  return {
    orgs: await p.org.findMany({ orderBy: { code: "asc" }, select: { code: true, path: true, type: true } }),
    users: await p.user.count(),
    grants: await p.roleGrant.count(),
    catalogs: await p.catalogVersion.count(),
    duties: await p.duty.count(),
    items: await p.checklistItem.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, version: true, dueDate: true } }),
    terms: await p.orgTerm.findMany({ orderBy: { id: "asc" }, select: { id: true, orgId: true, electedOn: true, dueOn: true, endedOn: true, version: true } }),
    talks: await p.appointmentTalk.count(),
    headChanges: await p.headChange.count(),
    projects: await p.secretaryProject.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, _count: { select: { milestones: true } } } }),
    grades: await p.branchGrade.findMany({ orderBy: { id: "asc" }, select: { id: true, rank: true, version: true } }),
    meetings: await p.branchMeeting.count(),
    modelSites: await p.modelSite.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, _count: { select: { reviews: true } } } }),
  };
}

describe("demo seed", () => {
  it("builds the demo province with the sample catalogs", async () => {
    const result = await seedDemo(db.prisma, { now: TEST_NOW });
    expect(result.createdItems).toBeGreaterThan(0);
    // Two secretary projects of the year, one with a milestone past its day (red), one near (yellow).
    const projects = await db.prisma.secretaryProject.findMany({ select: { year: true, milestones: { where: { doneOn: null }, orderBy: { dueOn: "asc" }, take: 1, select: { dueOn: true } } } });
    expect(projects.map((p) => [p.year, Math.sign(p.milestones[0]!.dueOn.getTime() - Date.UTC(2026, 10, 25))]).sort()).toEqual([
      [2026, -1],
      [2026, 1],
    ]);
    const units = await db.prisma.org.count({ where: { type: "PARTY_GROUP" } });
    expect(units).toBeGreaterThanOrEqual(8);
    const branchesPerUnit = await db.prisma.org.findMany({ where: { type: "PARTY_GROUP" }, select: { path: true } });
    for (const unit of branchesPerUnit) {
      expect(await db.prisma.org.count({ where: { type: "BRANCH", path: { startsWith: unit.path } } })).toBeGreaterThanOrEqual(2);
      expect(await db.prisma.org.count({ where: { type: "ORGAN_PARTY_COMMITTEE", path: { startsWith: unit.path } } })).toBe(1);
    }
    const shandong = await db.prisma.catalogVersion.findFirstOrThrow({ where: { catalog: { key: "shandong-style-sample" } }, include: { duties: true, catalog: true } });
    expect(shandong.source).toBe("示例");
    expect(shandong.catalog.isSample).toBe(true);
    const count = (kind: string) => shandong.duties.filter((d) => d.kind === kind).length;
    expect([count("MAIN"), count("ASSISTING"), count("SUPERVISORY")]).toEqual([12, 8, 7]);
    for (const role of ["ADMIN", "SUPERVISOR", "INSPECTOR", "SECRETARY", "STAFF"] as const) {
      expect(await db.prisma.roleGrant.count({ where: { role } })).toBeGreaterThan(0);
    }
    expect(await db.prisma.checklistItem.count({ where: { status: "DONE" } })).toBeGreaterThan(0);
    expect(await db.prisma.checklistItem.count({ where: { status: { not: "DONE" }, dueDate: { lt: new Date("2026-11-25") } } })).toBeGreaterThan(0);
  });

  it("records committee terms in every state of the term ledger, with history, talks and head changes", async () => {
    const day = today(TEST_NOW);
    const orgs = await db.prisma.org.findMany({
      where: { type: { in: [...TERM_ORG_TYPES] } },
      select: { code: true, terms: { where: { endedOn: null }, select: { dueOn: true, termYears: true, electedOn: true } } },
    });
    const states = new Set(orgs.map((o) => termState(o.terms[0]?.dueOn ?? null, day)));
    expect([...states].sort()).toEqual([...TERM_STATES].sort());
    // At most one current term each, due its years after the election.
    for (const org of orgs) {
      expect(org.terms.length).toBeLessThanOrEqual(1);
      for (const term of org.terms) expect(isoDay(term.dueOn)).toBe(isoDay(termDueOn(term.electedOn, term.termYears)));
    }
    // Earlier terms, each ended by the next election.
    const ended = await db.prisma.orgTerm.findMany({ where: { endedOn: { not: null } }, select: { orgId: true, endedOn: true } });
    expect(ended.length).toBeGreaterThan(0);
    for (const term of ended) {
      expect(await db.prisma.orgTerm.count({ where: { orgId: term.orgId, electedOn: term.endedOn! } })).toBe(1);
    }
    expect(await db.prisma.appointmentTalk.count()).toBeGreaterThan(0);
    expect(await db.prisma.headChange.count()).toBeGreaterThan(0);
    // Unit U01's second branch of its general branch has none recorded (the end-to-end test records one).
    expect(orgs.find((o) => o.code === "U01-GB1-B2")?.terms).toEqual([]);
  });

  it("leaves the same data when run again", async () => {
    const before = await snapshot();
    const result = await seedDemo(db.prisma, { now: TEST_NOW });
    expect(result.createdItems).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a database that holds non-demo data unless forced", async () => {
    const root = await db.prisma.org.findFirstOrThrow({ where: { parentId: null } });
    await db.prisma.org.create({ data: { code: "REAL-1", name: "真实单位", type: "PARTY_GROUP", parentId: root.id, path: `${root.path}real-1/`, depth: 1 } });
    await expect(seedDemo(db.prisma, { now: TEST_NOW })).rejects.toBeInstanceOf(NonDemoDataError);
    await expect(seedDemo(db.prisma, { now: TEST_NOW, force: true })).resolves.toMatchObject({ createdItems: 0 });
  });
});

describe("demo inspections", () => {
  it("adds one issued round with findings in every state, a tour's feedback to rectify and a turnaround case, once", async () => {
    await seedDemo(db.prisma, { now: TEST_NOW, force: true });
    expect(await seedDemoInspections(db.prisma, { now: TEST_NOW })).toEqual({ created: true });
    expect(await seedDemoInspections(db.prisma, { now: TEST_NOW })).toEqual({ created: false });
    const states = await db.prisma.finding.groupBy({ by: ["state"], _count: true, orderBy: { state: "asc" } });
    expect(states.map((s) => s.state).sort()).toEqual(["CLOSED", "IN_PROGRESS", "OPEN", "RETURNED", "SUBMITTED"]);
    const closed = await db.prisma.finding.findFirstOrThrow({ where: { state: "CLOSED" }, select: { acceptances: { select: { party: true } } } });
    expect(closed.acceptances.map((a) => a.party).sort()).toEqual(["COMMITTEE", "GROUP"]);
    expect(await db.prisma.inspectionReport.count({ where: { status: "ISSUED", round: { type: "ROUTINE" } } })).toBe(2);
    const tour = await db.prisma.tourFeedback.findFirstOrThrow({ select: { org: { select: { code: true } }, round: { select: { type: true, findings: { select: { state: true } } } } } });
    expect([tour.org.code, tour.round.type, tour.round.findings.map((f) => f.state)]).toEqual(["U03", "TOUR", ["OPEN", "OPEN", "OPEN"]]);
    // The branch graded 后进 under turnaround, its first measure past its deadline.
    const turnaround = await db.prisma.turnaroundCase.findFirstOrThrow({ select: { trigger: true, org: { select: { code: true } }, round: { select: { type: true, findings: { orderBy: { seq: "asc" }, select: { deadline: true } } } } } });
    expect([turnaround.org.code, turnaround.trigger, turnaround.round.type]).toEqual(["U02-B2", "LOWEST_GRADE", "TURNAROUND"]);
    expect(turnaround.round.findings.map((f) => f.deadline! < TEST_NOW)).toEqual([true, false]);
    expect(await db.prisma.finding.count({ where: { dutyId: { not: null } } })).toBe(2);
    // One open finding of the routine round is past its deadline, for the red colour and the escalations; and the turnaround's first measure.
    expect(await db.prisma.finding.count({ where: { state: "OPEN", deadline: { lt: TEST_NOW }, round: { type: "ROUTINE" } } })).toBe(1);
    expect(await db.prisma.finding.count({ where: { state: "OPEN", deadline: { lt: TEST_NOW } } })).toBe(2);
  });
});
