import { describe, expect, it } from "vitest";
import type { OrgType } from "@/lib/generated/prisma/enums";
import { DEFAULT_RATING_SCHEME, type RatingScheme, ZRatingScheme } from "@/lib/ratings/scheme";
import { bandOf, scoreUnits, type Adjustment, type Ratings, type UnitFacts, type UnitInput } from "@/lib/ratings/score";

// Every expected figure below is worked out by hand from the default scheme (lib/ratings/scheme.ts):
// completion 30, on time 10, evidence 10, findings on time 10 points; 40 rated points, 40% self and
// 60% superior; bands at 90, 80, 60; overdue findings 0.5 / 1 / 2 points off, at most 5; 好 capped
// at 20% of a type and barred below 80 satisfaction; a serious finding left open vetoes.

const NOTHING_TO_COUNT = { done: 0, of: 0 };

/** Facts with nothing to count anywhere (every computed indicator earns its full points: 60). */
function facts(overrides: Partial<UnitFacts> = {}): UnitFacts {
  return {
    completion: NOTHING_TO_COUNT,
    onTime: NOTHING_TO_COUNT,
    evidence: NOTHING_TO_COUNT,
    findingsOnTime: NOTHING_TO_COUNT,
    tourRectification: NOTHING_TO_COUNT,
    overdueFindings: { LOW: 0, MEDIUM: 0, HIGH: 0 },
    vetoes: { OPEN_SERIOUS_FINDING: false, OPEN_DISCIPLINE_FINDING: false },
    ...overrides,
  };
}

function unit(orgId: string, options: { facts?: UnitFacts; ratings?: Partial<Ratings>; adjustments?: Adjustment[]; orgType?: OrgType } = {}): UnitInput {
  return {
    orgId,
    orgType: options.orgType ?? "PARTY_GROUP",
    facts: options.facts ?? facts(),
    ratings: { self: null, superior: null, democratic: null, ...options.ratings },
    adjustments: options.adjustments ?? [],
  };
}

/**
 * A unit of this total: from 60 up, full computed points and self = superior = (total − 60) × 2.5,
 * which earns total − 60 of the 40 rated points; below 60, completion short by the difference and nobody rated.
 */
const withTotal = (orgId: string, total: number, orgType: OrgType = "PARTY_GROUP") =>
  total >= 60
    ? unit(orgId, { orgType, ratings: { self: (total - 60) * 2.5, superior: (total - 60) * 2.5 } })
    : unit(orgId, { orgType, facts: facts({ completion: { done: total - 30, of: 30 } }) });

const scoreOf = (input: UnitInput, scheme: RatingScheme = DEFAULT_RATING_SCHEME) => scoreUnits(scheme, [input])[0]!;

