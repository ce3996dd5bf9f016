import type { Grade } from "@/lib/ratings/scheme";

/**
 * Why a unit counts among the year's lagging units (后进单位), each reason
 * on its own: a grade of 一般 or 差, a place among the last of its type
 * (when the scheme sets how many), or an accountability notice (问责书) on
 * one of its findings. The committee talks with their secretaries first.
 */
export type LaggingReason =
  | { kind: "grade"; grade: Extract<Grade, "AVERAGE" | "POOR"> }
  | { kind: "rank"; rank: number; of: number; last: number }
  | { kind: "accountability"; notices: number };

export function laggingReasons(unit: { grade: Grade; rank: number; of: number }, laggingLast: number | null, accountabilityNotices: number): LaggingReason[] {
  const reasons: LaggingReason[] = [];
  if (unit.grade === "AVERAGE" || unit.grade === "POOR") reasons.push({ kind: "grade", grade: unit.grade });
  // The last N places of the type: ranks above of − N, ties at the cut included.
  if (laggingLast !== null && laggingLast > 0 && unit.rank > unit.of - laggingLast) reasons.push({ kind: "rank", rank: unit.rank, of: unit.of, last: laggingLast });
  if (accountabilityNotices > 0) reasons.push({ kind: "accountability", notices: accountabilityNotices });
  return reasons;
}

/** How a unit's place moved against the year before: up (a smaller rank), down, the same, or no earlier place to compare. */
export function rankTrend(rank: number, previous: number | null): "up" | "down" | "same" | null {
  if (previous === null) return null;
  return rank < previous ? "up" : rank > previous ? "down" : "same";
}
