import { env } from "@/lib/env";
import type { AcceptanceParty, EscalationLevel } from "@/lib/generated/prisma/enums";

// No "server-only" here: the notify command (scripts/notify.ts) raises escalations outside Next.js.

/** Days a unit has to rectify a finding, from the day its report is issued (RECTIFY_DAYS, default 60). */
export function rectifyDays(): number {
  return env().RECTIFY_DAYS;
}

/** The parties whose acceptance closes a finding out (CLOSEOUT_PARTIES, default the group and the committee). */
export function closeoutParties(): AcceptanceParty[] {
  return env().CLOSEOUT_PARTIES;
}

export const ESCALATION_LEVELS = ["REMINDER", "WARNING", "ACCOUNTABILITY"] as const satisfies readonly EscalationLevel[];

/**
 * The escalating notices for a finding open past its deadline
 * (ESCALATION_DAYS, default 1, 15 and 30 days overdue). Level n is
 * addressed n organizations above the finding's own, never above the
 * round's scope: a branch's reminder goes to its unit, the warning and the
 * accountability notice further up.
 */
export function escalationSteps(): { level: EscalationLevel; daysOverdue: number; levelsUp: number }[] {
  const days = env().ESCALATION_DAYS;
  return ESCALATION_LEVELS.map((level, i) => ({ level, daysOverdue: days[i]!, levelsUp: i + 1 }));
}

/** The deadline of a finding issued on `issuedOn` (a UTC-midnight day). */
export function deadlineFrom(issuedOn: Date, days = rectifyDays()): Date {
  return new Date(issuedOn.getTime() + days * 24 * 60 * 60 * 1000);
}
