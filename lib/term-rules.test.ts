import { describe, expect, it } from "vitest";
import { dayOf, isoDay } from "@/lib/dates";
import { DEFAULT_TERM_YEARS, holdsTerms } from "@/lib/term-kinds";
import { addMonths, monthsOverdue, termDueOn, termNoticeStep, termState, termWarning } from "@/lib/term-rules";

const DAY = dayOf("2026-11-25");

describe("which organizations hold terms, and for how long", () => {
  it("gives a 党委 five years and a general branch or branch three; party groups and the working committee hold none", () => {
    expect(DEFAULT_TERM_YEARS).toEqual({ ORGAN_PARTY_COMMITTEE: 5, GENERAL_BRANCH: 3, BRANCH: 3 });
    expect(["WORKING_COMMITTEE", "PARTY_GROUP", "ORGAN_PARTY_COMMITTEE", "GENERAL_BRANCH", "BRANCH"].map((t) => holdsTerms(t as never))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it("falls due on the same calendar day the term's years later", () => {
    expect(isoDay(termDueOn(dayOf("2023-11-25"), 3))).toBe("2026-11-25");
    expect(isoDay(termDueOn(dayOf("2021-06-30"), 5))).toBe("2026-06-30");
    // A leap day falls due on the last day of February.
    expect(isoDay(termDueOn(dayOf("2024-02-29"), 3))).toBe("2027-02-28");
  });

  it("moves by calendar months as PostgreSQL does, keeping to the month's last day", () => {
    expect(isoDay(addMonths(dayOf("2026-08-31"), 6))).toBe("2027-02-28");
    expect(isoDay(addMonths(dayOf("2027-05-31"), -3))).toBe("2027-02-28");
    expect(isoDay(addMonths(dayOf("2026-11-25"), -14))).toBe("2025-09-25");
  });
});

describe("the colours of a term falling due", () => {
  it.each([
    ["2027-06-25", null, "notDue"],
    ["2027-05-26", null, "notDue"],
    // Exactly six months ahead: green from that day on.
    ["2027-05-25", "green", "green"],
    ["2027-02-26", "green", "green"],
    // Exactly three months ahead: yellow.
    ["2027-02-25", "yellow", "yellow"],
    ["2026-12-25", "yellow", "yellow"],
    // The due day itself is still yellow; the day after, red.
    ["2026-11-25", "yellow", "yellow"],
    ["2026-11-24", "red", "red"],
    ["2025-11-25", "red", "red"],
  ] as const)("a term due on %s is %s on 2026-11-25", (due, colour, state) => {
    expect(termWarning(dayOf(due), DAY)?.colour ?? null).toBe(colour);
    expect(termState(dayOf(due), DAY)).toBe(state);
  });

  it("counts the days left, negative once overdue, and says when none is recorded", () => {
    expect(termWarning(dayOf("2026-12-05"), DAY)?.daysLeft).toBe(10);
    expect(termWarning(dayOf("2026-11-24"), DAY)?.daysLeft).toBe(-1);
    expect(termState(null, DAY)).toBe("missing");
  });

  it("counts six months before a month's last day from the shorter month's last day", () => {
    // Due 31 August: green from 28 February (31 August − 6 months), not only from 3 March.
    expect(termWarning(dayOf("2027-08-31"), dayOf("2027-02-28"))?.colour).toBe("green");
    expect(termWarning(dayOf("2027-08-31"), dayOf("2027-02-27"))).toBeNull();
  });
});

describe("the notice steps", () => {
  it.each([
    ["2027-05-26", null],
    ["2027-05-25", "6m"],
    ["2027-02-25", "3m"],
    ["2026-11-25", "3m"],
    ["2026-11-24", "overdue-0"],
    ["2026-10-26", "overdue-0"],
    ["2026-10-25", "overdue-1"],
    ["2026-09-25", "overdue-2"],
    ["2025-11-25", "overdue-12"],
  ] as const)("a term due on %s has reached step %s on 2026-11-25", (due, step) => {
    expect(termNoticeStep(dayOf(due), DAY)).toBe(step);
  });

  it("counts whole months overdue across month ends", () => {
    expect(monthsOverdue(dayOf("2026-01-31"), dayOf("2026-02-28"))).toBe(1);
    expect(monthsOverdue(dayOf("2026-01-31"), dayOf("2026-02-27"))).toBe(0);
    expect(monthsOverdue(dayOf("2026-01-31"), dayOf("2026-03-30"))).toBe(1);
    expect(monthsOverdue(dayOf("2026-01-31"), dayOf("2026-03-31"))).toBe(2);
  });
});
