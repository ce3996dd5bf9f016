import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { OrgType } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/auth/actor";

/**
 * The organization a user acts in: one of the organizations they hold a
 * role on, shown in the header. A user with roles on several switches
 * between them there; the choice is remembered in a cookie that names the
 * user too, so that another person signing in on the same browser starts
 * from their own default. It narrows only what pages show first (我的职责
 * opens on its subtree, with the whole scope one click away); what the user
 * may see and do stays that of all their roles, read fresh on each request.
 */
export const ACTING_ORG_COOKIE = "acting-org";

export type ActingChoice = { orgId: string; orgPath: string; orgName: string; orgNameEn: string | null; orgType: OrgType };

export type ActingOrg = {
  /** The organization acted in; null for a user without any role. */
  current: ActingChoice | null;
  /** Every organization the user holds a role on, in the order of their roles (upper levels first). */
  choices: ActingChoice[];
};

/** The acting organization for a cookie's value: the remembered one while the user still holds a role there, the first otherwise. */
export function resolveActingOrg(actor: Pick<Actor, "id" | "grants">, cookieValue: string | undefined): ActingOrg {
  const choices: ActingChoice[] = [];
  for (const g of actor.grants) {
    if (!choices.some((c) => c.orgId === g.orgId)) choices.push({ orgId: g.orgId, orgPath: g.orgPath, orgName: g.orgName, orgNameEn: g.orgNameEn, orgType: g.orgType });
  }
  const [userId, orgId] = cookieValue?.split(".") ?? [];
  const remembered = userId === actor.id ? choices.find((c) => c.orgId === orgId) : undefined;
  return { current: remembered ?? choices[0] ?? null, choices };
}

/** The cookie's value that remembers `orgId` for this user. */
export function actingOrgCookieValue(actor: Pick<Actor, "id">, orgId: string): string {
  return `${actor.id}.${orgId}`;
}

/** The acting organization of this request's user. */
export const getActingOrg = cache(async (actor: Actor): Promise<ActingOrg> => resolveActingOrg(actor, (await cookies()).get(ACTING_ORG_COOKIE)?.value));

/**
 * The subtree 我的职责 opens on: the acting organization's, for a user with
 * roles on several organizations, unless they asked for everything
 * (`scope` "all"); none (the whole scope) otherwise.
 */
export function defaultSubtree(acting: ActingOrg, scope: "all" | undefined): ActingChoice | null {
  return acting.choices.length > 1 && scope !== "all" ? acting.current : null;
}
