import { describe, expect, it } from "vitest";
import { laggingReasons, rankTrend } from "@/lib/ratings/lagging";

describe("lagging units", () => {
  it("count a grade of 一般 or 差, each on its own reason", () => {
    expect(laggingReasons({ grade: "GOOD", rank: 1, of: 8 }, null, 0)).toEqual([]);
    expect(laggingReasons({ grade: "FAIRLY_GOOD", rank: 3, of: 8 }, null, 0)).toEqual([]);
    expect(laggingReasons({ grade: "AVERAGE", rank: 6, of: 8 }, null, 0)).toEqual([{ kind: "grade", grade: "AVERAGE" }]);
    expect(laggingReasons({ grade: "POOR", rank: 8, of: 8 }, null, 2)).toEqual([
      { kind: "grade", grade: "POOR" },
      { kind: "accountability", notices: 2 },
    ]);
  });

  it("count the last places of a type when the scheme names how many, the tied at the cut included", () => {
    const last2 = (rank: number) => laggingReasons({ grade: "FAIRLY_GOOD", rank, of: 8 }, 2, 0);
    expect(last2(6)).toEqual([]);
    expect(last2(7)).toEqual([{ kind: "rank", rank: 7, of: 8, last: 2 }]);
    expect(last2(8)).toEqual([{ kind: "rank", rank: 8, of: 8, last: 2 }]);
    // Units tied for 6th when only 7 and 8 are the last two: not lagging by rank.
    expect(laggingReasons({ grade: "GOOD", rank: 6, of: 8 }, 2, 0)).toEqual([]);
    expect(laggingReasons({ grade: "GOOD", rank: 8, of: 8 }, 0, 0)).toEqual([]);
  });

  it("count a finding's accountability notice whatever the grade", () => {
    expect(laggingReasons({ grade: "GOOD", rank: 1, of: 8 }, null, 1)).toEqual([{ kind: "accountability", notices: 1 }]);
  });
});

describe("a rank's trend", () => {
  it("reads up for a better (smaller) place, down for a worse one", () => {
    expect([rankTrend(2, 5), rankTrend(5, 2), rankTrend(3, 3), rankTrend(3, null)]).toEqual(["up", "down", "same", null]);
  });
});
