import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RectificationState } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { raiseFindingEscalations } from "@/lib/server/inspections/escalate";
import { setOptOuts } from "@/lib/server/notifications/opt-outs";
import { raiseFindingWarningNotices } from "@/lib/server/notifications/raise-warnings";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
const savedDays = process.env.ESCALATION_DAYS;

beforeAll(async () => {
  drop = await useSeededDatabase("escalate");
});
afterEach(() => {
  if (savedDays === undefined) delete process.env.ESCALATION_DAYS;
  else process.env.ESCALATION_DAYS = savedDays;
});
afterAll(() => drop());

const DAY_MS = 86_400_000;
/** A calendar day as a date column holds it. */
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
/** Noon in Beijing on that day: what a run "on" that day sees as now. */
const on = (iso: string) => new Date(`${iso}T04:00:00.000Z`);
/** The day `n` days after `iso`. */
const plus = (iso: string, n: number) => new Date(day(iso).getTime() + n * DAY_MS).toISOString().slice(0, 10);

// TEST_NOW is 2026-11-25 in Beijing.
const TODAY = "2026-11-25";

let rounds = 0;

/** A finding on its own round and report, made directly in the database. */
async function findingOn(
  orgCode: string,
  options: { scope?: string; deadline: string | null; state?: RectificationState; report?: "DRAFT" | "ISSUED"; ownerId?: string },
): Promise<string> {
  rounds += 1;
  const round = await prisma.inspectionRound.create({
    data: { title: `测试督查 ${rounds}`, type: "ROUTINE", scopeOrgId: await orgId(options.scope ?? "WC"), startsOn: day("2026-07-01"), endsOn: day("2026-07-31") },
    select: { id: true },
  });
  const report = await prisma.inspectionReport.create({
    data: { roundId: round.id, orgId: await orgId(orgCode), status: options.report ?? "ISSUED", issuedAt: options.report === "DRAFT" ? null : day("2026-08-01") },
    select: { id: true },
  });
  const finding = await prisma.finding.create({
    data: {
      reportId: report.id,
      roundId: round.id,
      orgId: await orgId(orgCode),
      seq: 1,
      description: "三会一课记录不完整",
      categoryId: "fcat-conduct",
      state: options.state ?? "OPEN",
      deadline: options.deadline ? day(options.deadline) : null,
      ownerId: options.ownerId ?? null,
    },
    select: { id: true },
  });
  return finding.id;
}

/** A finding's escalations as "LEVEL@ORGCODE/daysOverdue", oldest first. */
async function escalationsOf(findingId: string): Promise<string[]> {
  const rows = await prisma.findingEscalation.findMany({
    where: { findingId },
    orderBy: [{ createdAt: "asc" }, { daysOverdue: "asc" }],
    select: { level: true, daysOverdue: true, addressedOrg: { select: { code: true } } },
  });
  return rows.map((r) => `${r.level}@${r.addressedOrg.code}/${r.daysOverdue}`);
}

