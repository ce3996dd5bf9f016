import nodemailer, { type SendMailOptions } from "nodemailer";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { notify } from "@/lib/server/notifications/notify";
import { setOptOuts } from "@/lib/server/notifications/opt-outs";
import { DIGEST_FAILURES_IN_A_ROW, DIGEST_NOTICE_LIMIT, sendDigests, type MailTransport } from "@/lib/server/notifications/send-digests";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

type SentMail = { from: { address: string }; to: { name: string; address: string }[]; subject: string; text: string; html: string };

/** nodemailer's JSON transport: the mail composed as it would go out, kept here instead of sent. */
function jsonTransport(): MailTransport & { sent: SentMail[] } {
  const composer = nodemailer.createTransport({ jsonTransport: true });
  const sent: SentMail[] = [];
  return {
    sent,
    async sendMail(message: SendMailOptions) {
      const info = await composer.sendMail(message);
      sent.push(JSON.parse(info.message) as SentMail);
      return info;
    },
  };
}

let drop: () => Promise<void>;
let periodId: string;
let reviewer: Actor;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  drop = await useSeededDatabase("digests");
  periodId = (await getCurrentPeriod(TEST_NOW))!.id;
  reviewer = await actorFor("u01-staff");
  for (const key of ["SMTP_URL", "MAIL_FROM", "APP_URL", "NEXTAUTH_URL"]) saved[key] = process.env[key];
});
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});
afterAll(() => drop());

/** A fresh user with an email address (or none), holding a role on a branch. */
async function recipient(email: string | null, locale: "zh" | "en" = "zh"): Promise<Actor> {
  const actor = await actorWithRole("SECRETARY", "U01-B1");
  await prisma.user.update({ where: { id: actor.id }, data: { email, locale, name: locale === "en" ? "Li Ming" : "李明" } });
  return { ...actor, locale };
}

async function tell(userId: string, kind: NotificationKind, count = 1, payload?: { comment: string }): Promise<string[]> {
  const items = await prisma.checklistItem.findMany({ where: { org: { code: "U01-B1" }, periodId }, select: { id: true }, take: count, orderBy: { id: "asc" } });
  await prisma.$transaction(async (tx) => {
    for (const item of items) await notify(tx, { kind, userIds: [userId], itemId: item.id, actorId: reviewer.id, payload });
  });
  return (await prisma.notification.findMany({ where: { userId, kind }, select: { id: true } })).map((n) => n.id);
}

const emailedOf = async (ids: string[]) => (await prisma.notification.findMany({ where: { id: { in: ids } }, select: { emailedAt: true } })).map((n) => n.emailedAt !== null);

