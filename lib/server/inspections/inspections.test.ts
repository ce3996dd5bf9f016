import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { getFinding, getReport, getRound, listMyUnitReports, listRounds } from "@/lib/server/inspections/queries";
import {
  acceptRectification,
  addFindingProgress,
  reopenFinding,
  returnRectification,
  saveRectification,
  submitRectification,
} from "@/lib/server/inspections/rectification";
import { addAddendum, deleteFinding, issueReport, respondToReport, saveFinding, saveReport } from "@/lib/server/inspections/reports";
import { createRound, deleteRound, updateRound } from "@/lib/server/inspections/rounds";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { ZCreateRound, ZUpdateRound, type TCreateRound, type TUpdateRound } from "@/lib/validation/inspections";

let drop: () => Promise<void>;
let inspector: Actor;
let otherInspector: Actor;
let supervisor: Actor;
let unitSecretary: Actor;
let branchSecretary: Actor;
let otherUnit: Actor;

beforeAll(async () => {
  drop = await useSeededDatabase("inspections");
  [inspector, supervisor, unitSecretary, branchSecretary, otherUnit] = await Promise.all([
    actorFor("inspector"),
    actorFor("supervisor"),
    actorFor("u01-secretary"),
    actorFor("u01-branch"),
    actorFor("u02-secretary"),
  ]);
  otherInspector = await actorWithRole("INSPECTOR", "WC");
});
afterAll(() => drop());

async function newRound(actor: Actor, over: Partial<TCreateRound> & { orgCodes?: string[] } = {}) {
  const { orgCodes = ["U01-B1"], ...rest } = over;
  const input = ZCreateRound.parse({
    title: "2026年第四季度党建督查",
    type: "ROUTINE",
    unannounced: false,
    scopeOrgId: await orgId("WC"),
    startsOn: "2026-11-01",
    endsOn: "2026-11-30",
    memberIds: [inspector.id],
    mode: "pick",
    orgIds: await Promise.all(orgCodes.map(orgId)),
    ...rest,
  });
  return (await createRound(actor, input, TEST_NOW)).roundId;
}

async function reportOf(roundId: string, code: string) {
  return prisma.inspectionReport.findFirstOrThrow({ where: { roundId, org: { code } }, select: { id: true, version: true } });
}

/** A report with two findings, issued. */
async function issuedReport(code = "U01-B1", over: Parameters<typeof newRound>[1] = {}) {
  const roundId = await newRound(inspector, { orgCodes: [code], ...over });
  const report = await reportOf(roundId, code);
  await saveReport(inspector, { reportId: report.id, expectedVersion: report.version, summary: "组织生活记录不全。", inspectedOn: "2026-11-20", inspectorIds: [inspector.id] });
  const a = await saveFinding(inspector, { reportId: report.id, description: "三会一课记录缺失", categoryId: "fcat-org-life", severity: "MEDIUM" });
  const b = await saveFinding(inspector, { reportId: report.id, description: "理论学习计划未制定", categoryId: "fcat-theory", severity: "LOW", tag: "COMMON" });
  const { version } = await reportOf(roundId, code);
  await issueReport(inspector, { reportId: report.id, expectedVersion: version }, TEST_NOW);
  return { roundId, reportId: report.id, findingIds: [a.findingId, b.findingId] };
}

async function version(findingId: string) {
  return (await prisma.finding.findUniqueOrThrow({ where: { id: findingId }, select: { version: true } })).version;
}

