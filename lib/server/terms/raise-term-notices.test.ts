import nodemailer, { type SendMailOptions } from "nodemailer";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayOf, isoDay } from "@/lib/dates";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { markNoticesAbout, openNotification } from "@/lib/server/notifications/mark-read";
import { noticeFacts } from "@/lib/server/notifications/notice-facts";
import { noticeText, type Translate } from "@/lib/server/notifications/notice-subject";
import { setOptOuts } from "@/lib/server/notifications/opt-outs";
import { sendDigests } from "@/lib/server/notifications/send-digests";
import { raiseTermNotices } from "@/lib/server/terms/raise-term-notices";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { useSeededDatabase } from "@/lib/test/seeded-database";
import zh from "@/messages/zh.json";

let drop: () => Promise<void>;
/** Secretaries of U05's first retired cadres' branch (the term's organization) and of its general branch (one level up). */
let own: Actor;
let parent: Actor;
/** Two levels up (the organ party committee) and three (the unit's party group): never told. */
let grand: Actor;
let unit: Actor;
/** On the organization, but staff, turned the kind off, or deactivated. */
let staff: Actor;
let quiet: Actor;
let gone: Actor;
let branchId: string;
let termId: string;

/** Noon in Beijing on a day. */
const on = (day: string) => new Date(`${day}T04:00:00.000Z`);

beforeAll(async () => {
  drop = await useSeededDatabase("term-notices");
  const root = await prisma.org.findUniqueOrThrow({ where: { code: "U05" }, select: { path: true } });
  // Only the terms this file makes.
  await prisma.orgTerm.deleteMany({ where: { org: { path: { startsWith: root.path } } } });
  await prisma.orgTerm.deleteMany({ where: { dueOn: { lte: dayOf("2028-01-01") } } });
  branchId = await orgId("U05-GB1-B1");
  [own, parent, grand, staff, quiet, gone] = await Promise.all([
    actorWithRole("SECRETARY", "U05-GB1-B1"),
    actorWithRole("SECRETARY", "U05-GB1"),
    actorWithRole("SECRETARY", "U05-OPC"),
    actorWithRole("STAFF", "U05-GB1-B1"),
    actorWithRole("SECRETARY", "U05-GB1-B1"),
    actorWithRole("SECRETARY", "U05-GB1-B1"),
  ]);
  unit = await actorFor("u05-secretary");
  await setOptOuts(quiet, ["TERM_DUE"]);
  await prisma.user.update({ where: { id: gone.id }, data: { isActive: false } });
  const term = await prisma.orgTerm.create({
    data: { orgId: branchId, electedOn: dayOf("2024-05-25"), termYears: 3, dueOn: dayOf("2027-05-25"), secretaryName: "吴芳", members: ["吴芳"] },
    select: { id: true },
  });
  termId = term.id;
});
afterAll(() => drop());

const noticesOf = async (userId: string) =>
  (await prisma.notification.findMany({ where: { userId, kind: "TERM_DUE", orgId: branchId }, select: { dedupeKey: true, payload: true }, orderBy: { createdAt: "asc" } })).map(
    (n) => n.dedupeKey,
  );