describe("email digests", () => {
  it("does nothing without SMTP, and says so", async () => {
    delete process.env.SMTP_URL;
    const user = await recipient("nosmtp@example.org");
    const ids = await tell(user.id, "ITEM_APPROVED");
    const run = await sendDigests(prisma, TEST_NOW);
    expect(run).toMatchObject({ configured: false, mailsSent: 0, noticesEmailed: 0 });
    expect(await emailedOf(ids)).toEqual([false]);
    // Clean up, so that the runs below only mail the users they make.
    await prisma.notification.deleteMany({ where: { id: { in: ids } } });
  });

  it("mails each user one digest of their unread notices, in their language, and marks them emailed", async () => {
    process.env.APP_URL = "https://ledger.example.org/";
    process.env.MAIL_FROM = "责任台账 <duty-ledger@example.org>";
    const zhUser = await recipient("li@example.org");
    const enUser = await recipient("  ming@example.org ", "en");
    const noEmail = await recipient(null);

    const returned = await tell(zhUser.id, "ITEM_RETURNED", 1, { comment: "请补充会议记录" });
    const approved = await tell(zhUser.id, "ITEM_APPROVED");
    await setOptOuts(zhUser, ["ITEM_APPROVED"]);
    const read = await tell(zhUser.id, "ITEM_DELEGATED");
    await prisma.notification.updateMany({ where: { id: { in: read } }, data: { readAt: TEST_NOW } });
    const red = await tell(enUser.id, "ITEM_RED", 2);
    const silent = await tell(noEmail.id, "ITEM_RED");

    const transport = jsonTransport();
    const run = await sendDigests(prisma, TEST_NOW, transport);
    expect(run).toEqual({ configured: true, linked: true, mailsSent: 2, noticesEmailed: 3, failures: 0, stoppedEarly: false });
    expect(transport.sent.map((m) => m.to[0]?.address).sort()).toEqual(["li@example.org", "ming@example.org"]);

    const zhMail = transport.sent.find((m) => m.to[0]?.address === "li@example.org")!;
    expect(zhMail.from.address).toBe("duty-ledger@example.org");
    expect(zhMail.subject).toBe("责任台账：1 条新通知");
    expect(zhMail.text).toContain("李明，您好");
    expect(zhMail.text).toContain("【被退回】");
    expect(zhMail.text).toContain("退回意见：请补充会议记录");
    expect(zhMail.text).toContain(`https://ledger.example.org/notifications/${returned[0]}/open`);
    expect(zhMail.text).not.toContain("审核通过");
    expect(zhMail.html).toContain(`<a href="https://ledger.example.org/notifications/${returned[0]}/open">`);

    const enMail = transport.sent.find((m) => m.to[0]?.address === "ming@example.org")!;
    expect(enMail.subject).toBe("Duty Ledger: 2 new notifications");
    expect(enMail.text).toContain("Hello Li Ming,");
    expect(enMail.text.match(/\[Red warning\]/g)).toHaveLength(2);

    expect(await emailedOf([...returned, ...red])).toEqual([true, true, true]);
    // Opted out, already read, or without an address: not emailed.
    expect(await emailedOf([...approved, ...read, ...silent])).toEqual([false, false, false]);

    const again = jsonTransport();
    expect(await sendDigests(prisma, TEST_NOW, again)).toMatchObject({ mailsSent: 0, noticesEmailed: 0 });
    expect(again.sent).toEqual([]);
  });

  it("words the notices of findings and reports, and links them", async () => {
    process.env.APP_URL = "https://ledger.example.org";
    const user = await recipient("finding@example.org", "en");
    const [wc, b1] = await Promise.all([orgId("WC"), orgId("U01-B1")]);
    const round = await prisma.inspectionRound.create({
      data: { title: "Q3 routine inspection", type: "ROUTINE", scopeOrgId: wc, startsOn: new Date("2026-07-01"), endsOn: new Date("2026-07-31") },
    });
    const report = await prisma.inspectionReport.create({ data: { roundId: round.id, orgId: b1, status: "ISSUED", issuedAt: TEST_NOW } });
    const finding = await prisma.finding.create({
      data: { reportId: report.id, roundId: round.id, orgId: b1, seq: 1, description: "Minutes of branch meetings incomplete", categoryId: "fcat-records", deadline: new Date("2026-11-10") },
    });
    await prisma.$transaction(async (tx) => {
      await notify(tx, { kind: "REPORT_ISSUED", userIds: [user.id], reportId: report.id });
      await notify(tx, { kind: "FINDING_ESCALATED", userIds: [user.id], findingId: finding.id, payload: { level: "WARNING", daysOverdue: 15, deadline: "2026-11-10" } });
    });
    const transport = jsonTransport();
    expect(await sendDigests(prisma, TEST_NOW, transport)).toMatchObject({ mailsSent: 1, noticesEmailed: 2 });
    const text = transport.sent[0]!.text;
    expect(text).toContain("[Inspection report issued] Q3 routine inspection");
    expect(text).toContain("[Escalated: warning] Minutes of branch meetings incomplete");
    expect(text).toContain("Rectify by 2026-11-10");
    expect(text).toContain("15 days overdue");
    const ids = (await prisma.notification.findMany({ where: { userId: user.id }, select: { id: true } })).map((n) => n.id);
    for (const id of ids) expect(text).toContain(`https://ledger.example.org/notifications/${id}/open`);
  });

  it("spells out the newest notices of a long digest and counts the rest, marking them all", async () => {
    const user = await recipient("busy@example.org");
    const ids = await tell(user.id, "ITEM_YELLOW", DIGEST_NOTICE_LIMIT + 3);
    const transport = jsonTransport();
    expect(await sendDigests(prisma, TEST_NOW, transport)).toMatchObject({ mailsSent: 1, noticesEmailed: DIGEST_NOTICE_LIMIT + 3, linked: false });
    const [mail] = transport.sent;
    expect(mail?.subject).toBe(`责任台账：${DIGEST_NOTICE_LIMIT + 3} 条新通知`);
    expect(mail?.text.match(/【黄色预警】/g)).toHaveLength(DIGEST_NOTICE_LIMIT);
    expect(mail?.text).toContain("另有 3 条通知未在此列出");
    expect(mail?.text).not.toContain("/notifications/");
    expect(await emailedOf(ids)).toEqual(ids.map(() => true));
  });

  it("leaves the notices of a mail that failed for the next run", async () => {
    const user = await recipient("flaky@example.org");
    const ids = await tell(user.id, "ITEM_SUBMITTED");
    const failing: MailTransport = { sendMail: () => Promise.reject(new Error("421 try again later")) };
    expect(await sendDigests(prisma, TEST_NOW, failing)).toMatchObject({ mailsSent: 0, failures: 1 });
    expect(await emailedOf(ids)).toEqual([false]);
    const transport = jsonTransport();
    expect(await sendDigests(prisma, TEST_NOW, transport)).toMatchObject({ mailsSent: 1, failures: 0 });
    expect(await emailedOf(ids)).toEqual([true]);
  });

  it("fails at once when the server cannot be reached, and stops when it keeps refusing", async () => {
    const users = await Promise.all(Array.from({ length: DIGEST_FAILURES_IN_A_ROW + 2 }, (_, i) => recipient(`down${i}@example.org`)));
    for (const user of users) await tell(user.id, "ITEM_DELEGATED");
    const attempts: string[] = [];
    const unreachable: MailTransport = {
      verify: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:587")),
      sendMail: (m) => Promise.resolve(attempts.push(String(m.subject))),
    };
    await expect(sendDigests(prisma, TEST_NOW, unreachable)).rejects.toThrow(/cannot be reached.*ECONNREFUSED/);
    expect(attempts).toEqual([]);

    const refusing: MailTransport = { sendMail: () => Promise.reject(new Error("554 rejected")) };
    expect(await sendDigests(prisma, TEST_NOW, refusing)).toMatchObject({ mailsSent: 0, failures: DIGEST_FAILURES_IN_A_ROW, stoppedEarly: true });
    const transport = jsonTransport();
    expect(await sendDigests(prisma, TEST_NOW, transport)).toMatchObject({ mailsSent: users.length, failures: 0, stoppedEarly: false });
  });
});