describe("a unit's score", () => {
  it("adds the computed indicators, the deductions, the ratings and the adjustments, each explained", () => {
    const score = scoreOf(
      unit("u1", {
        facts: facts({
          completion: { done: 27, of: 30 },
          onTime: { done: 8, of: 10 },
          evidence: { done: 5, of: 5 },
          overdueFindings: { LOW: 1, MEDIUM: 1, HIGH: 0 },
        }),
        ratings: { self: 90, superior: 85 },
        adjustments: [{ points: 2, reason: "省级表彰", by: "wc-secretary" }],
      }),
      // Without the cap, which would allow 好 to none of one unit.
      { ...DEFAULT_RATING_SCHEME, topGradeCap: null },
    );
    expect(score.indicators).toEqual([
      { key: "completion", done: 27, of: 30, value: 0.9, weight: 30, points: 27 },
      { key: "onTime", done: 8, of: 10, value: 0.8, weight: 10, points: 8 },
      { key: "evidence", done: 5, of: 5, value: 1, weight: 10, points: 10 },
      { key: "findingsOnTime", done: 0, of: 0, value: null, weight: 10, points: 10 },
      { key: "tourRectification", done: 0, of: 0, value: null, weight: 0, points: 0 },
    ]);
    expect(score.deductions).toEqual({ overdue: { LOW: 1, MEDIUM: 1, HIGH: 0 }, points: 1.5 });
    // 90 × 40% × 40 / 100 + 85 × 60% × 40 / 100 = 14.4 + 20.4
    expect(score.rated).toEqual({ self: 90, superior: 85, democratic: null, points: 34.8, complete: true });
    // 27 + 8 + 10 + 10 − 1.5 + 34.8
    expect(score.base).toBe(88.3);
    expect(score.total).toBe(90.3);
    expect(score.adjustments).toEqual([{ points: 2, reason: "省级表彰", by: "wc-secretary" }]);
    expect([score.bandGrade, score.grade, score.rule]).toEqual(["GOOD", "GOOD", { kind: "band" }]);
    expect([score.rank, score.of]).toEqual([1, 1]);
  });

  it("weighs completion by the duties' points, to the hundredth", () => {
    // 7 of 9 points done: 7 × 30 / 9 = 23.333…
    const score = scoreOf(unit("u1", { facts: facts({ completion: { done: 7, of: 9 } }) }));
    expect(score.indicators[0]).toEqual({ key: "completion", done: 7, of: 9, value: 7 / 9, weight: 30, points: 23.33 });
  });

  it("scores the rectification of top-down inspection findings when the scheme moves points to it, and reads older schemes as giving it none", () => {
    // 10 points moved from completion: 2 of 3 due tour problems closed out earns 2 × 10 / 3 = 6.67.
    const scheme = ZRatingScheme.parse({ ...DEFAULT_RATING_SCHEME, computed: { ...DEFAULT_RATING_SCHEME.computed, completion: 20, tourRectification: 10 } });
    const score = scoreOf(unit("u1", { facts: facts({ tourRectification: { done: 2, of: 3 } }) }), scheme);
    expect(score.indicators.map((i) => [i.key, i.points])).toEqual([
      ["completion", 20],
      ["onTime", 10],
      ["evidence", 10],
      ["findingsOnTime", 10],
      ["tourRectification", 6.67],
    ]);
    expect(score.base).toBe(56.67);
    const { tourRectification: _, ...olderComputed } = DEFAULT_RATING_SCHEME.computed;
    expect(ZRatingScheme.parse({ ...DEFAULT_RATING_SCHEME, computed: olderComputed }).computed.tourRectification).toBe(0);
  });

  it("grades on the bands' boundaries: 90.00 is 好, 89.99 较好, 80.00 较好, 79.99 一般, 60.00 一般, 59.99 差", () => {
    const cases = [
      [90, "GOOD"],
      [89.99, "FAIRLY_GOOD"],
      [80, "FAIRLY_GOOD"],
      [79.99, "AVERAGE"],
      [60, "AVERAGE"],
    ] as const;
    for (const [total, grade] of cases) {
      const score = scoreOf(withTotal("u", total), { ...DEFAULT_RATING_SCHEME, topGradeCap: null });
      expect([score.total, score.grade], String(total)).toEqual([total, grade]);
    }
    // 59.99: the computed part short by a hundredth, nobody rated.
    const short = scoreOf(unit("u", { facts: facts({ completion: { done: 29.99, of: 30 } }) }));
    expect([short.total, short.grade, short.rated.complete]).toEqual([59.99, "POOR", false]);
    expect(bandOf(DEFAULT_RATING_SCHEME, 9000)).toBe("GOOD");
    expect(bandOf(DEFAULT_RATING_SCHEME, 8999)).toBe("FAIRLY_GOOD");
  });

  it("takes off at most the deductions' cap, and keeps the total within 0 and 100", () => {
    // Four serious overdue findings: 8 points, capped at 5.
    expect(scoreOf(unit("u", { facts: facts({ overdueFindings: { LOW: 0, MEDIUM: 0, HIGH: 4 } }) })).deductions.points).toBe(5);
    const over = scoreOf(unit("u", { ratings: { self: 100, superior: 100 }, adjustments: [{ points: 3, reason: "加分", by: "a" }] }));
    expect([over.base, over.total]).toEqual([100, 100]);
    const under = scoreOf(unit("u", { facts: facts({ completion: { done: 0, of: 10 } }), adjustments: [{ points: -40, reason: "扣分", by: "a" }] }));
    expect([under.base, under.total, under.grade]).toEqual([30, 0, "POOR"]);
  });

  it("counts a rating not yet given as nothing, and says the rated part is incomplete", () => {
    const score = scoreOf(unit("u", { ratings: { self: 80 } }));
    // 80 × 40% × 40 / 100
    expect(score.rated).toEqual({ self: 80, superior: null, democratic: null, points: 12.8, complete: false });
    expect(score.total).toBe(72.8);
  });

  it("sets 差 on a veto the scheme names, whatever the points, and ignores the conditions it does not name", () => {
    const vetoed = scoreOf(
      unit("u", { facts: facts({ vetoes: { OPEN_SERIOUS_FINDING: true, OPEN_DISCIPLINE_FINDING: false } }), ratings: { self: 100, superior: 100 } }),
    );
    expect([vetoed.total, vetoed.bandGrade, vetoed.grade, vetoed.rule]).toEqual([100, "GOOD", "POOR", { kind: "veto", condition: "OPEN_SERIOUS_FINDING" }]);
    const unnamed = scoreOf(
      unit("u", { facts: facts({ vetoes: { OPEN_SERIOUS_FINDING: false, OPEN_DISCIPLINE_FINDING: true } }), ratings: { self: 100, superior: 100 } }),
      { ...DEFAULT_RATING_SCHEME, topGradeCap: null },
    );
    expect([unnamed.grade, unnamed.rule]).toEqual(["GOOD", { kind: "band" }]);
  });

  it("bars 好 below the satisfaction floor, and only when the democratic rating was given", () => {
    const scheme = { ...DEFAULT_RATING_SCHEME, topGradeCap: null };
    const below = scoreOf(unit("u", { ratings: { self: 100, superior: 100, democratic: 79 } }), scheme);
    expect([below.bandGrade, below.grade, below.rule]).toEqual(["GOOD", "FAIRLY_GOOD", { kind: "floor", democratic: 79, floor: 80 }]);
    expect(scoreOf(unit("u", { ratings: { self: 100, superior: 100, democratic: 80 } }), scheme).grade).toBe("GOOD");
    expect(scoreOf(unit("u", { ratings: { self: 100, superior: 100 } }), scheme).grade).toBe("GOOD");
  });
});

