import "server-only";
import type { DirectoryProblem } from "@/lib/directory/directory-layout";
import { readDirectoryFiles, type DirectoryFile } from "@/lib/directory/read-directory";
import { can } from "@/lib/server/access/permissions";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { applyDirectoryPlan, type DirectoryProgress, type DirectoryResult } from "@/lib/server/directory/apply-directory";
import { planDirectoryImport, type DirectoryPlan } from "@/lib/server/directory/plan-directory";

/** How many rows of each kind the preview lists; the counts are always whole. */
export const PREVIEW_ROWS = 50;

export type DirectoryPreview = {
  counts: {
    orgs: { create: number; update: number; unchanged: number };
    users: { create: number; update: number; unchanged: number };
    grants: { add: number; unchanged: number };
  };
  orgs: { create: DirectoryPlan["orgs"]["create"]; update: DirectoryPlan["orgs"]["update"] };
  users: { create: DirectoryPlan["users"]["create"]; update: DirectoryPlan["users"]["update"] };
  grants: DirectoryPlan["grants"]["add"];
};

export type PreviewOutcome = { ok: true; preview: DirectoryPreview } | { ok: false; problems: DirectoryProblem[] };

function previewOf(plan: DirectoryPlan): DirectoryPreview {
  return {
    counts: {
      orgs: { create: plan.orgs.create.length, update: plan.orgs.update.length, unchanged: plan.orgs.unchanged },
      users: { create: plan.users.create.length, update: plan.users.update.length, unchanged: plan.users.unchanged },
      grants: { add: plan.grants.add.length, unchanged: plan.grants.unchanged },
    },
    orgs: { create: plan.orgs.create.slice(0, PREVIEW_ROWS), update: plan.orgs.update.slice(0, PREVIEW_ROWS) },
    users: { create: plan.users.create.slice(0, PREVIEW_ROWS), update: plan.users.update.slice(0, PREVIEW_ROWS) },
    grants: plan.grants.add.slice(0, PREVIEW_ROWS),
  };
}

const byPlace = (a: DirectoryProblem, b: DirectoryProblem) => (a.sheet ?? "").localeCompare(b.sheet ?? "") || (a.row ?? 0) - (b.row ?? 0);

/** Reads and checks the files against the actor's reach: their whole plan, or every problem. Nothing is written. */
async function planFor(actor: Actor, files: DirectoryFile[]) {
  if (!can(actor, "org.manage") || !can(actor, "user.manage")) throw new NotFoundError();
  const read = await readDirectoryFiles(files);
  if (!read.isReadable) return { ok: false as const, problems: read.problems };
  const planned = await planDirectoryImport(prisma, actor, read.rows);
  if (read.problems.length === 0) return planned;
  return { ok: false as const, problems: [...read.problems, ...(planned.ok ? [] : planned.problems)].sort(byPlace) };
}

/** What importing the files would create, change and leave alone, or why it cannot. */
export async function previewDirectoryImport(actor: Actor, files: DirectoryFile[]): Promise<PreviewOutcome> {
  const planned = await planFor(actor, files);
  return planned.ok ? { ok: true, preview: previewOf(planned.plan) } : planned;
}

/**
 * Imports the files: checked whole again (the database may have changed
 * since the preview), then written in batches with progress. Nothing is
 * written unless all of the file is valid.
 */
export async function importDirectory(
  actor: Actor,
  files: DirectoryFile[],
  onProgress?: (p: DirectoryProgress) => void,
): Promise<{ ok: true; result: DirectoryResult } | { ok: false; problems: DirectoryProblem[] }> {
  const planned = await planFor(actor, files);
  if (!planned.ok) return planned;
  return { ok: true, result: await applyDirectoryPlan(prisma, planned.plan, { actorId: actor.id, onProgress }) };
}
