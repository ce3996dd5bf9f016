import { describe, expect, it } from "vitest";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import { daysLeft, DEFAULT_WARNING_THRESHOLDS, itemWarning, warningColour, worstWarning } from "@/lib/warnings";

const DAY = new Date("2026-11-25T00:00:00.000Z");
const inDays = (n: number) => new Date(DAY.getTime() + n * 24 * 60 * 60 * 1000);

describe("three-colour warnings", () => {
  it.each([
    [-30, "red"],
    [-1, "red"],
    [0, "yellow"],
    [1, "yellow"],
    [10, "yellow"],
    [11, "green"],
    [20, "green"],
    [21, null],
    [365, null],
  ] as const)("an open item due in %i days is %s", (days, colour) => {
    for (const status of ["NOT_STARTED", "IN_PROGRESS"] as const) {
      expect(warningColour(status, inDays(days), DAY, DEFAULT_WARNING_THRESHOLDS)).toBe(colour);
    }
    expect(itemWarning("NOT_STARTED", inDays(days), DAY, DEFAULT_WARNING_THRESHOLDS)?.daysLeft ?? null).toBe(colour ? days : null);
  });

  it("gives no colour to items the organization has handed in, settled or lost", () => {
    for (const status of ["SUBMITTED", "DONE", "NOT_APPLICABLE", "WITHDRAWN"] satisfies ItemStatus[]) {
      for (const days of [-5, 0, 5, 15]) expect(warningColour(status, inDays(days), DAY, DEFAULT_WARNING_THRESHOLDS)).toBeNull();
    }
  });

  it("follows the deployment's thresholds", () => {
    const tight = { greenDays: 5, yellowDays: 2 };
    expect([-1, 0, 2, 3, 5, 6].map((d) => warningColour("NOT_STARTED", inDays(d), DAY, tight))).toEqual(["red", "yellow", "yellow", "green", "green", null]);
    // Equal thresholds leave no green at all.
    expect(warningColour("NOT_STARTED", inDays(3), DAY, { greenDays: 2, yellowDays: 2 })).toBeNull();
  });

  it("counts whole calendar days across a month end", () => {
    expect(daysLeft(new Date("2026-12-01T00:00:00.000Z"), DAY)).toBe(6);
    expect(daysLeft(new Date("2026-11-24T00:00:00.000Z"), DAY)).toBe(-1);
  });

  it("rolls up to the worst colour", () => {
    expect(worstWarning([null, "green", "yellow", null])).toBe("yellow");
    expect(worstWarning(["green", "red", "yellow"])).toBe("red");
    expect(worstWarning([null, null])).toBeNull();
    expect(worstWarning([])).toBeNull();
  });
});
