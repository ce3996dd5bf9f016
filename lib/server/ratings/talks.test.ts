import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { listRounds } from "@/lib/server/inspections/queries";
import { acceptRectification, saveRectification, submitRectification } from "@/lib/server/inspections/rectification";
import {
  countAdmonitoryTalks,
  dueForFollowUp,
  getAdmonitoryTalk,
  listAdmonitoryTalks,
  recordAdmonitoryTalk,
  saveTalkFollowUp,
  talksDueForFollowUp,
  talksOfOrg,
} from "@/lib/server/ratings/talks";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { ZRecordAdmonitoryTalk, type TRecordAdmonitoryTalk } from "@/lib/validation/ratings";

let drop: () => Promise<void>;
let categoryId: string;

beforeAll(async () => {
  drop = await useSeededDatabase("talks");
  categoryId = (await prisma.findingCategory.findFirstOrThrow({ where: { isActive: true }, select: { id: true } })).id;
});
afterAll(() => drop());

const DAY = 24 * 60 * 60 * 1000;

function talkInput(orgId: string, more: Partial<TRecordAdmonitoryTalk> = {}): TRecordAdmonitoryTalk {
  return {
    orgId,
    trigger: "GRADE",
    triggerNote: "2025 年度考核等次为一般",
    talkedOn: "2026-11-20",
    talkedBy: "王某某（机关工委书记）",
    talkedWith: "李某某（党组书记）",
    issues: "履行管党治党责任不到位，三会一课落实不经常。",
    commitments: [
      { text: "一个月内补齐 2026 年三会一课记录并建立月度提醒", categoryId, severity: "MEDIUM", deadline: "2026-12-20" },
      { text: "党组书记带头讲党课", categoryId, severity: "LOW", deadline: "2027-01-15" },
    ],
    ...more,
  };
}

