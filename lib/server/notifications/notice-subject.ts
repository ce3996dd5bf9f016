import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { localized } from "@/lib/org-label";
import { noticeFacts, type NoticeFacts } from "@/lib/server/notifications/notice-facts";

// No "server-only" here: the notify command (scripts/notify.ts) mails digests outside Next.js.

/** A next-intl translator over the "notifications" namespace of the reader's catalog. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * What a notice is about, read fresh when shown, so that a renamed duty,
 * organization or round shows its name of today: a checklist item, a
 * finding, an inspection report, or an organization (its term falling due).
 */
export const noticeSubjectSelect = {
  item: {
    select: {
      id: true,
      dueDate: true,
      duty: { select: { code: true, title: true, titleEn: true } },
      org: { select: { name: true, nameEn: true } },
    },
  },
  finding: { select: { id: true, description: true, deadline: true, org: { select: { name: true, nameEn: true } } } },
  report: { select: { id: true, org: { select: { name: true, nameEn: true } }, round: { select: { title: true } } } },
  org: { select: { id: true, name: true, nameEn: true } },
} satisfies Prisma.NotificationSelect;

type SubjectRecord = Prisma.NotificationGetPayload<{ select: typeof noticeSubjectSelect }>;

export type NoticeItem = { id: string; code: string; title: string; titleEn: string | null; orgName: string; orgNameEn: string | null; dueDate: Date };
export type NoticeFinding = { id: string; description: string; orgName: string; orgNameEn: string | null; deadline: Date | null };
export type NoticeReport = { id: string; roundTitle: string; orgName: string; orgNameEn: string | null };
export type NoticeOrg = { id: string; name: string; nameEn: string | null };
/** `org`: the organization a notice is about when it names no item, finding or report (a term falling due). */
export type NoticeSubject = { item: NoticeItem | null; finding: NoticeFinding | null; report: NoticeReport | null; org?: NoticeOrg | null };

export function toNoticeSubject(record: SubjectRecord): NoticeSubject {
  const { item, finding, report, org } = record;
  return {
    org: org ? { id: org.id, name: org.name, nameEn: org.nameEn } : null,
    item: item
      ? { id: item.id, code: item.duty.code, title: item.duty.title, titleEn: item.duty.titleEn, orgName: item.org.name, orgNameEn: item.org.nameEn, dueDate: item.dueDate }
      : null,
    finding: finding ? { id: finding.id, description: finding.description, orgName: finding.org.name, orgNameEn: finding.org.nameEn, deadline: finding.deadline } : null,
    report: report ? { id: report.id, roundTitle: report.round.title, orgName: report.org.name, orgNameEn: report.org.nameEn } : null,
  };
}

/**
 * Where opening a notice leads: its item, finding or report page; for a
 * notice about an organization, the organization's published rating
 * (RATINGS_PUBLISHED), the circular naming it (CIRCULAR_ISSUED), or the
 * term ledger narrowed to it (a term falling due); null when it names none.
 */
export function noticeTarget(ids: {
  kind?: NotificationKind;
  itemId: string | null;
  findingId: string | null;
  reportId: string | null;
  orgId?: string | null;
  payload?: Prisma.JsonValue | null;
}): string | null {
  if (ids.itemId) return `/checklists/${ids.itemId}`;
  if (ids.findingId) return `/findings/${ids.findingId}`;
  if (ids.reportId) return `/inspections/reports/${ids.reportId}`;
  const facts = noticeFacts(ids.payload ?? null);
  if (ids.kind === "CIRCULAR_ISSUED") return facts.circularId ? `/ratings/circulars/${encodeURIComponent(facts.circularId)}` : null;
  if (ids.orgId && ids.kind === "RATINGS_PUBLISHED") {
    return `/ratings/${encodeURIComponent(ids.orgId)}${facts.periodId ? `?period=${encodeURIComponent(facts.periodId)}` : ""}`;
  }
  if (ids.orgId) return `/terms?org=${encodeURIComponent(ids.orgId)}`;
  return null;
}