describe("term-due notices", () => {
  it("come at six and three months before the due day and monthly once overdue, once per step, to the organization's secretaries and those one level up", async () => {
    const key = (step: string, user: Actor) => `TERM_DUE:${termId}:2027-05-25:${step}:${user.id}`;
    const runs: [string, string | null][] = [
      ["2026-11-24", null], // the day before the six-month mark
      ["2026-11-25", "6m"], // exactly six months before
      ["2026-11-25", null], // the same step again: nothing new
      ["2027-02-24", null], // still within six months
      ["2027-02-25", "3m"], // exactly three months before
      ["2027-05-25", null], // the due day is still within three months
      ["2027-05-26", "overdue-0"], // a day overdue
      ["2027-06-24", null],
      ["2027-06-25", "overdue-1"], // a month overdue
      ["2027-07-25", "overdue-2"],
    ];
    const expected: string[] = [];
    for (const [day, step] of runs) {
      await raiseTermNotices(prisma, on(day));
      if (step) expected.push(step);
      expect(await noticesOf(own.id), day).toEqual(expected.map((s) => key(s, own)));
      expect(await noticesOf(parent.id), day).toEqual(expected.map((s) => key(s, parent)));
    }
    for (const who of [grand, unit, staff, quiet, gone]) expect(await noticesOf(who.id), who.username).toEqual([]);

    const [first, last] = await Promise.all([
      prisma.notification.findFirstOrThrow({ where: { dedupeKey: key("6m", own) }, select: { payload: true } }),
      prisma.notification.findFirstOrThrow({ where: { dedupeKey: key("overdue-2", own) }, select: { payload: true } }),
    ]);
    expect(noticeFacts(first.payload)).toMatchObject({ dueDate: "2027-05-25", termStep: "6m", monthsOverdue: null });
    expect(noticeFacts(last.payload)).toMatchObject({ dueDate: "2027-05-25", termStep: "overdue", monthsOverdue: 2 });
  });

  it("raise only the step reached when first seen, and skip ended terms and closed organizations", async () => {
    const b2 = await orgId("U05-GB1-B2");
    const late = await prisma.orgTerm.create({
      data: { orgId: b2, electedOn: dayOf("2023-09-20"), termYears: 3, dueOn: dayOf("2026-09-20"), secretaryName: "郑强", members: ["郑强"] },
      select: { id: true },
    });
    const ended = await prisma.orgTerm.create({
      data: { orgId: await orgId("U05-B1"), electedOn: dayOf("2023-09-20"), termYears: 3, dueOn: dayOf("2026-09-20"), secretaryName: "旧", members: ["旧"], endedOn: dayOf("2026-09-01") },
      select: { id: true },
    });
    const closedOrg = await orgId("U05-B2");
    const closed = await prisma.orgTerm.create({
      data: { orgId: closedOrg, electedOn: dayOf("2023-09-20"), termYears: 3, dueOn: dayOf("2026-09-20"), secretaryName: "关", members: ["关"] },
      select: { id: true },
    });
    await prisma.org.update({ where: { id: closedOrg }, data: { closedAt: on("2026-11-01") } });
    const run = await raiseTermNotices(prisma, on("2026-11-25"));
    expect(run.termsDue).toBeGreaterThanOrEqual(1);
    const keys = (await prisma.notification.findMany({ where: { dedupeKey: { startsWith: `TERM_DUE:${late.id}:` } }, select: { dedupeKey: true } })).map((n) => n.dedupeKey!);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.includes(":2026-09-20:overdue-2:"))).toBe(true);
    expect(await prisma.notification.count({ where: { dedupeKey: { startsWith: `TERM_DUE:${ended.id}:` } } })).toBe(0);
    expect(await prisma.notification.count({ where: { dedupeKey: { startsWith: `TERM_DUE:${closed.id}:` } } })).toBe(0);
  });

  it("read as the organization's term falling due, lead to the term ledger narrowed to it, and are mailed in the digest", async () => {
    const t = createTranslator({ locale: "zh", messages: zh, namespace: "notifications" }) as unknown as Translate;
    const page = await listNotifications(own, {});
    const notice = page.rows.find((n) => n.kind === "TERM_DUE" && n.facts.termStep === "3m")!;
    expect(notice.target).toBe(`/terms?org=${branchId}`);
    const text = noticeText(notice, "zh", t, isoDay);
    expect(text).toMatchObject({ kind: "换届到期提醒", title: "省自然资源厅离退休干部第一党支部", details: ["任期届满日期 2027-05-25", "3 个月内届满"], hasSubject: true });
    const overdue = page.rows.find((n) => n.facts.termStep === "overdue" && n.facts.monthsOverdue === 2)!;
    expect(noticeText(overdue, "zh", t, isoDay).details).toEqual(["任期届满日期 2027-05-25", "已超过届满日期 2 个月"]);
    expect((await openNotification(own, notice.id))?.target).toBe(`/terms?org=${branchId}`);

    const sent: { text: string }[] = [];
    const composer = nodemailer.createTransport({ jsonTransport: true });
    await prisma.user.update({ where: { id: parent.id }, data: { email: "parent@example.org" } });
    await sendDigests(prisma, on("2027-07-25"), {
      async sendMail(message: SendMailOptions) {
        const info = await composer.sendMail(message);
        sent.push(JSON.parse(info.message) as { text: string });
        return info;
      },
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain("【换届到期提醒】省自然资源厅离退休干部第一党支部");
    expect(sent[0]!.text).toContain("6 个月内届满");

    // Reading the ledger for the organization marks its term notices read.
    expect(await markNoticesAbout(parent, { orgId: branchId, kind: "TERM_DUE" })).toBeGreaterThan(0);
    expect(await prisma.notification.count({ where: { userId: parent.id, orgId: branchId, readAt: null } })).toBe(0);
  });
});
