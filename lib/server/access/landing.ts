import { can, rolesOf } from "@/lib/server/access/permissions";
import type { Actor } from "@/lib/server/auth/actor";

/**
 * Where a signed-in person lands, by their work: whoever works a unit's or
 * branch's checklist on 我的职责 (/checklists); the working committee (its
 * administrators, supervisors and its own secretary) on 进度总览
 * (/progress); an inspector on 督查整改 (/inspections); someone left without
 * any role on their account page, which says so.
 */
export function landingPath(actor: Pick<Actor, "grants">): string {
  if (actor.grants.length === 0) return "/account";
  const works = rolesOf("checklist.work");
  if (actor.grants.some((g) => works.includes(g.role) && g.orgType !== "WORKING_COMMITTEE")) return "/checklists";
  if (can(actor, "progress.read")) return "/progress";
  if (can(actor, "round.member")) return "/inspections";
  return "/checklists";
}