/** Characters of a finding's description that title its notices. */
export const NOTICE_TITLE_LENGTH = 40;

/** A finding's description cut to a title: its first line, at most NOTICE_TITLE_LENGTH characters. */
export function shortDescription(text: string, max = NOTICE_TITLE_LENGTH): string {
  const line = text.trim().split(/\r?\n/, 1)[0]!.trim();
  const chars = [...line];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : line;
}

export type NoticeAbout = NoticeSubject & { kind: NotificationKind; actorName: string | null; facts: NoticeFacts };

/** A notice in words: its kind's label, its title, details for one line, and the comment or reason it carries. */
export type NoticeText = { kind: string; title: string; details: string[]; note: string | null; hasSubject: boolean };

/**
 * The words of one notice, the same in the list and in the digest mail.
 * `date` formats a date column (a UTC-midnight day) for the reader.
 */
export function noticeText(notice: NoticeAbout, locale: string, t: Translate, date: (day: Date) => string): NoticeText {
  const { item, finding, report, org, facts } = notice;
  const kind =
    notice.kind === "FINDING_ESCALATED" && facts.level ? t("escalatedKind", { level: facts.level }) : t(`kinds.${notice.kind}`);
  let title: string;
  let about: (string | null)[];
  if (item) {
    title = `${item.code} ${localized(item.title, item.titleEn, locale)}`;
    about = [localized(item.orgName, item.orgNameEn, locale), t("due", { date: date(item.dueDate) })];
  } else if (finding) {
    title = shortDescription(finding.description);
    about = [localized(finding.orgName, finding.orgNameEn, locale), finding.deadline ? t("deadline", { date: date(finding.deadline) }) : null];
  } else if (report) {
    title = report.roundTitle;
    about = [localized(report.orgName, report.orgNameEn, locale)];
  } else if (org) {
    title = localized(org.name, org.nameEn, locale);
    about =
      notice.kind === "TERM_DUE"
        ? termDueDetails(facts, t, date)
        : notice.kind === "RATINGS_PUBLISHED" && facts.year !== null
          ? [t("ratingsYear", { year: facts.year })]
          : notice.kind === "CIRCULAR_ISSUED" && facts.title
            ? [facts.title]
            : [];
  } else {
    title = notice.kind.startsWith("ITEM_") ? t("itemGone") : t("subjectGone");
    about = [];
  }
  const details = [
    ...about,
    notice.kind === "FINDING_ESCALATED" && facts.daysOverdue !== null ? t("overdueDays", { days: facts.daysOverdue }) : null,
    notice.actorName ? t("by", { name: notice.actorName }) : null,
  ].filter((d): d is string => d !== null);
  const note =
    (notice.kind === "ITEM_RETURNED" || notice.kind === "FINDING_RETURNED") && facts.comment
      ? t("comment", { comment: facts.comment })
      : notice.kind === "FINDING_REOPENED" && (facts.reason ?? facts.comment)
        ? t("reopenReason", { reason: (facts.reason ?? facts.comment)! })
        : null;
  return { kind, title, details, note, hasSubject: Boolean(item ?? finding ?? report ?? org) };
}

/** "任期届满日期 2027-01-25", and how near or how far past it the term was when the notice was raised. */
function termDueDetails(facts: NoticeFacts, t: Translate, date: (day: Date) => string): string[] {
  const due = facts.dueDate ? t("termDueOn", { date: date(new Date(`${facts.dueDate}T00:00:00.000Z`)) }) : null;
  const step =
    facts.termStep === "overdue"
      ? t("termOverdue", { months: facts.monthsOverdue ?? 0 })
      : facts.termStep === "3m"
        ? t("termWithin", { months: 3 })
        : facts.termStep === "6m"
          ? t("termWithin", { months: 6 })
          : null;
  return [due, step].filter((d): d is string => d !== null);
}
