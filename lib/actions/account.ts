"use server";

import { cookies } from "next/headers";
import { LOCALE_COOKIE } from "@/i18n/config";
import { defineAction, refreshingAll } from "@/lib/server/action";
import { changeOwnPassword, updateOwnProfile } from "@/lib/server/account/account";
import { ACTING_ORG_COOKIE, actingOrgCookieValue } from "@/lib/server/auth/acting-org";
import { NotFoundError } from "@/lib/server/errors";
import { ZChangePassword, ZSetActingOrg, ZUpdateProfile } from "@/lib/validation/account";

// The signed-in user's own account: every handler acts on the actor alone.
const none = () => undefined;
const YEAR = 60 * 60 * 24 * 365;

export const updateProfile = defineAction(
  "action:updateProfile",
  ZUpdateProfile,
  none,
  refreshingAll(async (actor, input) => {
    const result = await updateOwnProfile(actor, input);
    // The language follows the user to the sign-in page of this browser too.
    (await cookies()).set(LOCALE_COOKIE, input.locale, { path: "/", sameSite: "lax", maxAge: YEAR });
    return result;
  }),
);

export const changePassword = defineAction("action:changePassword", ZChangePassword, none, refreshingAll(changeOwnPassword));

export const setActingOrg = defineAction(
  "action:setActingOrg",
  ZSetActingOrg,
  none,
  refreshingAll(async (actor, { orgId }) => {
    // Only an organization the user holds a role on; the roles are this request's, read fresh.
    if (!actor.grants.some((g) => g.orgId === orgId)) throw new NotFoundError();
    (await cookies()).set(ACTING_ORG_COOKIE, actingOrgCookieValue(actor, orgId), { path: "/", sameSite: "lax", httpOnly: true, maxAge: YEAR });
    return { orgId };
  }),
);
