import { isoDay } from "@/lib/dates";
import { noticeText, type NoticeAbout, type Translate } from "@/lib/server/notifications/notice-subject";

// No "server-only" here: the notify command (scripts/notify.ts) runs outside Next.js.

export type { Translate };

export type DigestNotice = NoticeAbout & { id: string };

export type DigestInput = {
  locale: "zh" | "en";
  name: string;
  notices: DigestNotice[];
  /** Notices left out of the mail for its length; the page lists them. */
  more: number;
  /** The app's public address without a trailing slash; without one the mail carries no links. */
  appUrl: string | null;
  appName: string;
};

export type DigestEmail = { subject: string; text: string; html: string };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

type Line = { kind: string; title: string; details: string[]; link: string | null };

function lineOf(notice: DigestNotice, input: DigestInput, t: Translate): Line {
  const text = noticeText(notice, input.locale, t, isoDay);
  return {
    kind: text.kind,
    title: text.title,
    details: text.note ? [...text.details, text.note] : text.details,
    link: input.appUrl ? `${input.appUrl}/notifications/${notice.id}/open` : null,
  };
}

/** One digest mail: the user's unread notices in their language, as plain text and as simple HTML. */
export function composeDigest(input: DigestInput, t: Translate): DigestEmail {
  const count = input.notices.length + input.more;
  const lines = input.notices.map((n) => lineOf(n, input, t));
  const all = input.appUrl ? `${input.appUrl}/notifications` : null;
  const subject = t("email.subject", { app: input.appName, count });
  const greeting = t("email.greeting", { name: input.name });
  const intro = t("email.intro", { app: input.appName, count });
  const more = input.more > 0 ? t("email.more", { count: input.more }) : null;
  const footer = t("email.footer");

  const text = [
    greeting,
    "",
    intro,
    "",
    ...lines.flatMap((l) => [t("email.line", { kind: l.kind, title: l.title }), ...l.details.map((d) => `  ${d}`), ...(l.link ? [`  ${l.link}`] : []), ""]),
    ...(more ? [more, ""] : []),
    ...(all ? [t("email.openAll", { url: all }), t("email.preferences", { url: `${all}#preferences` }), ""] : []),
    footer,
  ].join("\n");

  const e = escapeHtml;
  const html = [
    `<!doctype html><html lang="${input.locale === "en" ? "en" : "zh-CN"}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
    `<body style="font-family:sans-serif;font-size:14px;line-height:1.5;color:#1f2937">`,
    `<p>${e(greeting)}</p>`,
    `<p>${e(intro)}</p>`,
    "<ul>",
    ...lines.map(
      (l) =>
        `<li style="margin-bottom:8px"><strong>${e(t("email.label", { kind: l.kind }))}</strong> ` +
        (l.link ? `<a href="${e(l.link)}">${e(l.title)}</a>` : e(l.title)) +
        l.details.map((d) => `<br><span style="color:#6b7280">${e(d)}</span>`).join("") +
        "</li>",
    ),
    "</ul>",
    more ? `<p>${e(more)}</p>` : "",
    all ? `<p><a href="${e(all)}">${e(t("email.openAllLink"))}</a> · <a href="${e(`${all}#preferences`)}">${e(t("email.preferencesLink"))}</a></p>` : "",
    `<p style="color:#6b7280;font-size:12px">${e(footer)}</p>`,
    "</body></html>",
  ].join("\n");

  return { subject, text, html };
}