describe("the admonitory talks ledger", () => {
  it("is the committee's to write: a unit's people and a unit administrator cannot, and the committee itself is not talked with", async () => {
    const [secretary, unitAdmin, u01, wc] = await Promise.all([actorFor("u01-secretary"), actorWithRole("ADMIN", "U01"), orgId("U01"), orgId("WC")]);
    for (const outsider of [secretary, unitAdmin]) {
      await expect(recordAdmonitoryTalk(outsider, talkInput(u01), TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    }
    const supervisor = await actorFor("supervisor");
    await expect(recordAdmonitoryTalk(supervisor, talkInput(wc), TEST_NOW)).rejects.toMatchObject({ fieldErrors: { orgId: ["notRated"] } });
    await expect(recordAdmonitoryTalk(supervisor, talkInput(u01, { talkedOn: "2026-11-26" }), TEST_NOW)).rejects.toMatchObject({ fieldErrors: { talkedOn: ["talkInFuture"] } });
    expect(await prisma.admonitoryTalk.count()).toBe(0);
  });

  it("refuses a commitment due on or before the day of the talk", () => {
    const parsed = ZRecordAdmonitoryTalk.safeParse({
      ...talkInput("c".repeat(25)),
      commitments: [{ text: "整改", categoryId: "c".repeat(25), severity: "LOW", deadline: "2026-11-20" }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["commitments.0.deadline", "deadlineAfterTalk"]]);
  });

  it("keeps the commitments as findings of the talk, closed out on the findings' engine, then followed up", async () => {
    const [supervisor, secretary, u01] = await Promise.all([actorFor("supervisor"), actorFor("u01-secretary"), orgId("U01")]);
    const { talkId } = await recordAdmonitoryTalk(supervisor, talkInput(u01), TEST_NOW);

    // One round of type TALK, its one report issued at once, a finding per commitment due on its own deadline.
    const talk = await prisma.admonitoryTalk.findUniqueOrThrow({ where: { id: talkId }, select: { roundId: true } });
    const round = await prisma.inspectionRound.findUniqueOrThrow({
      where: { id: talk.roundId },
      select: { type: true, reports: { select: { status: true, orgId: true, summary: true } }, findings: { orderBy: { seq: "asc" }, select: { description: true, deadline: true, state: true } } },
    });
    expect(round.type).toBe("TALK");
    expect(round.reports).toEqual([{ status: "ISSUED", orgId: u01, summary: "履行管党治党责任不到位，三会一课落实不经常。" }]);
    expect(round.findings.map((f) => [f.description.slice(0, 6), f.deadline?.toISOString().slice(0, 10), f.state])).toEqual([
      ["一个月内补齐", "2026-12-20", "OPEN"],
      ["党组书记带头", "2027-01-15", "OPEN"],
    ]);
    // The unit's secretary hears of it; the talk is not an inspection round.
    expect(await prisma.notification.count({ where: { userId: secretary.id, kind: "TALK_RECORDED" } })).toBe(1);
    expect((await listRounds(supervisor)).rounds.some((r) => r.id === talk.roundId)).toBe(false);
    expect(await prisma.auditLog.count({ where: { entityType: "AdmonitoryTalk", entityId: talkId, action: "talk.record" } })).toBe(1);

    // The unit rectifies the first commitment; the committee accepts it for every party and it is closed out.
    const view = await getAdmonitoryTalk(secretary, talkId);
    expect(view.canFollowUp).toBe(false);
    const first = view.commitments[0]!;
    let version = (await prisma.finding.findUniqueOrThrow({ where: { id: first.findingId }, select: { version: true } })).version;
    version = (await saveRectification(secretary, { findingId: first.findingId, expectedVersion: version, measures: "建立月度提醒，补齐记录", ownerId: secretary.id })).version.to;
    version = (await submitRectification(secretary, { findingId: first.findingId, expectedVersion: version, text: "已补齐" }, TEST_NOW)).version.to;
    let closed = false;
    while (!closed) {
      const step = await acceptRectification(supervisor, { findingId: first.findingId, expectedVersion: version }, TEST_NOW);
      ({ closed } = step);
      version = step.version.to;
    }
    const after = await getAdmonitoryTalk(supervisor, talkId);
    expect(after.commitments.map((c) => c.state)).toEqual(["CLOSED", "OPEN"]);

    // Not yet due for follow-up: one commitment is open and not past its deadline; past it, the talk is due.
    const [row] = await talksOfOrg(supervisor, u01, TEST_NOW);
    expect(row).toMatchObject({ id: talkId, tally: { total: 2, closed: 1, overdue: 0 }, dueForFollowUp: false });
    const later = new Date(Date.UTC(2027, 0, 16, 4));
    const [lateRow] = await talksOfOrg(supervisor, u01, later);
    expect(lateRow).toMatchObject({ tally: { total: 2, closed: 1, overdue: 1 }, dueForFollowUp: true });
    expect((await talksDueForFollowUp(supervisor, later)).map((r) => r.id)).toEqual([talkId]);

    // The follow-up is the committee's, against the version it saw, not before the talk and not in the future.
    const expectedVersion = after.version;
    await expect(saveTalkFollowUp(secretary, { talkId, followUpOn: "2026-11-24", followUp: "已回访", expectedVersion }, TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveTalkFollowUp(supervisor, { talkId, followUpOn: "2026-11-19", followUp: "已回访", expectedVersion }, TEST_NOW)).rejects.toMatchObject({ fieldErrors: { followUpOn: ["followUpBeforeTalk"] } });
    await expect(saveTalkFollowUp(supervisor, { talkId, followUpOn: "2026-11-26", followUp: "已回访", expectedVersion }, TEST_NOW)).rejects.toMatchObject({ fieldErrors: { followUpOn: ["talkInFuture"] } });
    await saveTalkFollowUp(supervisor, { talkId, followUpOn: "2026-11-25", followUp: "三会一课记录已补齐，第二项按计划推进。", expectedVersion }, TEST_NOW);
    await expect(saveTalkFollowUp(supervisor, { talkId, followUpOn: "2026-11-25", followUp: "再记", expectedVersion }, TEST_NOW)).rejects.toMatchObject({ name: "ConflictError" });
    expect((await talksOfOrg(supervisor, u01, later))[0]).toMatchObject({ dueForFollowUp: false });
    expect(await talksDueForFollowUp(supervisor, later)).toEqual([]);
  });

  it("shows a unit its own talks only, and counts talks per year and level", async () => {
    const [supervisor, u01Secretary, u02Secretary, branch, u02] = await Promise.all([
      actorFor("supervisor"),
      actorFor("u01-secretary"),
      actorFor("u02-secretary"),
      actorFor("u01-branch"),
      orgId("U02"),
    ]);
    await recordAdmonitoryTalk(supervisor, talkInput(u02, { trigger: "FINDING", triggerNote: "第 2 号问题逾期", talkedOn: "2025-12-01", commitments: [] }), TEST_NOW);

    const ofYear = await listAdmonitoryTalks(supervisor, { year: 2026 }, TEST_NOW);
    expect(ofYear.total).toBe(1);
    expect((await listAdmonitoryTalks(supervisor, { year: 2025 }, TEST_NOW)).rows.map((r) => [r.orgId, r.trigger, r.tally.total, r.dueForFollowUp])).toEqual([[u02, "FINDING", 0, true]]);
    expect((await listAdmonitoryTalks(u01Secretary, { year: 2026 }, TEST_NOW)).total).toBe(1);
    expect((await listAdmonitoryTalks(u02Secretary, { year: 2026 }, TEST_NOW)).total).toBe(0);
    expect((await listAdmonitoryTalks(branch, { year: 2026 }, TEST_NOW)).total).toBe(0);
    await expect(getAdmonitoryTalk(u02Secretary, ofYear.rows[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAdmonitoryTalk(branch, ofYear.rows[0]!.id)).rejects.toBeInstanceOf(NotFoundError);

    expect(await countAdmonitoryTalks(supervisor)).toEqual([
      { year: 2026, orgType: "PARTY_GROUP", talks: 1 },
      { year: 2025, orgType: "PARTY_GROUP", talks: 1 },
    ]);
    expect(await countAdmonitoryTalks(u02Secretary)).toEqual([{ year: 2025, orgType: "PARTY_GROUP", talks: 1 }]);
  });
});

describe("a talk's follow-up falls due", () => {
  const day = new Date("2026-12-01T00:00:00Z");
  it("once its commitments are all closed out, or the last deadline has passed, and not after a follow-up", () => {
    expect(dueForFollowUp({ followUpOn: null, lastDeadline: null, tally: { total: 0, closed: 0, overdue: 0 } }, day)).toBe(true);
    expect(dueForFollowUp({ followUpOn: null, lastDeadline: new Date(day.getTime() + DAY), tally: { total: 2, closed: 2, overdue: 0 } }, day)).toBe(true);
    expect(dueForFollowUp({ followUpOn: null, lastDeadline: day, tally: { total: 2, closed: 1, overdue: 0 } }, day)).toBe(false);
    expect(dueForFollowUp({ followUpOn: null, lastDeadline: new Date(day.getTime() - DAY), tally: { total: 2, closed: 1, overdue: 1 } }, day)).toBe(true);
    expect(dueForFollowUp({ followUpOn: day, lastDeadline: new Date(day.getTime() - DAY), tally: { total: 2, closed: 1, overdue: 1 } }, day)).toBe(false);
  });
});
