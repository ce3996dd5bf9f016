import type { Prisma } from "@/lib/generated/prisma/client";
import type { EscalationLevel } from "@/lib/generated/prisma/enums";

// No "server-only" here: the notify command (scripts/notify.ts) runs outside Next.js.

/**
 * What a notice says beyond its kind: the comment of a return, the reason a
 * finding was reopened, the due date or deadline a warning or escalation
 * was raised against, and an escalation's level and days overdue.
 */
export type NoticeFacts = {
  comment: string | null;
  reason: string | null;
  dueDate: string | null;
  level: EscalationLevel | null;
  daysOverdue: number | null;
  /** A term falling due: the step reached ("6m", "3m", "overdue") and, once overdue, the whole months since the due day. */
  termStep: "6m" | "3m" | "overdue" | null;
  monthsOverdue: number | null;
  /** A year's ratings published: the year and its period. */
  year: number | null;
  periodId: string | null;
  /** A circular issued: its id and title. */
  circularId: string | null;
  title: string | null;
};

const TERM_STEPS: readonly string[] = ["6m", "3m", "overdue"];

const LEVELS: readonly string[] = ["REMINDER", "WARNING", "ACCOUNTABILITY"] satisfies EscalationLevel[];

/** Reads a notice's payload; anything unexpected in it reads as absent. */
export function noticeFacts(payload: Prisma.JsonValue | null): NoticeFacts {
  const record: Prisma.JsonObject = payload && typeof payload === "object" && !Array.isArray(payload) ? payload : {};
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : null);
  const level = text(record.level);
  const days = record.daysOverdue;
  const step = text(record.step);
  const months = record.monthsOverdue;
  return {
    comment: text(record.comment),
    reason: text(record.reason),
    // Item warnings carry `dueDate`, escalations `deadline`.
    dueDate: text(record.dueDate) ?? text(record.deadline),
    level: level && LEVELS.includes(level) ? (level as EscalationLevel) : null,
    daysOverdue: typeof days === "number" && Number.isInteger(days) ? days : null,
    termStep: step && TERM_STEPS.includes(step) ? (step as NoticeFacts["termStep"]) : null,
    monthsOverdue: typeof months === "number" && Number.isInteger(months) ? months : null,
    year: typeof record.year === "number" && Number.isInteger(record.year) ? record.year : null,
    periodId: text(record.periodId),
    circularId: text(record.circularId),
    title: text(record.title),
  };
}