describe("escalation timing", () => {
  it("raises nothing on the deadline, then the reminder, the warning and the accountability notice once each", async () => {
    const id = await findingOn("U01-B1", { deadline: TODAY });
    await raiseFindingEscalations(prisma, TEST_NOW);
    expect(await escalationsOf(id)).toEqual([]);

    await raiseFindingEscalations(prisma, on(plus(TODAY, 1)));
    expect(await escalationsOf(id)).toEqual(["REMINDER@U01-OPC/1"]);
    // A rerun the same day, or the next days, adds nothing.
    expect(await raiseFindingEscalations(prisma, on(plus(TODAY, 1)))).toMatchObject({ escalationsCreated: 0, noticesCreated: 0 });
    await raiseFindingEscalations(prisma, on(plus(TODAY, 2)));
    await raiseFindingEscalations(prisma, on(plus(TODAY, 14)));
    expect(await escalationsOf(id)).toEqual(["REMINDER@U01-OPC/1"]);

    await raiseFindingEscalations(prisma, on(plus(TODAY, 15)));
    expect(await escalationsOf(id)).toEqual(["REMINDER@U01-OPC/1", "WARNING@U01/15"]);
    await raiseFindingEscalations(prisma, on(plus(TODAY, 29)));
    expect(await escalationsOf(id)).toHaveLength(2);

    await raiseFindingEscalations(prisma, on(plus(TODAY, 30)));
    await raiseFindingEscalations(prisma, on(plus(TODAY, 31)));
    expect(await escalationsOf(id)).toEqual(["REMINDER@U01-OPC/1", "WARNING@U01/15", "ACCOUNTABILITY@WC/30"]);
  });

  it("catches up on the steps a missed run would have raised, stamped with the days overdue when raised", async () => {
    const id = await findingOn("U01-B1", { deadline: plus(TODAY, -40) });
    const run = await raiseFindingEscalations(prisma, TEST_NOW);
    expect(run.escalationsCreated).toBeGreaterThanOrEqual(3);
    expect((await escalationsOf(id)).sort()).toEqual(["ACCOUNTABILITY@WC/40", "REMINDER@U01-OPC/40", "WARNING@U01/40"]);
    expect(await prisma.findingEscalation.findFirst({ where: { findingId: id }, select: { deadline: true } })).toEqual({ deadline: day(plus(TODAY, -40)) });
  });

  it("goes up one level per step and stops at the round's scope", async () => {
    const deadline = plus(TODAY, -30);
    const underUnit = await findingOn("U01-B1", { scope: "U01", deadline });
    const deep = await findingOn("U01-GB1-B1", { scope: "U01", deadline });
    const narrow = await findingOn("U01-B1", { scope: "U01-OPC", deadline });
    const onScope = await findingOn("U01", { scope: "U01", deadline });
    await raiseFindingEscalations(prisma, TEST_NOW);
    const levels = async (id: string) => (await escalationsOf(id)).map((e) => e.replace(/\/\d+$/, "")).sort();
    expect(await levels(underUnit)).toEqual(["ACCOUNTABILITY@U01", "REMINDER@U01-OPC", "WARNING@U01"]);
    expect(await levels(deep)).toEqual(["ACCOUNTABILITY@U01", "REMINDER@U01-GB1", "WARNING@U01-OPC"]);
    expect(await levels(narrow)).toEqual(["ACCOUNTABILITY@U01-OPC", "REMINDER@U01-OPC", "WARNING@U01-OPC"]);
    expect(await levels(onScope)).toEqual(["ACCOUNTABILITY@U01", "REMINDER@U01", "WARNING@U01"]);
  });

  it("never escalates findings waiting for acceptance, closed out, on a draft report or without a deadline", async () => {
    const deadline = plus(TODAY, -40);
    const ids = [
      await findingOn("U01-B1", { deadline, state: "SUBMITTED" }),
      await findingOn("U01-B1", { deadline, state: "CLOSED" }),
      await findingOn("U01-B1", { deadline, report: "DRAFT" }),
      await findingOn("U01-B1", { deadline: null }),
    ];
    const open = [await findingOn("U01-B1", { deadline, state: "IN_PROGRESS" }), await findingOn("U01-B1", { deadline, state: "RETURNED" })];
    await raiseFindingEscalations(prisma, TEST_NOW);
    for (const id of ids) expect(await escalationsOf(id)).toEqual([]);
    for (const id of open) expect(await escalationsOf(id)).toHaveLength(3);
    expect(await prisma.notification.count({ where: { findingId: { in: ids } } })).toBe(0);
  });

  it("starts over for a new deadline, keeping the escalations of the old one", async () => {
    const first = plus(TODAY, -20);
    const id = await findingOn("U01-B1", { deadline: first });
    await raiseFindingEscalations(prisma, TEST_NOW);
    expect((await escalationsOf(id)).sort()).toEqual(["REMINDER@U01-OPC/20", "WARNING@U01/20"]);

    // Reopened with a new deadline ten days ahead.
    const second = plus(TODAY, 10);
    await prisma.finding.update({ where: { id }, data: { state: "OPEN", deadline: day(second) } });
    await raiseFindingEscalations(prisma, TEST_NOW);
    await raiseFindingEscalations(prisma, on(second));
    expect(await escalationsOf(id)).toHaveLength(2);

    await raiseFindingEscalations(prisma, on(plus(second, 1)));
    const rows = await prisma.findingEscalation.findMany({ where: { findingId: id, level: "REMINDER" }, orderBy: { deadline: "asc" }, select: { deadline: true, daysOverdue: true } });
    expect(rows).toEqual([
      { deadline: day(first), daysOverdue: 20 },
      { deadline: day(second), daysOverdue: 1 },
    ]);
  });

  it("follows ESCALATION_DAYS", async () => {
    process.env.ESCALATION_DAYS = "3,5,7";
    const id = await findingOn("U01-B1", { deadline: TODAY });
    await raiseFindingEscalations(prisma, on(plus(TODAY, 2)));
    expect(await escalationsOf(id)).toEqual([]);
    await raiseFindingEscalations(prisma, on(plus(TODAY, 4)));
    expect(await escalationsOf(id)).toEqual(["REMINDER@U01-OPC/4"]);
    await raiseFindingEscalations(prisma, on(plus(TODAY, 5)));
    await raiseFindingEscalations(prisma, on(plus(TODAY, 7)));
    expect(await escalationsOf(id)).toEqual(["REMINDER@U01-OPC/4", "WARNING@U01/5", "ACCOUNTABILITY@WC/7"]);
  });
});