describe("the units of a period", () => {
  it("give 好 to at most the cap's share of each type, the tied at the cut included, and rank each type apart", () => {
    // Ten party groups: 20% allows two 好. Four reach the band; the second and third tie at 93, so
    // only the first keeps 好 and the cap is not passed.
    const totals = [95, 93, 93, 91, 85, 82, 75, 70, 65, 50];
    const groups = totals.map((total, i) => withTotal(`g${i}`, total));
    // One organ party committee alone at 96: 20% of one is none.
    const committee = withTotal("c0", 96, "ORGAN_PARTY_COMMITTEE");
    const scores = scoreUnits(DEFAULT_RATING_SCHEME, [...groups, committee]);
    const cap = { kind: "cap", cap: 20, allowed: 2 };
    expect(scores.map((s) => [s.orgId, s.total, s.grade, s.rule, s.rank, s.of])).toEqual([
      ["g0", 95, "GOOD", { kind: "band" }, 1, 10],
      ["g1", 93, "FAIRLY_GOOD", cap, 2, 10],
      ["g2", 93, "FAIRLY_GOOD", cap, 2, 10],
      ["g3", 91, "FAIRLY_GOOD", cap, 4, 10],
      ["g4", 85, "FAIRLY_GOOD", { kind: "band" }, 5, 10],
      ["g5", 82, "FAIRLY_GOOD", { kind: "band" }, 6, 10],
      ["g6", 75, "AVERAGE", { kind: "band" }, 7, 10],
      ["g7", 70, "AVERAGE", { kind: "band" }, 8, 10],
      ["g8", 65, "AVERAGE", { kind: "band" }, 9, 10],
      ["g9", 50, "POOR", { kind: "band" }, 10, 10],
      ["c0", 96, "FAIRLY_GOOD", { kind: "cap", cap: 20, allowed: 0 }, 1, 1],
    ]);
  });

  it("keeps every 好 within the cap, and all of them without one", () => {
    const units = [withTotal("a", 95), withTotal("b", 92), ...[70, 70, 70, 70, 70, 70, 70, 70].map((t, i) => withTotal(`x${i}`, t))];
    expect(scoreUnits(DEFAULT_RATING_SCHEME, units).filter((s) => s.grade === "GOOD").map((s) => s.orgId)).toEqual(["a", "b"]);
    const noCap = { ...DEFAULT_RATING_SCHEME, topGradeCap: null };
    expect(scoreUnits(noCap, [withTotal("a", 95), withTotal("b", 92), withTotal("c", 91)]).every((s) => s.grade === "GOOD")).toBe(true);
  });

  it("leaves a vetoed or floored unit out of the cap's count of 好", () => {
    const vetoed = unit("v", { facts: facts({ vetoes: { OPEN_SERIOUS_FINDING: true, OPEN_DISCIPLINE_FINDING: false } }), ratings: { self: 100, superior: 100 } });
    const units = [vetoed, withTotal("a", 95), ...[70, 70, 70, 70, 70, 70, 70, 70].map((t, i) => withTotal(`x${i}`, t))];
    const scores = scoreUnits(DEFAULT_RATING_SCHEME, units);
    expect(scores.find((s) => s.orgId === "v")?.grade).toBe("POOR");
    expect(scores.find((s) => s.orgId === "a")?.grade).toBe("GOOD");
    // The vetoed unit has the most points, and ranks below every better grade: last.
    expect(scores.find((s) => s.orgId === "v")?.total).toBeGreaterThan(95);
    expect(scores.find((s) => s.orgId === "v")?.rank).toBe(10);
    expect(scores.find((s) => s.orgId === "a")?.rank).toBe(1);
  });
});

