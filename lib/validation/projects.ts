import { z } from "zod";
import { zDay } from "@/lib/validation/terms";
import { ZId, zRequiredText } from "@/lib/validation/text";

/** How far a project got, as the committee judged it at the year's end. */
export const PROJECT_OUTCOMES = ["DONE", "PARTLY", "NOT_DONE"] as const;
/** One or two projects a year for each secretary (Jiangsu's 书记项目). */
export const PROJECTS_PER_YEAR = 2;
export const PROJECT_TITLE_MAX = 200;
export const PROJECT_TEXT_MAX = 2000;
export const PROJECT_MILESTONES_MAX = 12;

const expectedVersion = z.number().int().min(1);

/** A milestone as the form sends it: `id` names one already kept (its done day stays), none a new one. */
export const ZProjectMilestone = z.object({
  id: z.string().max(40).optional(),
  title: zRequiredText(PROJECT_TITLE_MAX),
  dueOn: zDay,
});

const projectFields = {
  title: zRequiredText(PROJECT_TITLE_MAX),
  goal: zRequiredText(PROJECT_TEXT_MAX),
  business: zRequiredText(PROJECT_TEXT_MAX),
  milestones: z.array(ZProjectMilestone).min(1, "noMilestones").max(PROJECT_MILESTONES_MAX, "tooManyMilestones"),
};

/** A secretary registers a project of their own organization for a year. */
export const ZRegisterProject = z.object({ orgId: ZId, year: z.number().int().min(2000).max(2100), ...projectFields });
export type TRegisterProject = z.input<typeof ZRegisterProject>;

/** The project's details and milestones changed, against the version seen. */
export const ZUpdateProject = z.object({ projectId: ZId, expectedVersion, ...projectFields });
export type TUpdateProject = z.input<typeof ZUpdateProject>;

/** A milestone marked reached on a day, or (an empty day) not reached after all. */
export const ZMarkMilestone = z.object({
  projectId: ZId,
  milestoneId: ZId,
  expectedVersion,
  doneOn: z.union([zDay, z.literal("")]),
});
export type TMarkMilestone = z.input<typeof ZMarkMilestone>;

/** A progress note for one quarter of the project's year. */
export const ZAddProjectProgress = z.object({
  projectId: ZId,
  quarter: z.coerce.number({ error: "quarterRange" }).int("quarterRange").min(1, "quarterRange").max(4, "quarterRange"),
  text: zRequiredText(PROJECT_TEXT_MAX),
});
export type TAddProjectProgress = z.input<typeof ZAddProjectProgress>;

/** The committee's year-end review: how far the project got, and why. */
export const ZReviewProject = z.object({ projectId: ZId, expectedVersion, outcome: z.enum(PROJECT_OUTCOMES), comment: zRequiredText(PROJECT_TEXT_MAX) });
export type TReviewProject = z.input<typeof ZReviewProject>;

/** The projects list's address: the year, the page, the colour shown. */
export const ZProjectQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
  // The colours of lib/warnings.ts, named here so that the forms importing this file stay clear of the server settings.
  warning: z.enum(["red", "yellow", "green"]).optional().catch(undefined),
});
