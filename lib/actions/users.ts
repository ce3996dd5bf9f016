"use server";

import { defineAction, refreshingAll } from "@/lib/server/action";
import { createUser as create } from "@/lib/server/users/create-user";
import { listGrantableOrgs } from "@/lib/server/users/grantable-orgs";
import { grantRole as grant, revokeRole as revoke } from "@/lib/server/users/role-grants";
import { resetPassword, setUserActive, updateUser as update } from "@/lib/server/users/update-user";
import { ZCreateUser, ZFindOrgs, ZGrantRole, ZRevokeRole, ZUpdateUser, ZUserStep, type TUserStep } from "@/lib/validation/users";

// Accounts and roles, by administrators within their subtree (user.manage). The handlers load the
// account through lib/server/users/user-scope.ts: one out of sight is not found, one with roles
// elsewhere is refused; a new role's organization is the rule's target.
const none = () => undefined;

export const createUser = defineAction("action:createUser", ZCreateUser, (input) => ({ orgId: input.orgId }), refreshingAll(create));
export const updateUser = defineAction("action:updateUser", ZUpdateUser, none, refreshingAll(update));
export const deactivateUser = defineAction("action:deactivateUser", ZUserStep, none, refreshingAll((actor, input: TUserStep) => setUserActive(actor, input, false)));
export const reactivateUser = defineAction("action:reactivateUser", ZUserStep, none, refreshingAll((actor, input: TUserStep) => setUserActive(actor, input, true)));
export const resetUserPassword = defineAction("action:resetUserPassword", ZUserStep, none, refreshingAll(resetPassword));
export const grantRole = defineAction("action:grantRole", ZGrantRole, (input) => ({ orgId: input.orgId }), refreshingAll(grant));
export const revokeRole = defineAction("action:revokeRole", ZRevokeRole, none, refreshingAll(revoke));

/** Narrows the organizations of a role's select by name or code (a read: nothing to refresh). */
export const findGrantableOrgs = defineAction("action:findGrantableOrgs", ZFindOrgs, none, (actor, { q }) => listGrantableOrgs(actor, q || undefined));
