import { z } from "zod";
import { zRequiredText, zText } from "@/lib/validation/text";

// No "server-only": the scheme's form checks what it sends with the same schema.

/**
 * Branch grading (分类定级): each year the party committee above a branch
 * grades it on the year's scheme, and the working committee confirms or
 * changes the grade. A scheme is its grades, best first; a grade is stored
 * as its place in that list (its rank, 1 the best), so that the worst grade
 * of any scheme is its last.
 */

/** The organizations graded: the branches (党支部). */
export const GRADED_TYPES = ["BRANCH"] as const;

/** The five basics (五个基本) a grade's criteria and evidence are drawn from: organization, team, activities, rules, support. */
export const FIVE_BASICS = ["organization", "team", "activity", "system", "support"] as const;
export type Basic = (typeof FIVE_BASICS)[number];

export const GRADES_MIN = 2;
export const GRADES_MAX = 6;
export const GRADE_NAME_MAX = 20;
export const GRADE_CRITERIA_MAX = 1000;
export const BASIS_TEXT_MAX = 1000;

export const ZGrade = z.object({
  name: zRequiredText(GRADE_NAME_MAX),
  nameEn: zText(GRADE_NAME_MAX),
  criteria: zRequiredText(GRADE_CRITERIA_MAX),
});

export const ZGradingConfig = z
  .object({ grades: z.array(ZGrade).min(GRADES_MIN, "tooFewGrades").max(GRADES_MAX, "tooManyGrades") })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.grades.forEach((g, i) => {
      if (seen.has(g.name)) ctx.addIssue({ code: "custom", path: ["grades", i, "name"], message: "duplicateGrade" });
      seen.add(g.name);
    });
  });
export type GradingConfig = z.output<typeof ZGradingConfig>;

/** The default: four grades (先进 / 较好 / 一般 / 后进), as Qinghai grades its organ branches, with criteria on the five basics. */
export const DEFAULT_GRADING: GradingConfig = {
  grades: [
    { name: "先进", nameEn: "Advanced", criteria: "五个基本全面过硬：班子坚强、队伍过硬、活动经常、制度落实、保障有力，党建与业务深度融合，发挥示范带动作用。" },
    { name: "较好", nameEn: "Good", criteria: "五个基本总体较好：组织健全、三会一课规范开展、制度执行到位，个别方面有提升空间。" },
    { name: "一般", nameEn: "Fair", criteria: "五个基本基本达标：组织生活能够开展但质量不高，制度执行、党员教育管理存在明显短板。" },
    { name: "后进", nameEn: "Lagging", criteria: "班子不健全或软弱、组织生活不经常、制度形同虚设、党员作用发挥差，存在软弱涣散问题。" },
  ],
};

/** The config a stored scheme holds; a malformed one reads as the default. */
export function readGradingConfig(stored: unknown): GradingConfig {
  const parsed = ZGradingConfig.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_GRADING;
}

/** A grade's name in the reader's language; a rank outside the scheme reads as its number. */
export function gradeName(config: GradingConfig, rank: number, locale: string): string {
  const grade = config.grades[rank - 1];
  if (!grade) return String(rank);
  return locale === "en" && grade.nameEn ? grade.nameEn : grade.name;
}

/** How a branch moved from one confirmed grade to the next (晋位升级, slipping back), or NEW without an earlier one. */
export const GRADE_MOVES = ["UP", "SAME", "DOWN", "NEW"] as const;
export type GradeMove = (typeof GRADE_MOVES)[number];

export function gradeMove(previous: number | null, current: number): GradeMove {
  if (previous === null) return "NEW";
  return current < previous ? "UP" : current > previous ? "DOWN" : "SAME";
}
