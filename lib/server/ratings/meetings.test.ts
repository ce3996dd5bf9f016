import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { ratingInputs, ratingSheet } from "@/lib/server/ratings/entries";
import { castMeetingBallot, createMeeting, deleteMeeting, getMeeting, listMeetings, recordMeetingReport, updateMeeting } from "@/lib/server/ratings/meetings";
import { readScheme, resolveRatedYear } from "@/lib/server/ratings/schemes";
import { actorFor, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { ZCreateMeeting } from "@/lib/validation/ratings";

let drop: () => Promise<void>;
let periodId: string;

beforeAll(async () => {
  drop = await useSeededDatabase("meetings");
  periodId = (await resolveRatedYear(undefined, TEST_NOW))!.id;
});
afterAll(() => drop());

const HOUR = 60 * 60 * 1000;
const opens = new Date(TEST_NOW.getTime() - HOUR);
const closes = new Date(TEST_NOW.getTime() + HOUR);

describe("the ballot window as the form sends it", () => {
  it("is read as Beijing time, both ends or neither, closing after it opens", () => {
    const base = { periodId: "c".repeat(25), title: "述职评议会", heldOn: "2026-12-20", place: "", orgIds: ["c".repeat(25)], attendeeIds: [] };
    const parsed = ZCreateMeeting.parse({ ...base, ballotOpensAt: "2026-12-20T09:00", ballotClosesAt: "2026-12-20T11:30" });
    expect([parsed.ballotOpensAt?.toISOString(), parsed.ballotClosesAt?.toISOString()]).toEqual(["2026-12-20T01:00:00.000Z", "2026-12-20T03:30:00.000Z"]);
    expect(ZCreateMeeting.parse({ ...base, ballotOpensAt: "", ballotClosesAt: "" }).ballotOpensAt).toBeUndefined();
    const codes = (v: object) => ZCreateMeeting.safeParse({ ...base, ...v }).error?.issues.map((i) => i.message);
    expect(codes({ ballotOpensAt: "2026-12-20T09:00", ballotClosesAt: "" })).toEqual(["windowBoth"]);
    expect(codes({ ballotOpensAt: "2026-12-20T09:00", ballotClosesAt: "2026-12-20T09:00" })).toEqual(["windowOrder"]);
  });
});

describe("the report meeting", () => {
  it("is set up by the committee with the year's rated units and people of the committee or those units", async () => {
    const [supervisor, secretary, wc, u01] = await Promise.all([actorFor("supervisor"), actorFor("u01-secretary"), orgId("WC"), orgId("U01")]);
    const base = { periodId, title: "述职评议会", heldOn: "2026-12-20", place: "第一会议室", orgIds: [u01], attendeeIds: [secretary.id], ballotOpensAt: opens, ballotClosesAt: closes };
    await expect(createMeeting(secretary, base)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createMeeting(supervisor, { ...base, orgIds: [wc] })).rejects.toMatchObject({ fieldErrors: { orgIds: ["notInScope"] } });
    // An attendee from the committee or any rated unit, not only the units reporting: someone of no unit is refused.
    const outsider = await prisma.user.create({ data: { username: "outsider", name: "外单位人员", passwordHash: "x" } });
    await expect(createMeeting(supervisor, { ...base, attendeeIds: [outsider.id] })).rejects.toMatchObject({ fieldErrors: { attendeeIds: ["notAttendee"] } });
    expect(await prisma.reportMeeting.count()).toBe(0);
  });

  it("records each report and comment, and takes one ballot per attendee and unit inside its window", async () => {
    const [supervisor, u01Secretary, u02Secretary, u04Secretary, u01, u02] = await Promise.all([
      actorFor("supervisor"),
      actorFor("u01-secretary"),
      actorFor("u02-secretary"),
      actorFor("u04-secretary"),
      orgId("U01"),
      orgId("U02"),
    ]);
    const id = await createMeeting(supervisor, {
      periodId,
      title: "2026年度述职评议会",
      heldOn: "2026-11-25",
      place: "第一会议室",
      orgIds: [u01, u02],
      attendeeIds: [u01Secretary.id, u02Secretary.id],
      ballotOpensAt: opens,
      ballotClosesAt: closes,
    });

    // The report and the leader's comment: the committee's, on the meeting's units only; no rating, so the scheme stays open.
    await expect(recordMeetingReport(u01Secretary, { meetingId: id, orgId: u01, mode: "IN_PERSON", commentedBy: "", comment: "" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordMeetingReport(supervisor, { meetingId: id, orgId: await orgId("U03"), mode: "IN_PERSON", commentedBy: "", comment: "" })).rejects.toBeInstanceOf(NotFoundError);
    await recordMeetingReport(supervisor, { meetingId: id, orgId: u01, mode: "IN_PERSON", commentedBy: "机关工委书记", comment: "整改不够彻底，要举一反三。" });
    await recordMeetingReport(supervisor, { meetingId: id, orgId: u02, mode: "IN_WRITING", commentedBy: "", comment: "" });
    expect((await readScheme(prisma, periodId)).frozenAt).toBeNull();

    // The ballot: an attendee, inside the window, once per unit; it joins the unit's democratic rating.
    const dims = (await readScheme(prisma, periodId)).config.rated.dimensions.map((d) => d.key);
    const ballot = Object.fromEntries(dims.map((k) => [k, 85]));
    await expect(castMeetingBallot(u04Secretary, { meetingId: id, orgId: u01, scores: ballot }, TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(castMeetingBallot(u02Secretary, { meetingId: id, orgId: u01, scores: ballot }, new Date(opens.getTime() - 1))).rejects.toMatchObject({ fieldErrors: { meetingId: ["ballotClosed"] } });
    await expect(castMeetingBallot(u02Secretary, { meetingId: id, orgId: u01, scores: ballot }, closes)).rejects.toMatchObject({ fieldErrors: { meetingId: ["ballotClosed"] } });
    expect(await castMeetingBallot(u02Secretary, { meetingId: id, orgId: u01, scores: ballot }, TEST_NOW)).toBe(1);
    await expect(castMeetingBallot(u02Secretary, { meetingId: id, orgId: u01, scores: ballot }, TEST_NOW)).rejects.toMatchObject({ fieldErrors: { meetingId: ["alreadyRated"] } });
    expect(await castMeetingBallot(u01Secretary, { meetingId: id, orgId: u01, scores: ballot }, TEST_NOW)).toBe(2);
    const scheme = await readScheme(prisma, periodId);
    const inputs = (await ratingInputs(periodId, [u01], scheme.config)).get(u01)!;
    expect(inputs.ballots).toBe(2);
    // The committee's sheet lists the ballots without naming who cast them.
    expect((await ratingSheet(periodId, u01)).ballots.map((b) => [b.ballot, b.by])).toEqual([
      [1, null],
      [2, null],
    ]);
    expect(inputs.ratings.democratic).toEqual(expect.any(Number));

    // What each reader sees.
    const seen = await getMeeting(supervisor, id);
    expect(seen.units.map((u) => [u.orgId, u.mode, u.comment, u.ballots])).toEqual([
      [u01, "IN_PERSON", "整改不够彻底，要举一反三。", 2],
      [u02, "IN_WRITING", null, 0],
    ]);
    const attendee = await getMeeting(u02Secretary, id);
    expect(attendee.units.map((u) => [u.orgId, u.ratedByMe, u.comment, u.ballots])).toEqual([
      [u01, true, null, 0],
      [u02, false, null, 0],
    ]);
    await expect(getMeeting(u04Secretary, id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listMeetings(u02Secretary, periodId)).map((m) => m.id)).toEqual([id]);
    expect(await listMeetings(u04Secretary, periodId)).toEqual([]);
  });

  it("changes its setup against the version seen, keeps a unit that has reported, and is removed only before anyone reports or rates", async () => {
    const [supervisor, u01Secretary, u03Secretary, u01, u02, u03] = await Promise.all([
      actorFor("supervisor"),
      actorFor("u01-secretary"),
      actorFor("u03-secretary"),
      orgId("U01"),
      orgId("U02"),
      orgId("U03"),
    ]);
    const setup = { title: "补充述职评议会", heldOn: "2026-12-28", place: "", orgIds: [u02, u03], attendeeIds: [u01Secretary.id], ballotOpensAt: undefined, ballotClosesAt: undefined };
    const id = await createMeeting(supervisor, { periodId, ...setup });
    await expect(updateMeeting(u01Secretary, { meetingId: id, expectedVersion: 1, ...setup })).rejects.toBeInstanceOf(NotFoundError);
    await updateMeeting(supervisor, { meetingId: id, expectedVersion: 1, ...setup, title: "2026年度补充述职评议会", orgIds: [u03, u01], attendeeIds: [u03Secretary.id] });
    await expect(updateMeeting(supervisor, { meetingId: id, expectedVersion: 1, ...setup })).rejects.toMatchObject({ name: "ConflictError" });
    let seen = await getMeeting(supervisor, id);
    expect([seen.title, seen.version, seen.units.map((u) => u.orgId).sort(), seen.attendees.map((a) => a.id)]).toEqual(["2026年度补充述职评议会", 2, [u01, u03].sort(), [u03Secretary.id]]);

    // Once U03 has reported it stays on the meeting, and the meeting stays.
    await recordMeetingReport(supervisor, { meetingId: id, orgId: u03, mode: "IN_WRITING", commentedBy: "", comment: "" });
    await expect(updateMeeting(supervisor, { meetingId: id, expectedVersion: 2, ...setup, orgIds: [u01] })).rejects.toMatchObject({ fieldErrors: { orgIds: ["unitReported"] } });
    await expect(deleteMeeting(supervisor, { meetingId: id, expectedVersion: 2 })).rejects.toMatchObject({ fieldErrors: { meetingId: ["meetingHeld"] } });

    // A meeting set up by mistake goes, against its version; the audit log keeps it.
    const mistake = await createMeeting(supervisor, { periodId, ...setup, title: "误建" });
    await expect(deleteMeeting(supervisor, { meetingId: mistake, expectedVersion: 2 })).rejects.toMatchObject({ name: "ConflictError" });
    await deleteMeeting(supervisor, { meetingId: mistake, expectedVersion: 1 });
    expect(await prisma.reportMeeting.count({ where: { id: mistake } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { entityId: mistake, action: "rating.meeting.delete" } })).toBe(1);
    seen = await getMeeting(supervisor, id);
    expect(seen.units.find((u) => u.orgId === u03)?.mode).toBe("IN_WRITING");
  });

  it("is listed to the committee over all its units, and to its attendees", async () => {
    const supervisor = await actorFor("supervisor");
    expect((await listMeetings(supervisor, periodId)).length).toBe(await prisma.reportMeeting.count({ where: { periodId } }));
    // Another tree's working committee manages ratings too, but none of these meetings' units.
    const other = await prisma.org.create({ data: { code: "WC2", name: "另一机关工委", type: "WORKING_COMMITTEE", path: "/wc2/", depth: 0 } });
    await prisma.user.create({ data: { username: "wc2-supervisor", name: "另一督导", passwordHash: "x", roles: { create: { orgId: other.id, role: "SUPERVISOR" } } } });
    const otherCommittee = await actorFor("wc2-supervisor");
    expect(await listMeetings(otherCommittee, periodId)).toEqual([]);
    const [meeting] = await listMeetings(supervisor, periodId);
    await expect(getMeeting(otherCommittee, meeting!.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