describe("escalation notices", () => {
  it("tells the secretaries, supervisors and administrators on the addressed organization, honouring opt-outs", async () => {
    const [secretary, supervisor, staff, quiet, gone] = await Promise.all([
      actorWithRole("SECRETARY", "U01-OPC"),
      actorWithRole("SUPERVISOR", "U01-OPC"),
      actorWithRole("STAFF", "U01-OPC"),
      actorWithRole("SECRETARY", "U01-OPC"),
      actorWithRole("ADMIN", "U01-OPC"),
    ]);
    await setOptOuts(quiet, ["FINDING_ESCALATED"]);
    await prisma.user.update({ where: { id: gone.id }, data: { isActive: false } });
    const [u01, admin, wcSupervisor, wcSecretary, branch] = await Promise.all([
      actorFor("u01-secretary"),
      actorFor("admin"),
      actorFor("supervisor"),
      actorFor("wc-secretary"),
      actorFor("u01-branch"),
    ]);
    // The finding's own people hear of it through the warnings, not the escalations.
    const owner: Actor = branch;
    const id = await findingOn("U01-B1", { deadline: TODAY, ownerId: owner.id });

    const noticesOf = async () =>
      (await prisma.notification.findMany({ where: { findingId: id, kind: "FINDING_ESCALATED" }, select: { userId: true, payload: true } }))
        .map((n) => ({ userId: n.userId, payload: n.payload }))
        .sort((a, b) => a.userId.localeCompare(b.userId));

    await raiseFindingEscalations(prisma, on(plus(TODAY, 1)));
    const reminder = { level: "REMINDER", daysOverdue: 1, deadline: TODAY };
    expect(await noticesOf()).toEqual(
      [secretary, supervisor].map((a) => ({ userId: a.id, payload: reminder })).sort((a, b) => a.userId.localeCompare(b.userId)),
    );
    for (const nobody of [staff, quiet, gone, u01, owner]) expect(await prisma.notification.count({ where: { userId: nobody.id, findingId: id } })).toBe(0);

    await raiseFindingEscalations(prisma, on(plus(TODAY, 15)));
    await raiseFindingEscalations(prisma, on(plus(TODAY, 30)));
    const levelsFor = async (userId: string) =>
      (await prisma.notification.findMany({ where: { userId, findingId: id, kind: "FINDING_ESCALATED" }, select: { payload: true } })).map(
        (n) => (n.payload as { level: string }).level,
      );
    expect(await levelsFor(u01.id)).toEqual(["WARNING"]);
    for (const who of [admin, wcSupervisor, wcSecretary]) expect(await levelsFor(who.id)).toEqual(["ACCOUNTABILITY"]);
    expect(await levelsFor(secretary.id)).toEqual(["REMINDER"]);
    expect(await prisma.notification.count({ where: { findingId: id } })).toBe(2 + 1 + 3);
  });
});

