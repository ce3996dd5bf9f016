"use server";

import { defineAction } from "@/lib/server/action";
import * as projects from "@/lib/server/projects/projects";
import { ZAddProjectProgress, ZMarkMilestone, ZRegisterProject, ZReviewProject, ZUpdateProject } from "@/lib/validation/projects";

// Target "none" after registration: the handlers find the project and apply its rules (its own secretary, the committee over it).
const none = () => undefined;

/** A secretary registers a project of their own organization; answers its id. */
export const registerProject = defineAction("action:registerProject", ZRegisterProject, (input) => ({ orgId: input.orgId }), async (actor, input) => ({
  id: (await projects.registerProject(actor, input)).projectId,
}));

export const updateProject = defineAction("action:updateProject", ZUpdateProject, none, async (actor, input) => ({ version: await projects.updateProject(actor, input) }));

export const markMilestone = defineAction("action:markMilestone", ZMarkMilestone, none, async (actor, input) => ({ version: await projects.markMilestone(actor, input) }));

export const addProjectProgress = defineAction("action:addProjectProgress", ZAddProjectProgress, none, async (actor, input) => {
  await projects.addProjectProgress(actor, input);
});

/** The committee's year-end review of a project. */
export const reviewProject = defineAction("action:reviewProject", ZReviewProject, none, async (actor, input) => ({ version: await projects.reviewProject(actor, input) }));
