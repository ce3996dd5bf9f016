import { createTranslator } from "next-intl";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { TIME_ZONE } from "@/lib/dates";
import { env } from "@/lib/env";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { composeDigest, type DigestNotice, type Translate } from "@/lib/server/notifications/digest-email";
import { noticeFacts } from "@/lib/server/notifications/notice-facts";
import { noticeSubjectSelect, toNoticeSubject } from "@/lib/server/notifications/notice-subject";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

// No "server-only" here: the notify command (scripts/notify.ts) runs outside Next.js.

/** What sendDigests needs of a nodemailer transporter; tests pass one built on jsonTransport. */
export type MailTransport = { sendMail(message: SendMailOptions): Promise<unknown>; verify?(): Promise<true>; close?(): void };

/** Users looked at per query. */
export const DIGEST_USER_BATCH = 200;
/** Notices spelled out in one mail; the rest are counted, and all of them are marked emailed. */
export const DIGEST_NOTICE_LIMIT = 50;
/** Failed mails in a row after which the run stops: the server is down or refuses us, and the rest can wait. */
export const DIGEST_FAILURES_IN_A_ROW = 5;

export type DigestRun = {
  /** False when SMTP_URL is unset: nothing was sent or marked. */
  configured: boolean;
  /** Whether the mails carry links (APP_URL or NEXTAUTH_URL is set). */
  linked: boolean;
  mailsSent: number;
  noticesEmailed: number;
  /** Mails that failed; their notices stay unsent for the next run. */
  failures: number;
  /** The run gave up after DIGEST_FAILURES_IN_A_ROW failures; the users not reached wait for the next run. */
  stoppedEarly: boolean;
};

/** SMTP_URL with connection pooling on, unless it says otherwise: one connection for many mails. */
function pooledUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
  return url.toString();
}

/** The sender when a transport is passed in without MAIL_FROM (tests); with SMTP_URL, MAIL_FROM is required. */
const FALLBACK_FROM = "Duty Ledger <duty-ledger@localhost>";

// A notice is due for a digest while nobody emailed or read it and its kind is still wanted.
const PENDING = Prisma.sql`n."emailedAt" IS NULL AND n."readAt" IS NULL
  AND NOT EXISTS (SELECT 1 FROM "NotificationOptOut" o WHERE o."userId" = n."userId" AND o."kind" = n."kind")`;

const detailSelect = {
  id: true,
  kind: true,
  payload: true,
  actor: { select: { name: true } },
  ...noticeSubjectSelect,
} satisfies Prisma.NotificationSelect;

function translatorFor(locale: "zh" | "en"): Translate {
  const messages = locale === "en" ? en : zh;
  return createTranslator({ locale, messages, namespace: "notifications", timeZone: TIME_ZONE }) as unknown as Translate;
}

/**
 * Mails each active user with an email address one digest of their notices
 * not yet emailed nor read (of the kinds they still want), in their
 * language, and marks those notices emailed. Without SMTP_URL (and no
 * transport passed in) it does nothing and says so in its result.
 *
 * Each user's notices are claimed in a transaction (FOR UPDATE SKIP LOCKED)
 * that commits only after the mail went out: two overlapping runs do not
 * mail the same notice twice, and a failed mail leaves its notices for the
 * next run. A server that cannot be reached fails the run at once (verify);
 * one that starts refusing stops it after a few failures in a row.
 */
export async function sendDigests(db: PrismaClient, now = new Date(), transport?: MailTransport): Promise<DigestRun> {
  const settings = env();
  const appUrl = (settings.APP_URL ?? settings.NEXTAUTH_URL)?.replace(/\/+$/, "") ?? null;
  const run: DigestRun = {
    configured: Boolean(transport || settings.SMTP_URL),
    linked: appUrl !== null,
    mailsSent: 0,
    noticesEmailed: 0,
    failures: 0,
    stoppedEarly: false,
  };
  const mailer: MailTransport | null = transport ?? (settings.SMTP_URL ? nodemailer.createTransport(pooledUrl(settings.SMTP_URL)) : null);
  if (!mailer) return run;
  const from = settings.MAIL_FROM ?? FALLBACK_FROM;
  const translators = { zh: translatorFor("zh"), en: translatorFor("en") };
  const emailedAt = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

  try {
    if (mailer.verify) {
      try {
        await mailer.verify();
      } catch (error) {
        // The message names the server, never the credentials in SMTP_URL.
        throw new Error(`The mail server (SMTP_URL) cannot be reached or refuses the sign-in: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    let after = "";
    let failuresInARow = 0;
    for (;;) {
      const users = await db.$queryRaw<{ id: string; name: string; email: string; locale: "zh" | "en" }[]>`
        SELECT u."id", u."name", btrim(u."email") AS email, u."locale"::text AS locale
          FROM "User" u
         WHERE u."isActive" AND u."email" IS NOT NULL AND btrim(u."email") <> '' AND u."id" > ${after}
           AND EXISTS (SELECT 1 FROM "Notification" n WHERE n."userId" = u."id" AND ${PENDING})
         ORDER BY u."id"
         LIMIT ${DIGEST_USER_BATCH}`;
      if (users.length === 0) break;
      after = users[users.length - 1]!.id;
      for (const user of users) {
        if (failuresInARow >= DIGEST_FAILURES_IN_A_ROW) {
          run.stoppedEarly = true;
          return run;
        }
        try {
          const emailed = await db.$transaction(
            async (tx) => {
              const claimed = await tx.$queryRaw<{ id: string }[]>`
                SELECT n."id" FROM "Notification" n
                 WHERE n."userId" = ${user.id} AND ${PENDING}
                 ORDER BY n."createdAt" DESC, n."id" DESC
                   FOR UPDATE OF n SKIP LOCKED`;
              if (claimed.length === 0) return 0;
              const shown = claimed.slice(0, DIGEST_NOTICE_LIMIT).map((c) => c.id);
              const details = await tx.notification.findMany({ where: { id: { in: shown } }, select: detailSelect });
              const byId = new Map(details.map((d) => [d.id, d]));
              const notices: DigestNotice[] = shown.flatMap((id) => {
                const d = byId.get(id);
                if (!d) return [];
                return [{ id: d.id, kind: d.kind, actorName: d.actor?.name ?? null, facts: noticeFacts(d.payload), ...toNoticeSubject(d) }];
              });
              const locale = user.locale === "en" ? "en" : "zh";
              const mail = composeDigest(
                { locale, name: user.name, notices, more: claimed.length - notices.length, appUrl, appName: (locale === "en" ? en : zh).app.name },
                translators[locale],
              );
              await mailer.sendMail({ from, to: { name: user.name, address: user.email }, subject: mail.subject, text: mail.text, html: mail.html, headers: { "Auto-Submitted": "auto-generated" } });
              await tx.$executeRaw`UPDATE "Notification" SET "emailedAt" = ${emailedAt} WHERE "id" = ANY (${claimed.map((c) => c.id)}::text[])`;
              return claimed.length;
            },
            { maxWait: 30_000, timeout: 120_000 },
          );
          failuresInARow = 0;
          if (emailed > 0) {
            run.mailsSent += 1;
            run.noticesEmailed += emailed;
          }
        } catch (error) {
          run.failures += 1;
          failuresInARow += 1;
          // The address is the user's own; the error may name the server, never the credentials in SMTP_URL.
          console.error(`Digest to user ${user.id} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  } finally {
    if (!transport) mailer.close?.();
  }
  return run;
}
