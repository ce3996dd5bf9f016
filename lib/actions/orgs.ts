"use server";

import { defineAction, refreshingAll } from "@/lib/server/action";
import { listOrgLevel, listTargets } from "@/lib/server/orgs/browse-orgs";
import { createOrg as create, updateOrg as update } from "@/lib/server/orgs/manage-orgs";
import { closeOrg as close, mergeOrg as merge, moveOrg as move, planRestructure } from "@/lib/server/orgs/restructure";
import { ZCreateOrg, ZFindTargets, ZOrgChildren, ZRestructure, ZUpdateOrg } from "@/lib/validation/orgs";

// The organization tree, by administrators within their subtree (org.manage). The rule checks the
// organization the input names; the handlers also check the new parent or survivor, and that the
// organization is not the top of the actor's own subtree.

export const createOrg = defineAction("action:createOrg", ZCreateOrg, (input) => ({ orgId: input.parentId }), refreshingAll(create));
export const updateOrg = defineAction("action:updateOrg", ZUpdateOrg, (input) => ({ orgId: input.orgId }), refreshingAll(update));

export const previewMoveOrg = defineAction("action:previewMoveOrg", ZRestructure, (input) => ({ orgId: input.orgId }), (actor, input) => planRestructure(actor, "move", input));
export const previewMergeOrg = defineAction("action:previewMergeOrg", ZRestructure, (input) => ({ orgId: input.orgId }), (actor, input) => planRestructure(actor, "merge", input));
export const previewCloseOrg = defineAction("action:previewCloseOrg", ZRestructure, (input) => ({ orgId: input.orgId }), (actor, input) => planRestructure(actor, "close", input));
export const moveOrg = defineAction("action:moveOrg", ZRestructure, (input) => ({ orgId: input.orgId }), refreshingAll(move));
export const mergeOrg = defineAction("action:mergeOrg", ZRestructure, (input) => ({ orgId: input.orgId }), refreshingAll(merge));
export const closeOrg = defineAction("action:closeOrg", ZRestructure, (input) => ({ orgId: input.orgId }), refreshingAll(close));

/** One level of the tree, when a node is opened (a read: nothing to refresh). */
export const listOrgChildren = defineAction("action:listOrgChildren", ZOrgChildren, (input) => ({ orgId: input.parentId }), (actor, input) => listOrgLevel(actor, input.parentId, input.page));
/** The move or merge page's targets, narrowed by name or code. */
export const findOrgTargets = defineAction("action:findOrgTargets", ZFindTargets, (input) => ({ orgId: input.orgId }), (actor, input) => listTargets(actor, input.orgId, input.kind, input.q || undefined));
