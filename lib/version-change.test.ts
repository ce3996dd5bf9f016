import { describe, expect, it } from "vitest";
import { adoptVersion, isVersionChange } from "@/lib/version-change";

describe("adoptVersion", () => {
  it("takes a step's new version when the step started from the version the page held", () => {
    expect(adoptVersion(3, { from: 3, to: 4 })).toBe(4);
  });

  it("keeps the page's version when someone else moved the record before the step", () => {
    expect(adoptVersion(3, { from: 4, to: 5 })).toBe(3);
  });

  it("tells a version change from other action data", () => {
    expect(isVersionChange({ from: 1, to: 2 })).toBe(true);
    expect(isVersionChange({ from: "1", to: 2 })).toBe(false);
    expect(isVersionChange(null)).toBe(false);
    expect(isVersionChange(5)).toBe(false);
  });
});