describe("rounds", () => {
  it("creates a round with its group and one draft report per organization", async () => {
    const roundId = await newRound(supervisor, { orgCodes: ["U01", "U02-B1"] });
    const round = await prisma.inspectionRound.findUniqueOrThrow({
      where: { id: roundId },
      select: { members: { select: { userId: true } }, reports: { select: { status: true, org: { select: { code: true } } } } },
    });
    expect(round.members.map((m) => m.userId)).toEqual([inspector.id]);
    expect(round.reports.map((r) => [r.org.code, r.status]).sort()).toEqual([["U01", "DRAFT"], ["U02-B1", "DRAFT"]]);
  });

  it("refuses a member who is not an inspector, and organizations outside the scope", async () => {
    await expect(newRound(supervisor, { memberIds: [unitSecretary.id] })).rejects.toBeInstanceOf(ValidationError);
    await expect(newRound(supervisor, { scopeOrgId: await orgId("U01"), orgCodes: ["U02-B1"] })).rejects.toBeInstanceOf(ValidationError);
  });

  it("refuses a unit secretary as creator, and a scope the creator does not reach", async () => {
    await expect(newRound(unitSecretary)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("draws a spot check and records the seed, the rule and the pool", async () => {
    const draw = { rootOrgId: await orgId("U01"), orgTypes: ["BRANCH"] as const, size: 2, weighting: "NONE" as const, seed: "seed-42" };
    const first = await newRound(inspector, { type: "SPOT_CHECK", unannounced: true, mode: "draw", orgIds: [], draw: { ...draw, orgTypes: [...draw.orgTypes] } });
    const second = await newRound(inspector, { type: "SPOT_CHECK", unannounced: true, mode: "draw", orgIds: [], draw: { ...draw, orgTypes: [...draw.orgTypes] } });
    const drawOf = (roundId: string) => prisma.inspectionDraw.findUniqueOrThrow({ where: { roundId }, select: { seed: true, picked: true, pool: true } });
    const [a, b] = await Promise.all([drawOf(first), drawOf(second)]);
    expect(a.seed).toBe("seed-42");
    expect(a.picked).toEqual(b.picked);
    expect((a.picked as string[]).length).toBe(2);
    // Branches of U01 only: B1, B2 and the two retired cadres' branches.
    expect((a.pool as unknown[]).length).toBe(4);
    const reports = await prisma.inspectionReport.findMany({ where: { roundId: first }, select: { orgId: true } });
    expect(reports.map((r) => r.orgId).sort()).toEqual([...(a.picked as string[])].sort());
  });
});

describe("changing and removing a round", () => {
  const roundVersion = async (roundId: string) => (await prisma.inspectionRound.findUniqueOrThrow({ where: { id: roundId }, select: { version: true } })).version;
  const edit = async (roundId: string, over: Partial<TUpdateRound> = {}) =>
    ZUpdateRound.parse({
      roundId,
      expectedVersion: await roundVersion(roundId),
      title: "2026年第四季度党建督查（调整）",
      startsOn: "2026-11-05",
      endsOn: "2026-12-10",
      memberIds: [inspector.id, otherInspector.id],
      leaderId: otherInspector.id,
      ...over,
    });

  it("changes the title, dates and group, audited, and keeps the organizations", async () => {
    const roundId = await newRound(supervisor, { orgCodes: ["U01", "U02-B1"] });
    await updateRound(supervisor, await edit(roundId));
    const round = await prisma.inspectionRound.findUniqueOrThrow({
      where: { id: roundId },
      select: { title: true, startsOn: true, endsOn: true, version: true, members: { select: { userId: true, isLeader: true } }, _count: { select: { reports: true } } },
    });
    expect(round.title).toBe("2026年第四季度党建督查（调整）");
    expect([round.startsOn.toISOString().slice(0, 10), round.endsOn.toISOString().slice(0, 10)]).toEqual(["2026-11-05", "2026-12-10"]);
    expect(round.version).toBe(2);
    expect(round.members.map((m) => [m.userId, m.isLeader]).sort()).toEqual([[inspector.id, false], [otherInspector.id, true]].sort());
    expect(round._count.reports).toBe(2);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: roundId, action: "round.update" }, select: { before: true, after: true } });
    expect(audit.before).toMatchObject({ title: "2026年第四季度党建督查", memberIds: [inspector.id] });
    expect(audit.after).toMatchObject({ endsOn: "2026-12-10", leaderId: otherInspector.id });

    // The group can shrink again; the one who left no longer sees the round.
    await updateRound(supervisor, await edit(roundId, { memberIds: [inspector.id], leaderId: "" }));
    await expect(getRound(otherInspector, roundId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets the creator, the leader and the committee change a round, and no one else", async () => {
    const roundId = await newRound(inspector);
    await expect(updateRound(otherInspector, await edit(roundId))).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateRound(unitSecretary, await edit(roundId))).rejects.toBeInstanceOf(NotFoundError);
    await updateRound(inspector, await edit(roundId));
    // Now the other inspector leads the group.
    await updateRound(otherInspector, await edit(roundId, { title: "由组长调整" }));
    expect((await getRound(supervisor, roundId)).canManage).toBe(true);
    expect((await getRound(unitSecretary, roundId)).canManage).toBe(false);
  });

  it("refuses a stale version, a member who is not an inspector and a leader outside the group", async () => {
    const roundId = await newRound(inspector);
    const stale = await edit(roundId);
    await updateRound(inspector, await edit(roundId));
    await expect(updateRound(inspector, stale)).rejects.toBeInstanceOf(ConflictError);
    await expect(updateRound(inspector, await edit(roundId, { memberIds: [inspector.id, unitSecretary.id] }))).rejects.toBeInstanceOf(ValidationError);
    await expect(updateRound(inspector, await edit(roundId, { memberIds: [inspector.id], leaderId: otherInspector.id }))).rejects.toBeInstanceOf(ValidationError);
    expect(ZUpdateRound.safeParse({ ...(await edit(roundId)), startsOn: "2026-12-20" }).success).toBe(false);
  });

  it("removes a round with nothing issued or found, with its group, draw and drafts, and refuses one that has", async () => {
    const roundId = await newRound(inspector, { orgCodes: ["U01-B1", "U02-B1"] });
    expect((await getRound(inspector, roundId)).canDelete).toBe(true);
    await expect(deleteRound(otherInspector, { roundId, expectedVersion: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await deleteRound(inspector, { roundId, expectedVersion: 1 });
    expect(await prisma.inspectionRound.count({ where: { id: roundId } })).toBe(0);
    expect(await prisma.inspectionReport.count({ where: { roundId } })).toBe(0);
    expect(await prisma.inspectionMember.count({ where: { roundId } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { entityId: roundId, action: "round.delete" } })).toBe(1);

    // A draft finding is enough to keep a round, and so is an issued report.
    const withFinding = await newRound(inspector);
    const report = await reportOf(withFinding, "U01-B1");
    await saveFinding(inspector, { reportId: report.id, description: "台账不全", categoryId: "fcat-org-life", severity: "LOW" });
    expect((await getRound(inspector, withFinding)).canDelete).toBe(false);
    await expect(deleteRound(inspector, { roundId: withFinding, expectedVersion: 1 })).rejects.toBeInstanceOf(ValidationError);
    const { roundId: issued } = await issuedReport("U01-B2");
    await expect(deleteRound(inspector, { roundId: issued, expectedVersion: 1 })).rejects.toBeInstanceOf(ValidationError);
    expect(await prisma.inspectionRound.count({ where: { id: { in: [withFinding, issued] } } })).toBe(2);
  });
});

describe("visibility", () => {
  it("keeps an unannounced round invisible to the inspected unit until its report is issued", async () => {
    const roundId = await newRound(inspector, { type: "SPOT_CHECK", unannounced: true });
    const report = await reportOf(roundId, "U01-B1");
    for (const unit of [unitSecretary, branchSecretary]) {
      expect((await listRounds(unit)).rounds.map((r) => r.id)).not.toContain(roundId);
      await expect(getRound(unit, roundId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getReport(unit, report.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    await saveReport(inspector, { reportId: report.id, expectedVersion: report.version, summary: "暗访发现问题。", inspectedOn: "2026-11-21", inspectorIds: [] });
    await issueReport(inspector, { reportId: report.id, expectedVersion: report.version + 1 }, TEST_NOW);
    expect((await listRounds(branchSecretary)).rounds.map((r) => r.id)).toContain(roundId);
    expect((await getReport(branchSecretary, report.id)).status).toBe("ISSUED");
  });

  it("shows an announced round to the unit, but not its draft report", async () => {
    const roundId = await newRound(inspector);
    const report = await reportOf(roundId, "U01-B1");
    const seen = await getRound(branchSecretary, roundId);
    expect(seen.reports.map((r) => [r.id, r.readable])).toEqual([[report.id, false]]);
    await expect(getReport(branchSecretary, report.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("shows an inspector only the rounds of their own group", async () => {
    const roundId = await newRound(inspector);
    expect((await listRounds(otherInspector)).rounds.map((r) => r.id)).not.toContain(roundId);
    await expect(getRound(otherInspector, roundId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getRound(supervisor, roundId)).id).toBe(roundId);
  });

  it("shows a unit only its own reports", async () => {
    const mine = await issuedReport("U01-B1");
    const theirs = await issuedReport("U02-B1");
    const reports = await listMyUnitReports(unitSecretary, TEST_NOW);
    expect(reports.map((r) => r.id)).toContain(mine.reportId);
    expect(reports.map((r) => r.id)).not.toContain(theirs.reportId);
    await expect(getReport(otherUnit, mine.reportId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getFinding(otherUnit, mine.findingIds[0]!)).rejects.toBeInstanceOf(NotFoundError);
    const v = await version(mine.findingIds[0]!);
    await expect(saveRectification(otherUnit, { findingId: mine.findingIds[0]!, expectedVersion: v, measures: "x", ownerId: otherUnit.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the unit answers for its own findings", () => {
  it("leaves the working committee's own secretary reading a unit's report, not rectifying it", async () => {
    const committeeSecretary = await actorFor("wc-secretary");
    const { reportId, findingIds } = await issuedReport();
    const id = findingIds[0]!;
    expect((await getReport(committeeSecretary, reportId)).canRespond).toBe(false);
    expect((await getFinding(committeeSecretary, id)).canRectify).toBe(false);
    await expect(
      saveRectification(committeeSecretary, { findingId: id, expectedVersion: await version(id), measures: "x", ownerId: branchSecretary.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(respondToReport(committeeSecretary, { reportId, response: "x" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getFinding(unitSecretary, id)).canRectify).toBe(true);
  });

  it("lets a unit inspecting itself answer for the organization it inspected", async () => {
    const { reportId } = await issuedReport("U01", { scopeOrgId: await orgId("U01") });
    expect((await getReport(unitSecretary, reportId)).canRespond).toBe(true);
  });
});

describe("issuing freezes a report", () => {
  it("sets each finding's deadline, notifies the secretary and refuses later edits", async () => {
    const { reportId, findingIds } = await issuedReport();
    const findings = await prisma.finding.findMany({ where: { reportId }, select: { deadline: true } });
    // Issued on 2026-11-25 (Beijing), RECTIFY_DAYS 60 by default.
    expect(findings.map((f) => f.deadline?.toISOString().slice(0, 10))).toEqual(["2027-01-24", "2027-01-24"]);
    // The branch secretary and the unit's party secretary; not the working committee's.
    const notices = await prisma.notification.findMany({ where: { reportId, kind: "REPORT_ISSUED" }, select: { userId: true } });
    expect(notices.map((n) => n.userId).sort()).toEqual([branchSecretary.id, unitSecretary.id].sort());

    const { version: v } = await prisma.inspectionReport.findUniqueOrThrow({ where: { id: reportId }, select: { version: true } });
    await expect(saveReport(inspector, { reportId, expectedVersion: v, summary: "改写", inspectorIds: [] })).rejects.toBeInstanceOf(ValidationError);
    await expect(saveFinding(inspector, { reportId, description: "新问题", categoryId: "fcat-conduct", severity: "LOW" })).rejects.toBeInstanceOf(ValidationError);
    await expect(deleteFinding(inspector, { reportId, findingId: findingIds[0]! })).rejects.toBeInstanceOf(ValidationError);
    const summary = await prisma.inspectionReport.findUniqueOrThrow({ where: { id: reportId }, select: { summary: true } });
    expect(summary.summary).toBe("组织生活记录不全。");

    await addAddendum(inspector, { reportId, text: "第2项问题表述更正为：学习计划未按期制定。" });
    const report = await getReport(branchSecretary, reportId);
    expect(report.addenda.map((a) => a.text)).toEqual(["第2项问题表述更正为：学习计划未按期制定。"]);
    expect(report.addenda[0]!.createdAt).toBeInstanceOf(Date);
    await expect(addAddendum(otherInspector, { reportId, text: "x" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("will not issue a report without its summary and date", async () => {
    const roundId = await newRound(inspector);
    const report = await reportOf(roundId, "U01-B1");
    await expect(issueReport(inspector, { reportId: report.id, expectedVersion: report.version }, TEST_NOW)).rejects.toBeInstanceOf(ValidationError);
  });

  it("lets the unit respond to an issued report", async () => {
    const { reportId } = await issuedReport();
    await respondToReport(branchSecretary, { reportId, response: "已召开专题会议研究整改。" }, TEST_NOW);
    expect((await getReport(inspector, reportId)).response).toBe("已召开专题会议研究整改。");
    await expect(respondToReport(otherUnit, { reportId, response: "x" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("rectification to close-out", () => {
  it("goes open → in progress → submitted → closed out with the group's and the committee's acceptance", async () => {
    const { findingIds } = await issuedReport();
    const id = findingIds[0]!;
    await expect(submitRectification(branchSecretary, { findingId: id, expectedVersion: await version(id), text: "" })).rejects.toBeInstanceOf(ValidationError);
    await saveRectification(branchSecretary, { findingId: id, expectedVersion: await version(id), measures: "补齐三会一课记录，建立月度检查制度。", ownerId: branchSecretary.id });
    expect((await getFinding(branchSecretary, id)).state).toBe("IN_PROGRESS");
    await addFindingProgress(branchSecretary, { findingId: id, expectedVersion: await version(id), text: "已补齐10月记录。" });
    await submitRectification(branchSecretary, { findingId: id, expectedVersion: await version(id), text: "申请销号" }, TEST_NOW);
    expect((await getFinding(inspector, id)).state).toBe("SUBMITTED");
    expect(await prisma.notification.count({ where: { findingId: id, kind: "FINDING_SUBMITTED", userId: inspector.id } })).toBe(1);

    // Nothing more from the unit while it waits; and the unit cannot accept for the group.
    await expect(addFindingProgress(branchSecretary, { findingId: id, expectedVersion: await version(id), text: "x" })).rejects.toBeInstanceOf(ValidationError);
    await expect(acceptRectification(branchSecretary, { findingId: id, expectedVersion: await version(id) })).rejects.toThrow();

    const first = await acceptRectification(inspector, { findingId: id, expectedVersion: await version(id) }, TEST_NOW);
    expect(first.closed).toBe(false);
    await expect(acceptRectification(inspector, { findingId: id, expectedVersion: await version(id) })).rejects.toBeInstanceOf(ValidationError);
    const second = await acceptRectification(supervisor, { findingId: id, expectedVersion: await version(id) }, TEST_NOW);
    expect(second.closed).toBe(true);

    const closed = await getFinding(branchSecretary, id);
    expect(closed.state).toBe("CLOSED");
    expect(closed.closedAt).toEqual(TEST_NOW);
    expect(closed.acceptances.map((a) => [a.party, a.acceptedBy?.name])).toEqual([
      ["GROUP", inspector.name],
      ["COMMITTEE", supervisor.name],
    ]);
    expect(closed.events.map((e) => e.kind)).toEqual(["PROGRESS", "SUBMITTED", "ACCEPTED", "ACCEPTED", "CLOSED"]);
    expect(await prisma.notification.count({ where: { findingId: id, kind: "FINDING_CLOSED", userId: branchSecretary.id } })).toBe(1);
  });

  it("sends back: the attempt's acceptances lapse and a new submission needs them all again", async () => {
    const { findingIds } = await issuedReport();
    const id = findingIds[0]!;
    await saveRectification(branchSecretary, { findingId: id, expectedVersion: await version(id), measures: "整改措施", ownerId: branchSecretary.id });
    await submitRectification(branchSecretary, { findingId: id, expectedVersion: await version(id), text: "" });
    await acceptRectification(inspector, { findingId: id, expectedVersion: await version(id) });
    await returnRectification(supervisor, { findingId: id, expectedVersion: await version(id), comment: "缺少会议记录原件。" });
    const returned = await getFinding(branchSecretary, id);
    expect(returned.state).toBe("RETURNED");
    expect(returned.lastComment).toBe("缺少会议记录原件。");
    expect(await prisma.notification.count({ where: { findingId: id, kind: "FINDING_RETURNED", userId: branchSecretary.id } })).toBe(1);

    await submitRectification(branchSecretary, { findingId: id, expectedVersion: await version(id), text: "已补充原件" });
    const again = await acceptRectification(supervisor, { findingId: id, expectedVersion: await version(id) });
    expect(again.closed).toBe(false);
    expect((await getFinding(inspector, id)).acceptAs).toEqual(["GROUP"]);
  });

  it("closes out with the parties the deployment configures", async () => {
    const saved = process.env.CLOSEOUT_PARTIES;
    try {
      process.env.CLOSEOUT_PARTIES = "GROUP,COMMITTEE,UNIT";
      const { findingIds } = await issuedReport();
      const id = findingIds[0]!;
      await saveRectification(branchSecretary, { findingId: id, expectedVersion: await version(id), measures: "整改措施", ownerId: branchSecretary.id });
      await submitRectification(branchSecretary, { findingId: id, expectedVersion: await version(id), text: "" });
      // The submitter never accepts their own submission, not even for the unit.
      expect((await getFinding(branchSecretary, id)).acceptAs).toEqual([]);
      expect((await acceptRectification(inspector, { findingId: id, expectedVersion: await version(id) })).closed).toBe(false);
      expect((await acceptRectification(supervisor, { findingId: id, expectedVersion: await version(id) })).closed).toBe(false);
      expect((await acceptRectification(unitSecretary, { findingId: id, expectedVersion: await version(id), party: "UNIT" })).closed).toBe(true);

      process.env.CLOSEOUT_PARTIES = "GROUP";
      const other = (await issuedReport()).findingIds[0]!;
      await saveRectification(branchSecretary, { findingId: other, expectedVersion: await version(other), measures: "整改措施", ownerId: branchSecretary.id });
      await submitRectification(branchSecretary, { findingId: other, expectedVersion: await version(other), text: "" });
      await expect(acceptRectification(supervisor, { findingId: other, expectedVersion: await version(other) })).rejects.toBeInstanceOf(ValidationError);
      expect((await acceptRectification(inspector, { findingId: other, expectedVersion: await version(other) })).closed).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.CLOSEOUT_PARTIES;
      else process.env.CLOSEOUT_PARTIES = saved;
    }
  });

  it("reopens a closed-out finding with a reason and a new deadline; old acceptances stay on record", async () => {
    const { findingIds } = await issuedReport();
    const id = findingIds[0]!;
    await saveRectification(branchSecretary, { findingId: id, expectedVersion: await version(id), measures: "整改措施", ownerId: branchSecretary.id });
    await submitRectification(branchSecretary, { findingId: id, expectedVersion: await version(id), text: "" });
    await acceptRectification(inspector, { findingId: id, expectedVersion: await version(id) });
    await acceptRectification(supervisor, { findingId: id, expectedVersion: await version(id) });
    await expect(reopenFinding(branchSecretary, { findingId: id, expectedVersion: await version(id), reason: "x" })).rejects.toBeInstanceOf(NotFoundError);
    await reopenFinding(inspector, { findingId: id, expectedVersion: await version(id), reason: "回头看发现问题反弹。" }, TEST_NOW);
    const reopened = await getFinding(branchSecretary, id);
    expect(reopened.state).toBe("IN_PROGRESS");
    expect(reopened.closedAt).toBeNull();
    expect(reopened.lastComment).toBe("回头看发现问题反弹。");
    expect(reopened.deadline?.toISOString().slice(0, 10)).toBe("2027-01-24");
    expect(reopened.cycle).toBe(2);
    expect(reopened.acceptances).toHaveLength(2);
    expect(reopened.canRectify).toBe(true);
  });

  it("refuses a stale version", async () => {
    const { findingIds } = await issuedReport();
    const id = findingIds[0]!;
    const v = await version(id);
    await addFindingProgress(branchSecretary, { findingId: id, expectedVersion: v, text: "进展一" });
    await expect(addFindingProgress(unitSecretary, { findingId: id, expectedVersion: v, text: "进展二" })).rejects.toThrow(/changed by someone else/);
  });
});