describe("a rating scheme", () => {
  it("accepts the default", () => {
    expect(ZRatingScheme.parse(DEFAULT_RATING_SCHEME)).toEqual(DEFAULT_RATING_SCHEME);
  });

  it("reads a scheme saved before the lagging rank as setting none, an empty field as none, and refuses no units", () => {
    const { laggingLast: _, ...older } = DEFAULT_RATING_SCHEME;
    expect(ZRatingScheme.parse(older).laggingLast).toBeNull();
    expect(ZRatingScheme.parse({ ...DEFAULT_RATING_SCHEME, laggingLast: Number.NaN }).laggingLast).toBeNull();
    expect(ZRatingScheme.parse({ ...DEFAULT_RATING_SCHEME, laggingLast: 2 }).laggingLast).toBe(2);
    expect(ZRatingScheme.safeParse({ ...DEFAULT_RATING_SCHEME, laggingLast: 0 }).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["laggingLast", "countRange"]]);
  });

  it("refuses points that do not make 100, shares that do not make 100%, bands out of order and a dimension named twice", () => {
    const problems = (scheme: RatingScheme) => ZRatingScheme.safeParse(scheme).error?.issues.map((i) => i.message) ?? [];
    expect(problems({ ...DEFAULT_RATING_SCHEME, computed: { ...DEFAULT_RATING_SCHEME.computed, completion: 31 } })).toEqual(["pointsNot100"]);
    expect(problems({ ...DEFAULT_RATING_SCHEME, rated: { ...DEFAULT_RATING_SCHEME.rated, democratic: 10 } })).toEqual(["sharesNot100"]);
    expect(problems({ ...DEFAULT_RATING_SCHEME, bands: { good: 80, fairlyGood: 80, average: 60 } })).toEqual(["bandsOutOfOrder"]);
    const twice = [...DEFAULT_RATING_SCHEME.rated.dimensions, { key: "duties", label: "重复" }];
    expect(problems({ ...DEFAULT_RATING_SCHEME, rated: { ...DEFAULT_RATING_SCHEME.rated, dimensions: twice } })).toEqual(["duplicateDimension"]);
  });
});
