import { describe, expect, it } from "vitest";
import { BADGE_COUNT_UP_TO, badgeCount } from "@/lib/badge-count";

describe("badgeCount", () => {
  it("shows a count up to the cap and the cap with a plus past it", () => {
    expect(badgeCount(0)).toBe("0");
    expect(badgeCount(BADGE_COUNT_UP_TO)).toBe("99");
    expect(badgeCount(BADGE_COUNT_UP_TO + 1)).toBe("99+");
    expect(badgeCount(6_700)).toBe("99+");
  });
});
