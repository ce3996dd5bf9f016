import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayOf, isoDay } from "@/lib/dates";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { ConflictError, DomainError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { getOrgTerms } from "@/lib/server/terms/get-org-terms";
import { recordsFor } from "@/lib/server/terms/record-scope";
import { editTerm, recordElection, recordHeadChange, recordTalk } from "@/lib/server/terms/record-terms";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { ZEditTerm, ZRecordElection, ZRecordHeadChange, ZRecordTalk, type TRecordElection } from "@/lib/validation/terms";

let drop: () => Promise<void>;
let u01: Actor;
let u02: Actor;
let branch: Actor;
let admin: Actor;
let supervisor: Actor;

beforeAll(async () => {
  drop = await useSeededDatabase("terms");
  [u01, u02, branch, admin, supervisor] = await Promise.all([
    actorFor("u01-secretary"),
    actorFor("u02-secretary"),
    actorFor("u01-branch"),
    actorFor("admin"),
    actorFor("supervisor"),
  ]);
});
afterAll(() => drop());

/** An election as the form sends it, parsed by the action's own schema. */
function election(orgIdValue: string, currentTermId: string, fields: Partial<TRecordElection> = {}) {
  return ZRecordElection.parse({
    orgId: orgIdValue,
    currentTermId,
    electedOn: "2026-10-20",
    termYears: 3,
    secretaryName: "周新",
    members: "周新\n吴华\n郑强",
    approvedOn: "",
    approvalNote: "",
    note: "",
    ...fields,
  });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe("an organization's terms", () => {
  it("proposes a term by type: five years for an organ party committee, three for a general branch or a branch, none for a party group", async () => {
    const terms = async (code: string) => getOrgTerms(u01, await orgId(code), TEST_NOW);
    const [opc, gb, b1, unit] = await Promise.all([terms("U01-OPC"), terms("U01-GB1"), terms("U01-B1"), terms("U01")]);
    expect([opc.defaultTermYears, gb.defaultTermYears, b1.defaultTermYears, unit.defaultTermYears]).toEqual([5, 3, 3, null]);
    expect([opc.holdsTerms, unit.holdsTerms]).toEqual([true, false]);
    const wc = await getOrgTerms(admin, await orgId("WC"), TEST_NOW);
    expect(wc.holdsTerms).toBe(false);
  });

  it("records an election that ends the current term on its day, keeps every earlier term, and sets the due day termYears on", async () => {
    const b2 = await orgId("U01-B2");
    const before = await getOrgTerms(u01, b2, TEST_NOW);
    expect(before.current).not.toBeNull();
    const historyBefore = before.history.length;
    const { termId } = await recordElection(u01, election(b2, before.current!.id, { approvedOn: "2026-11-02", approvalNote: "机关党委批复同意" }), TEST_NOW);

    const after = await getOrgTerms(u01, b2, TEST_NOW);
    expect(after.current?.id).toBe(termId);
    expect(isoDay(after.current!.electedOn)).toBe("2026-10-20");
    expect(isoDay(after.current!.dueOn)).toBe("2029-10-20");
    expect(after.current!.members).toEqual(["周新", "吴华", "郑强"]);
    expect(after.current!.state).toBe("notDue");
    expect(after.history.map((t) => t.id)).toContain(before.current!.id);
    expect(after.history).toHaveLength(historyBefore + 1);
    const ended = after.history.find((t) => t.id === before.current!.id)!;
    expect(isoDay(ended.endedOn!)).toBe("2026-10-20");
    // The ended term's own facts stay as they were.
    expect(ended.secretaryName).toBe(before.current!.secretaryName);
    expect(isoDay(ended.electedOn)).toBe(isoDay(before.current!.electedOn));
    expect(await prisma.orgTerm.count({ where: { orgId: b2, endedOn: null } })).toBe(1);
    const audit = await prisma.auditLog.findMany({ where: { entityType: "OrgTerm", entityId: { in: [termId, before.current!.id] } }, select: { action: true, actorId: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["term.elect", "term.end"]);
    expect(audit.every((a) => a.actorId === u01.id)).toBe(true);
  });

  it("opens the first term of an organization with none recorded; elected on a leap day, it falls due on 28 February", async () => {
    const gb2 = await orgId("U01-GB1-B2");
    expect((await getOrgTerms(u01, gb2, TEST_NOW)).current).toBeNull();
    await recordElection(u01, election(gb2, "", { electedOn: "2024-02-29", termYears: 3 }), TEST_NOW);
    const first = await getOrgTerms(u01, gb2, TEST_NOW);
    expect(isoDay(first.current!.dueOn)).toBe("2027-02-28");
    expect(first.current!.state).toBe("green");
    expect(first.history).toEqual([]);
  });

  it("refuses an election that is not after the current one, lies in the future, or meets an election recorded meanwhile", async () => {
    const b1 = await orgId("U01-B1");
    const current = (await getOrgTerms(u01, b1, TEST_NOW)).current!;
    const early = await failure(recordElection(u01, election(b1, current.id, { electedOn: isoDay(current.electedOn) }), TEST_NOW));
    expect(early).toBeInstanceOf(ValidationError);
    expect((early as ValidationError).fieldErrors).toEqual({ electedOn: ["notAfterCurrent"] });
    const future = await failure(recordElection(u01, election(b1, current.id, { electedOn: "2026-11-26" }), TEST_NOW));
    expect((future as ValidationError).fieldErrors).toEqual({ electedOn: ["future"] });
    // The page showed no current term (or another one): someone recorded an election meanwhile.
    expect(await failure(recordElection(u01, election(b1, "", {}), TEST_NOW))).toBeInstanceOf(ConflictError);
    // Nothing was written.
    expect((await getOrgTerms(u01, b1, TEST_NOW)).current?.id).toBe(current.id);
    // The form refuses a term outside one to five years, no members, the same name twice, approval before election.
    expect(ZRecordElection.safeParse({ ...election(b1, current.id), termYears: 6, members: "张三" }).error?.issues.map((i) => i.message)).toEqual(["termYears"]);
    expect(ZRecordElection.safeParse({ ...election(b1, current.id), members: " \n、" }).error?.issues.map((i) => i.message)).toEqual(["membersRequired"]);
    expect(ZRecordElection.safeParse({ ...election(b1, current.id), members: "张三、张三" }).error?.issues.map((i) => i.message)).toEqual(["duplicateMember"]);
    expect(
      ZRecordElection.safeParse({ ...election(b1, current.id), members: "张三", electedOn: "2026-10-20", approvedOn: "2026-10-19" }).error?.issues.map((i) => i.message),
    ).toEqual(["approvedBeforeElection"]);
  });

  it("refuses an election for a party group, which holds no terms", async () => {
    const unit = await orgId("U02");
    const refused = await failure(recordElection(admin, election(unit, ""), TEST_NOW));
    expect((refused as ValidationError).fieldErrors).toEqual({ orgId: ["noTerms"] });
  });
});

describe("who records", () => {
  it("is the level above: a unit secretary for the organizations below the unit, not for the party group itself; a branch secretary for none", async () => {
    const paths = Object.fromEntries(
      await Promise.all(["WC", "U01", "U01-OPC", "U01-B1", "U01-GB1-B1", "U02-B1"].map(async (code) => [code, (await prisma.org.findUniqueOrThrow({ where: { code } })).path])),
    ) as Record<string, string>;
    expect(["U01", "U01-OPC", "U01-B1", "U01-GB1-B1", "U02-B1"].map((c) => recordsFor(u01, paths[c]!))).toEqual([false, true, true, true, false]);
    expect(["U01-B1"].map((c) => recordsFor(branch, paths[c]!))).toEqual([false]);
    // An administrator keeps the records of the whole subtree, the committee's own organization included.
    expect(["WC", "U01", "U02-B1"].map((c) => recordsFor(admin, paths[c]!))).toEqual([true, true, true]);
    // A secretary of the working committee records for the units below it; supervisors read but do not record.
    const wc = await actorFor("wc-secretary");
    expect(["WC", "U01", "U02-B1"].map((c) => recordsFor(wc, paths[c]!))).toEqual([false, true, true]);
    expect(recordsFor(supervisor, paths["U01-B1"]!)).toBe(false);
    const opcSecretary = await actorWithRole("SECRETARY", "U01-OPC");
    expect(["U01-OPC", "U01-B1", "U01-GB1-B1"].map((c) => recordsFor(opcSecretary, paths[c]!))).toEqual([false, true, true]);
  });

  it("refuses a secretary's record for their own organization, and one out of reach as not found", async () => {
    const b1 = await orgId("U01-B1");
    const current = (await getOrgTerms(branch, b1, TEST_NOW)).current!;
    const own = await failure(recordElection(branch, election(b1, current.id), TEST_NOW));
    expect(own).toBeInstanceOf(DomainError);
    expect((own as DomainError).code).toBe("forbidden");
    expect(await failure(recordElection(u02, election(b1, current.id), TEST_NOW))).toBeInstanceOf(NotFoundError);
    const unitTalk = ZRecordTalk.parse({ orgId: await orgId("U01"), appointeeName: "张三", talkedOn: "2026-11-20", talkedBy: "李四", points: "要求" });
    expect(((await failure(recordTalk(u01, unitTalk, TEST_NOW))) as DomainError).code).toBe("forbidden");
    expect(((await failure(recordTalk(supervisor, { ...unitTalk, orgId: b1 }, TEST_NOW))) as DomainError).code).toBe("forbidden");
    // The page offers the forms only where the reader records.
    expect((await getOrgTerms(branch, b1, TEST_NOW)).canRecord).toBe(false);
    expect((await getOrgTerms(u01, b1, TEST_NOW)).canRecord).toBe(true);
    expect(await failure(getOrgTerms(u02, b1, TEST_NOW))).toBeInstanceOf(NotFoundError);
  });
});

describe("corrections", () => {
  it("are versioned and audited, listed with the term, and move the end of the term before when the election day changes", async () => {
    const gb1 = await orgId("U01-GB1");
    const before = await getOrgTerms(u01, gb1, TEST_NOW);
    const current = before.current!;
    const previous = before.history[0]!;
    expect(isoDay(previous.endedOn!)).toBe(isoDay(current.electedOn));
    const newDay = isoDay(new Date(current.electedOn.getTime() + 2 * 86_400_000));
    const input = ZEditTerm.parse({
      termId: current.id,
      expectedVersion: current.version,
      electedOn: newDay,
      termYears: current.termYears,
      secretaryName: `${current.secretaryName}（更正）`,
      secretaryId: "",
      members: current.members.join("\n"),
      approvedOn: current.approvedOn ? isoDay(current.approvedOn) : "",
      approvalNote: current.approvalNote ?? "",
      note: "",
    });
    const { version } = await editTerm(u01, input, TEST_NOW);
    expect(version).toEqual({ from: current.version, to: current.version + 1 });

    const after = await getOrgTerms(u01, gb1, TEST_NOW);
    expect(isoDay(after.current!.electedOn)).toBe(newDay);
    expect(isoDay(after.current!.dueOn)).toBe(isoDay(new Date(Date.UTC(Number(newDay.slice(0, 4)) + current.termYears, Number(newDay.slice(5, 7)) - 1, Number(newDay.slice(8, 10))))));
    expect(after.current!.corrections).toHaveLength(1);
    expect(after.current!.corrections[0]).toMatchObject({
      by: u01.name,
      before: { electedOn: isoDay(current.electedOn), secretaryName: current.secretaryName },
      after: { electedOn: newDay, secretaryName: `${current.secretaryName}（更正）` },
    });
    // Only what changed is recorded.
    expect(Object.keys(after.current!.corrections[0]!.after).sort()).toEqual(["dueOn", "electedOn", "secretaryName"]);
    const moved = after.history.find((t) => t.id === previous.id)!;
    expect(isoDay(moved.endedOn!)).toBe(newDay);
    expect(moved.corrections.map((c) => c.after)).toEqual([{ endedOn: newDay }]);

    // The same correction again, from the version the page held before: someone else's change, a conflict.
    expect(await failure(editTerm(u01, input, TEST_NOW))).toBeInstanceOf(ConflictError);
    // An election day past the next term's, or before the term before, is refused.
    const stale = await failure(editTerm(u01, { ...input, expectedVersion: current.version + 1, electedOn: isoDay(previous.electedOn) }, TEST_NOW));
    expect((stale as ValidationError).fieldErrors).toEqual({ electedOn: ["outOfOrder"] });
    const pastEdit = await failure(
      editTerm(u01, { ...input, termId: previous.id, expectedVersion: moved.version, electedOn: newDay, secretaryName: previous.secretaryName }, TEST_NOW),
    );
    expect((pastEdit as ValidationError).fieldErrors).toEqual({ electedOn: ["outOfOrder"] });
  });

  it("checks the secretary's account: someone holding a role on the organization itself", async () => {
    const b1 = await orgId("U01-B1");
    const current = (await getOrgTerms(u01, b1, TEST_NOW)).current!;
    const base = {
      termId: current.id,
      expectedVersion: current.version,
      electedOn: isoDay(current.electedOn),
      termYears: current.termYears,
      secretaryName: current.secretaryName,
      members: current.members.join("\n"),
      approvedOn: "",
      approvalNote: "",
      note: "",
    };
    const refused = await failure(editTerm(u01, ZEditTerm.parse({ ...base, secretaryId: u02.id }), TEST_NOW));
    expect((refused as ValidationError).fieldErrors).toEqual({ secretaryId: ["notOnOrg"] });
    const candidates = (await getOrgTerms(u01, b1, TEST_NOW)).secretaryCandidates.map((c) => c.id);
    expect(candidates).toContain(branch.id);
    expect(candidates).not.toContain(u01.id);
    await editTerm(u01, ZEditTerm.parse({ ...base, secretaryId: branch.id }), TEST_NOW);
    expect((await getOrgTerms(u01, b1, TEST_NOW)).current!.secretary?.id).toBe(branch.id);
  });
});

describe("appointment talks and head changes", () => {
  it("are recorded by the level above, audited, and listed on the organization's page, the latest head first", async () => {
    const b1 = await orgId("U01-B1");
    const { talkId } = await recordTalk(
      u01,
      ZRecordTalk.parse({ orgId: b1, appointeeName: "钱新", talkedOn: "2026-11-20", talkedBy: "张书记（党组书记）", points: "履行第一责任人职责" }),
      TEST_NOW,
    );
    const { headChangeId } = await recordHeadChange(
      u01,
      ZRecordHeadChange.parse({ orgId: b1, changedOn: "2026-11-18", previousName: "孙旧", newName: "钱新", consultation: "与支部委员会酝酿沟通" }),
      TEST_NOW,
    );
    const page = await getOrgTerms(u01, b1, TEST_NOW);
    expect(page.talks.rows[0]).toMatchObject({ id: talkId, appointeeName: "钱新", recordedBy: u01.name });
    expect(page.headChanges.rows[0]).toMatchObject({ id: headChangeId, previousName: "孙旧", newName: "钱新" });
    expect(page.currentHead).toBe("钱新");
    expect(isoDay(page.talks.rows[0]!.talkedOn)).toBe("2026-11-20");
    const audit = await prisma.auditLog.findMany({ where: { entityId: { in: [talkId, headChangeId] } }, select: { action: true, orgId: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["headChange.record", "talk.record"]);
    expect(audit.every((a) => a.orgId === b1)).toBe(true);
    // A talk after today is refused.
    const future = await failure(recordTalk(u01, ZRecordTalk.parse({ orgId: b1, appointeeName: "钱新", talkedOn: "2026-11-26", talkedBy: "张书记", points: "要求" }), TEST_NOW));
    expect((future as ValidationError).fieldErrors).toEqual({ talkedOn: ["future"] });
    // A day that does not exist never reaches the server.
    expect(ZRecordHeadChange.safeParse({ orgId: b1, changedOn: "2026-02-30", newName: "钱新", consultation: "x" }).success).toBe(false);
    expect(dayOf("2026-11-18")).toEqual(page.headChanges.rows[0]!.changedOn);
  });
});