describe("finding warning notices", () => {
  it("tells the owner and the rectifiers of the finding's organization of yellow and red findings, once per deadline", async () => {
    const [branch, u01, staff] = await Promise.all([actorFor("u01-branch"), actorFor("u01-secretary"), actorFor("u01-staff")]);
    const owner = await actorWithRole("STAFF", "U01-B2");
    const worker = await actorWithRole("STAFF", "U01-B1");
    const quiet = await actorWithRole("STAFF", "U01-B1");
    await setOptOuts(quiet, ["FINDING_RED"]);
    // The finding's rectifiers on U01-B1: the demo branch secretary and the workers made in this file.
    const holders = (await prisma.roleGrant.findMany({ where: { org: { code: "U01-B1" }, role: { in: ["SECRETARY", "STAFF"] }, user: { isActive: true } }, select: { userId: true } })).map(
      (g) => g.userId,
    );
    expect(holders).toEqual(expect.arrayContaining([branch.id, worker.id, quiet.id]));

    const yellow = await findingOn("U01-B1", { deadline: TODAY, ownerId: owner.id });
    const tenDays = await findingOn("U01-B1", { deadline: plus(TODAY, 10), state: "IN_PROGRESS", ownerId: worker.id });
    const red = await findingOn("U01-B1", { deadline: plus(TODAY, -1), state: "RETURNED", ownerId: owner.id });
    const quietFinding = [
      await findingOn("U01-B1", { deadline: plus(TODAY, 11) }),
      await findingOn("U01-B1", { deadline: plus(TODAY, -1), state: "SUBMITTED" }),
      await findingOn("U01-B1", { deadline: plus(TODAY, -1), state: "CLOSED" }),
      await findingOn("U01-B1", { deadline: plus(TODAY, -1), report: "DRAFT" }),
    ];

    const recipients = async (findingId: string) =>
      (await prisma.notification.findMany({ where: { findingId, kind: { in: ["FINDING_YELLOW", "FINDING_RED"] } }, select: { userId: true, kind: true, payload: true } }))
        .map((n) => `${n.kind}:${n.userId}`)
        .sort();
    const expected = (kind: string, userIds: string[]) => [...new Set(userIds)].map((u) => `${kind}:${u}`).sort();

    const first = await raiseFindingWarningNotices(prisma, TEST_NOW);
    expect(first.noticesCreated).toBeGreaterThan(0);
    expect(await recipients(yellow)).toEqual(expected("FINDING_YELLOW", [...holders, owner.id]));
    // The owner who is also a rectifier is told once.
    expect(await recipients(tenDays)).toEqual(expected("FINDING_YELLOW", holders));
    expect(await recipients(red)).toEqual(expected("FINDING_RED", [...holders.filter((u) => u !== quiet.id), owner.id]));
    for (const id of quietFinding) expect(await recipients(id)).toEqual([]);
    for (const above of [u01, staff]) expect(await prisma.notification.count({ where: { userId: above.id, findingId: { in: [yellow, tenDays, red] } } })).toBe(0);
    expect(await prisma.notification.findFirst({ where: { findingId: red, userId: owner.id }, select: { payload: true, dedupeKey: true } })).toEqual({
      payload: { dueDate: plus(TODAY, -1) },
      dedupeKey: `FINDING_RED:${red}:${plus(TODAY, -1)}:${owner.id}`,
    });

    // Rerun the same day and the next: nothing new; the yellow one turns red the day after its deadline.
    expect(await raiseFindingWarningNotices(prisma, TEST_NOW)).toMatchObject({ noticesCreated: 0 });
    await raiseFindingWarningNotices(prisma, on(plus(TODAY, 1)));
    expect(await recipients(red)).toEqual(expected("FINDING_RED", [...holders.filter((u) => u !== quiet.id), owner.id]));
    expect(await recipients(yellow)).toEqual([...expected("FINDING_YELLOW", [...holders, owner.id]), ...expected("FINDING_RED", [...holders.filter((u) => u !== quiet.id), owner.id])].sort());

    // A new deadline warns anew.
    await prisma.finding.update({ where: { id: red }, data: { deadline: day(plus(TODAY, 3)) } });
    await raiseFindingWarningNotices(prisma, TEST_NOW);
    expect(await prisma.notification.count({ where: { findingId: red, userId: owner.id, kind: "FINDING_YELLOW" } })).toBe(1);
  });
});
