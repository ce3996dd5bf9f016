import { monthEnd } from "@/lib/dates";
import type { Frequency } from "@/lib/generated/prisma/enums";

export type Occurrence = { occurrence: number; dueDate: Date };

/** The items a duty makes in a year: one per occurrence, due at the end of its month, quarter or half. */
export function occurrencesInYear(frequency: Frequency, year: number): Occurrence[] {
  const ends = (months: number[]) => months.map((m, i) => ({ occurrence: i + 1, dueDate: monthEnd(year, m) }));
  switch (frequency) {
    case "MONTHLY":
      return ends([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    case "QUARTERLY":
      return ends([3, 6, 9, 12]);
    case "HALF_YEARLY":
      return ends([6, 12]);
    case "YEARLY":
    case "ONCE":
      return ends([12]);
  }
}
