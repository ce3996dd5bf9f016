import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDay } from "@/lib/dates";
import { NotificationKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/auth/actor";
import { delegateItem } from "@/lib/server/checklists/delegate-item";
import { returnItem, submitItem } from "@/lib/server/checklists/transitions";
import { prisma } from "@/lib/server/db";
import { countUnread, listNotifications, NOTIFICATION_PAGE_SIZE, type NoticeCursor, type NoticePage } from "@/lib/server/notifications/list-notifications";
import { markAllRead, markNoticesAbout, markRead, openNotification } from "@/lib/server/notifications/mark-read";
import { noticeFacts } from "@/lib/server/notifications/notice-facts";
import { noticeText, type Translate } from "@/lib/server/notifications/notice-subject";
import { notify } from "@/lib/server/notifications/notify";
import { listOptOuts, setOptOuts } from "@/lib/server/notifications/opt-outs";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { actorFor, actorWithRole, orgId, withEvidence } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { NOTIFICATION_KINDS } from "@/lib/validation/notifications";
import zh from "@/messages/zh.json";

let drop: () => Promise<void>;
let periodId: string;
// u01: the unit's party group secretary; staff: on its organ party committee (the branches' reviewer); branch: secretary of U01-B1.
let u01: Actor;
let staff: Actor;
let branch: Actor;

beforeAll(async () => {
  drop = await useSeededDatabase("notifications");
  periodId = (await getCurrentPeriod(TEST_NOW))!.id;
  [u01, staff, branch] = await Promise.all([actorFor("u01-secretary"), actorFor("u01-staff"), actorFor("u01-branch")]);
});
afterAll(() => drop());

/** A fresh open item of the organization, backed by evidence so that it can be submitted. */
async function openItem(code: string) {
  const item = await prisma.checklistItem.findFirstOrThrow({
    where: { org: { code }, periodId, status: "NOT_STARTED", submittedById: null, delegatedToId: null, delegatedOrgId: null, evidence: { none: {} } },
    select: { id: true, version: true },
    orderBy: { id: "asc" },
  });
  await withEvidence(item.id);
  return item;
}

const kindsOf = async (userId: string, itemId: string) =>
  (await prisma.notification.findMany({ where: { userId, itemId }, orderBy: { createdAt: "asc" }, select: { kind: true } })).map((n) => n.kind);

/** Some notices for a user, made the way the app makes them. */
async function noticesFor(userId: string, kind: NotificationKind, count: number): Promise<void> {
  const items = await prisma.checklistItem.findMany({ where: { org: { code: "U01-B1" }, periodId }, select: { id: true }, take: count, orderBy: { id: "asc" } });
  await prisma.$transaction(async (tx) => {
    for (const item of items) await notify(tx, { kind, userIds: [userId], itemId: item.id, actorId: u01.id });
  });
}

describe("fan-out", () => {
  it("tells the reviewer organization's people of a branch submission, never the submitter or those above", async () => {
    const item = await openItem("U01-B1");
    await submitItem(branch, { itemId: item.id, expectedVersion: item.version, note: "" }, TEST_NOW);
    expect(await kindsOf(staff.id, item.id)).toEqual(["ITEM_SUBMITTED"]);
    expect(await kindsOf(branch.id, item.id)).toEqual([]);
    // The party group secretary holds a reviewing role above the organ party committee, not on it.
    expect(await kindsOf(u01.id, item.id)).toEqual([]);

    const page = await listNotifications(staff, {});
    const row = page.rows.find((r) => r.item?.id === item.id);
    expect(row).toMatchObject({
      kind: "ITEM_SUBMITTED",
      isRead: false,
      actorName: branch.name,
      item: { orgName: expect.stringContaining("办公室党支部") },
      target: `/checklists/${item.id}`,
    });
    expect(row?.item?.title).toBeTruthy();
  });

  it("tells the submitter of a return, with the reviewer's comment", async () => {
    const item = await openItem("U01-B1");
    const submitted = await submitItem(branch, { itemId: item.id, expectedVersion: item.version, note: "" }, TEST_NOW);
    await returnItem(staff, { itemId: item.id, expectedVersion: submitted.version, comment: "请补充会议记录" });
    const page = await listNotifications(branch, { unreadOnly: true });
    const row = page.rows.find((r) => r.item?.id === item.id);
    expect(row).toMatchObject({ kind: "ITEM_RETURNED", actorName: staff.name, facts: { comment: "请补充会议记录" } });
    expect(await kindsOf(staff.id, item.id)).toEqual(["ITEM_SUBMITTED"]);
  });

  it("tells the person an item is delegated to", async () => {
    const item = await openItem("U01-B1");
    const target = await actorWithRole("STAFF", "U01-B1");
    await delegateItem(branch, { itemId: item.id, expectedVersion: item.version, target: `user:${target.id}` });
    expect(await kindsOf(target.id, item.id)).toEqual(["ITEM_DELEGATED"]);
    expect(await countUnread(target)).toBe(1);
  });
});

describe("reading what a notice is about", () => {
  it("marks the reader's notices about it read however the page was reached, and nobody else's", async () => {
    const item = await openItem("U01-B2");
    const submitted = await submitItem(u01, { itemId: item.id, expectedVersion: item.version, note: "" }, TEST_NOW);
    const reviewers = await prisma.notification.findMany({ where: { itemId: item.id, kind: "ITEM_SUBMITTED" }, select: { userId: true } });
    expect(reviewers.map((r) => r.userId)).toContain(staff.id);
    const before = await countUnread(staff);
    expect(await markNoticesAbout(staff, { itemId: item.id })).toBe(1);
    expect(await countUnread(staff)).toBe(before - 1);
    // Seen once, it stays read; another's notice about the same item is untouched.
    expect(await markNoticesAbout(staff, { itemId: item.id })).toBe(0);
    await returnItem(staff, { itemId: item.id, expectedVersion: submitted.version, comment: "请补充" });
    expect(await prisma.notification.count({ where: { itemId: item.id, userId: u01.id, readAt: null } })).toBe(1);
  });
});

describe("opting out", () => {
  it("creates no notice of a kind turned off, and hides the earlier ones until it is turned on again", async () => {
    const reviewer = await actorWithRole("STAFF", "U01-OPC");
    const first = await openItem("U01-B2");
    await submitItem(u01, { itemId: first.id, expectedVersion: first.version, note: "" }, TEST_NOW);
    expect(await kindsOf(reviewer.id, first.id)).toEqual(["ITEM_SUBMITTED"]);
    expect(await countUnread(reviewer)).toBe(1);

    expect(await setOptOuts(reviewer, ["ITEM_SUBMITTED", "ITEM_RED"])).toEqual(["ITEM_SUBMITTED", "ITEM_RED"]);
    expect(await listOptOuts(reviewer)).toEqual(["ITEM_SUBMITTED", "ITEM_RED"]);
    const second = await openItem("U01-B2");
    await submitItem(u01, { itemId: second.id, expectedVersion: second.version, note: "" }, TEST_NOW);
    expect(await kindsOf(reviewer.id, second.id)).toEqual([]);
    // Others on the same organization still hear of it.
    expect(await kindsOf(staff.id, second.id)).toEqual(["ITEM_SUBMITTED"]);
    // The earlier notice is kept but not shown nor counted.
    expect(await countUnread(reviewer)).toBe(0);
    expect((await listNotifications(reviewer, {})).rows).toEqual([]);

    const audit = await prisma.auditLog.findFirst({ where: { entityId: reviewer.id, action: "user.notificationOptOuts" } });
    expect(audit).toMatchObject({ actorId: reviewer.id, before: { off: [] }, after: { off: ["ITEM_SUBMITTED", "ITEM_RED"] } });

    await setOptOuts(reviewer, []);
    expect(await listOptOuts(reviewer)).toEqual([]);
    expect(await countUnread(reviewer)).toBe(1);
  });

  it("counts for the bell no further than asked, and never the kinds turned off", async () => {
    const reader = await actorWithRole("STAFF", "U02-OPC");
    await prisma.notification.createMany({
      data: [
        ...Array.from({ length: 5 }, () => ({ userId: reader.id, kind: "ITEM_RETURNED" as const })),
        ...Array.from({ length: 3 }, () => ({ userId: reader.id, kind: "ITEM_RED" as const })),
        { userId: reader.id, kind: "ITEM_RETURNED" as const, readAt: TEST_NOW },
      ],
    });
    await setOptOuts(reader, ["ITEM_RED"]);
    expect(await countUnread(reader)).toBe(5);
    expect(await countUnread(reader, { upTo: 3 })).toBe(3);
    expect(await countUnread(reader, { upTo: 100 })).toBe(5);
  });

  it("names every kind of the schema in the preferences", () => {
    expect([...NOTIFICATION_KINDS].sort()).toEqual(Object.values(NotificationKind).sort());
  });
});

describe("inspection notices", () => {
  /** An issued report on U01-B1 with one finding, made directly in the database. */
  async function reportWithFinding(description: string) {
    const [wc, b1] = await Promise.all([orgId("WC"), orgId("U01-B1")]);
    const round = await prisma.inspectionRound.create({
      data: { title: "2026年第三季度日常督查", type: "ROUTINE", scopeOrgId: wc, startsOn: new Date("2026-07-01"), endsOn: new Date("2026-07-31") },
      select: { id: true },
    });
    const report = await prisma.inspectionReport.create({ data: { roundId: round.id, orgId: b1, status: "ISSUED", issuedAt: TEST_NOW }, select: { id: true } });
    const finding = await prisma.finding.create({
      data: { reportId: report.id, roundId: round.id, orgId: b1, seq: 1, description, categoryId: "fcat-records", deadline: new Date("2027-01-24") },
      select: { id: true },
    });
    return { reportId: report.id, findingId: finding.id };
  }

  it("lists a report notice and a finding notice with their titles and where they lead", async () => {
    const reader = await actorWithRole("SECRETARY", "U01-B1");
    const description = "支部委员会会议记录不完整，部分会议未记录议题和表决情况，需要按照规定补齐并建立台账";
    const { reportId, findingId } = await reportWithFinding(description);
    await prisma.$transaction(async (tx) => {
      await notify(tx, { kind: "REPORT_ISSUED", userIds: [reader.id], reportId, actorId: u01.id });
      await notify(tx, { kind: "FINDING_RETURNED", userIds: [reader.id], findingId, actorId: u01.id, payload: { comment: "佐证材料不足" } });
    });

    const { rows } = await listNotifications(reader, {});
    const report = rows.find((r) => r.kind === "REPORT_ISSUED");
    expect(report).toMatchObject({
      report: { id: reportId, roundTitle: "2026年第三季度日常督查", orgName: expect.stringContaining("办公室党支部") },
      item: null,
      finding: null,
      target: `/inspections/reports/${reportId}`,
    });
    const finding = rows.find((r) => r.kind === "FINDING_RETURNED");
    expect(finding).toMatchObject({
      finding: { id: findingId, description, deadline: new Date("2027-01-24") },
      facts: { comment: "佐证材料不足" },
      actorName: u01.name,
      target: `/findings/${findingId}`,
    });

    // Opening leads there and marks the notice read.
    expect(await openNotification(reader, finding!.id, TEST_NOW)).toMatchObject({ findingId, target: `/findings/${findingId}` });
    expect(await openNotification(reader, report!.id, TEST_NOW)).toMatchObject({ reportId, target: `/inspections/reports/${reportId}` });
    expect(await countUnread(reader)).toBe(0);
  });

  it("words a finding's notices from its short description, and an escalation with its level", () => {
    const t = createTranslator({ locale: "zh", messages: zh, namespace: "notifications" }) as unknown as Translate;
    const finding = { id: "f1", description: "一二三四五六七八九十".repeat(5), orgName: "办公室党支部", orgNameEn: null, deadline: new Date("2027-01-24") };
    const facts = noticeFacts({ level: "WARNING", daysOverdue: 15, deadline: "2027-01-24" });
    const text = noticeText({ kind: "FINDING_ESCALATED", actorName: null, facts, item: null, report: null, finding }, "zh", t, isoDay);
    expect(text).toEqual({
      kind: "督办升级：告诫书",
      title: `${"一二三四五六七八九十".repeat(3)}一二三四五六七八九…`,
      details: ["办公室党支部", "整改期限 2027-01-24", "已逾期 15 天"],
      note: null,
      hasSubject: true,
    });
    const reopened = noticeText({ kind: "FINDING_REOPENED", actorName: "周督导", facts: noticeFacts({ reason: "复查发现反弹" }), item: null, report: null, finding }, "zh", t, isoDay);
    expect(reopened).toMatchObject({ kind: "问题重新打开", note: "重新打开原因：复查发现反弹", details: ["办公室党支部", "整改期限 2027-01-24", "操作人：周督导"] });
  });
});

describe("reading", () => {
  it("marks only the actor's own notices read", async () => {
    const reader = await actorWithRole("STAFF", "U01-B1");
    const other = await actorWithRole("STAFF", "U01-B1");
    await noticesFor(reader.id, "ITEM_APPROVED", 2);
    await noticesFor(other.id, "ITEM_APPROVED", 1);
    const mine = await prisma.notification.findMany({ where: { userId: reader.id }, select: { id: true } });
    const theirs = await prisma.notification.findFirstOrThrow({ where: { userId: other.id }, select: { id: true } });

    expect(await markRead(reader, [theirs.id])).toBe(0);
    expect(await openNotification(reader, theirs.id)).toBeNull();
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    expect(await countUnread(other)).toBe(1);

    // Among the actor's own ids, the other's one is ignored.
    expect(await markRead(reader, [mine[0]!.id, theirs.id], TEST_NOW)).toBe(1);
    expect(await countUnread(reader)).toBe(1);
    expect(await markRead(reader, [mine[0]!.id])).toBe(0);

    const opened = await openNotification(reader, mine[1]!.id, TEST_NOW);
    expect(opened?.itemId).toBeTruthy();
    expect(await countUnread(reader)).toBe(0);

    await noticesFor(reader.id, "ITEM_RETURNED", 3);
    expect(await markAllRead(reader)).toBe(3);
    expect(await countUnread(reader)).toBe(0);
    expect(await countUnread(other)).toBe(1);
  });

  it("pages newest first by keyset, both ways, with the id ordering notices of the same time, and filters unread ones", async () => {
    const reader = await actorWithRole("SECRETARY", "U01-B1");
    const size = NOTIFICATION_PAGE_SIZE;
    // Three pages and five: in threes, notices share their time.
    const base = Date.UTC(2026, 10, 1);
    await prisma.notification.createMany({
      data: Array.from({ length: size * 3 + 5 }, (_, i) => ({ userId: reader.id, kind: "ITEM_APPROVED" as const, createdAt: new Date(base + Math.floor(i / 3) * 1000) })),
    });
    const all = await prisma.notification.findMany({ where: { userId: reader.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, createdAt: true } });
    const ids = (from: number, to?: number) => all.slice(from, to).map((n) => n.id);
    const place = (i: number, toward: "older" | "newer") => ({ createdAt: all[i]!.createdAt, id: all[i]!.id, toward });
    const cursor = (page: NoticePage, side: "older" | "newer"): NoticeCursor => {
      const to = page[side];
      if (!to || to === "first") throw new Error(`no ${side} cursor`);
      return to;
    };

    const first = await listNotifications(reader, {});
    expect(first.rows.map((r) => r.id)).toEqual(ids(0, size));
    expect(first).toMatchObject({ total: size * 3 + 5, unread: size * 3 + 5, newer: null, older: place(size - 1, "older") });
    const second = await listNotifications(reader, { cursor: cursor(first, "older") });
    expect(second.rows.map((r) => r.id)).toEqual(ids(size, size * 2));
    // The page before it is the first: its link needs no cursor.
    expect(second).toMatchObject({ newer: "first", older: place(size * 2 - 1, "older") });
    const third = await listNotifications(reader, { cursor: cursor(second, "older") });
    expect(third.rows.map((r) => r.id)).toEqual(ids(size * 2, size * 3));
    expect(third).toMatchObject({ newer: place(size * 2, "newer"), older: place(size * 3 - 1, "older") });
    const last = await listNotifications(reader, { cursor: cursor(third, "older") });
    expect(last.rows.map((r) => r.id)).toEqual(ids(size * 3));
    expect(last).toMatchObject({ newer: place(size * 3, "newer"), older: null });
    // Back the other way: the same pages.
    expect(await listNotifications(reader, { cursor: cursor(last, "newer") })).toStrictEqual(third);
    expect(await listNotifications(reader, { cursor: cursor(third, "newer") })).toStrictEqual(second);
    // A page of newer notices that would not be full is the first page; a cursor past the end leads there too.
    expect(await listNotifications(reader, { cursor: place(3, "newer") })).toStrictEqual(first);
    expect(await listNotifications(reader, { cursor: { createdAt: new Date(base - 1000), id: "x", toward: "older" } })).toStrictEqual(first);

    // Unread only: the read ones are skipped on every page.
    await markRead(reader, ids(0, 10));
    const unread = await listNotifications(reader, { unreadOnly: true });
    expect(unread.rows.map((r) => r.id)).toEqual(ids(10, 10 + size));
    expect(unread).toMatchObject({ total: size * 3 - 5, newer: null, older: place(10 + size - 1, "older") });
    const unreadNext = await listNotifications(reader, { cursor: cursor(unread, "older"), unreadOnly: true });
    expect(unreadNext.rows.map((r) => r.id)).toEqual(ids(10 + size, 10 + size * 2));
    expect(unreadNext.newer).toBe("first");
    expect(unreadNext.rows.every((r) => !r.isRead)).toBe(true);
  });
});
