import type { Role } from "@/lib/generated/prisma/enums";
import { ALL_ROLES } from "@/lib/server/access/scope";
import { COMMITTEE_ROLES, RECTIFIERS, ROUND_CREATORS, UNIT_ACCEPTORS } from "@/lib/server/inspections/scope";

/**
 * Every entry point of the app (page, route handler, server action) and the
 * rule that guards it. Pages and route handlers live under app/, server
 * actions beside their feature under lib/actions/. Pages and actions look their rule up here by key, and
 * a test walks this list for every role against the role's own organization
 * and another one; an entry point missing from it fails that test.
 *
 * - public: anybody, signed in or not;
 * - signed-in: any active user;
 * - roles: a user holding one of `roles` on an organization whose subtree
 *   contains the target: the organization itself ("org"), or the item's
 *   organization or the organization or person it is delegated to ("item"),
 *   or the item's own organization alone ("item-org", for what only the
 *   answering organization may do). With target "none" the role anywhere
 *   suffices and the handler scopes its queries to the user's subtrees.
 */
export type Rule =
  | { access: "public" }
  | { access: "signed-in" }
  | { access: "roles"; roles: readonly Role[]; target: "none" | "org" | "item" | "item-org" };

export type EntryPoint = {
  kind: "page" | "route" | "action";
  /** The file that defines it: under app/ for pages and routes, lib/actions/ for actions. */
  file: string;
  /** For actions, the exported function's name. */
  name?: string;
  rule: Rule;
};

const READERS = ALL_ROLES;
const WRITERS = ["SECRETARY", "STAFF"] as const satisfies readonly Role[];
const DELEGATORS = ["SECRETARY"] as const satisfies readonly Role[];
/** Review is a working role too: held on the reviewer organization (or above it), checked by the handler. */
const REVIEWERS = ["SECRETARY", "STAFF"] as const satisfies readonly Role[];
const FOLLOWERS = ["ADMIN", "SUPERVISOR", "SECRETARY"] as const satisfies readonly Role[];
const CATALOG_READERS = ["ADMIN", "SUPERVISOR"] as const satisfies readonly Role[];
const CATALOG_EDITORS = ["ADMIN"] as const satisfies readonly Role[];
const INSPECTORS = ["INSPECTOR"] as const satisfies readonly Role[];
const ACCEPTORS = [...new Set([...INSPECTORS, ...COMMITTEE_ROLES, ...UNIT_ACCEPTORS])];
const REOPENERS = [...INSPECTORS, ...COMMITTEE_ROLES];
const FINDING_EVIDENCE_WRITERS = [...INSPECTORS, ...RECTIFIERS];
/** Analysis across units: the working committee and the inspection groups. */
const ANALYSTS = [...COMMITTEE_ROLES, ...INSPECTORS];

export const registry = {
  "page:/": { kind: "page", file: "app/page.tsx", rule: { access: "signed-in" } },
  "page:/login": { kind: "page", file: "app/login/page.tsx", rule: { access: "public" } },
  "page:/duties": {
    kind: "page",
    file: "app/duties/(list)/page.tsx",
    rule: { access: "roles", roles: READERS, target: "none" },
  },
  // The list's download: the same readers; with ?root= it must reach that organization, like its page.
  "route:/duties/export": {
    kind: "route",
    file: "app/duties/export/route.ts",
    rule: { access: "roles", roles: READERS, target: "org" },
  },
  "page:/duties/[itemId]": {
    kind: "page",
    file: "app/duties/[itemId]/page.tsx",
    rule: { access: "roles", roles: READERS, target: "item" },
  },
  "page:/orgs/[orgId]": {
    kind: "page",
    file: "app/orgs/[orgId]/page.tsx",
    rule: { access: "roles", roles: READERS, target: "org" },
  },
  "page:/progress": {
    kind: "page",
    file: "app/progress/page.tsx",
    rule: { access: "roles", roles: FOLLOWERS, target: "org" },
  },
  "route:/api/auth/[...nextauth]": {
    kind: "route",
    file: "app/api/auth/[...nextauth]/route.ts",
    rule: { access: "public" },
  },
  "action:saveProgress": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "saveProgress",
    rule: { access: "roles", roles: WRITERS, target: "item" },
  },
  "action:submitItem": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "submitItem",
    rule: { access: "roles", roles: WRITERS, target: "item" },
  },
  "action:requestNotApplicable": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "requestNotApplicable",
    rule: { access: "roles", roles: WRITERS, target: "item" },
  },
  "action:recallSubmission": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "recallSubmission",
    rule: { access: "roles", roles: WRITERS, target: "item" },
  },
  // The reviewer organization need not contain the item: the handler applies the reviewer rule.
  "action:approveItem": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "approveItem",
    rule: { access: "roles", roles: REVIEWERS, target: "none" },
  },
  // The reviewer organization need not contain the item: the handler applies the reviewer rule.
  "action:returnItem": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "returnItem",
    rule: { access: "roles", roles: REVIEWERS, target: "none" },
  },
  // The reviewer organization need not contain the item: the handler applies the reviewer rule.
  "action:reopenItem": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "reopenItem",
    rule: { access: "roles", roles: REVIEWERS, target: "none" },
  },
  "page:/reviews": {
    kind: "page",
    file: "app/reviews/page.tsx",
    rule: { access: "roles", roles: REVIEWERS, target: "none" },
  },
  "action:approveMany": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "approveMany",
    rule: { access: "roles", roles: REVIEWERS, target: "none" },
  },
  "action:delegateItem": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "delegateItem",
    rule: { access: "roles", roles: DELEGATORS, target: "item-org" },
  },
  "action:revokeDelegation": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "revokeDelegation",
    rule: { access: "roles", roles: DELEGATORS, target: "item-org" },
  },
  "action:setLocale": { kind: "action", file: "lib/actions/locale.ts", name: "setLocale", rule: { access: "public" } },
  "page:/catalogs": {
    kind: "page",
    file: "app/catalogs/page.tsx",
    rule: { access: "roles", roles: CATALOG_READERS, target: "none" },
  },
  // The Excel template and the guide to its layout, beside the import form.
  "route:/catalogs/template": {
    kind: "route",
    file: "app/catalogs/template/route.ts",
    rule: { access: "roles", roles: CATALOG_READERS, target: "none" },
  },
  "page:/catalogs/format": {
    kind: "page",
    file: "app/catalogs/format/page.tsx",
    rule: { access: "roles", roles: CATALOG_READERS, target: "none" },
  },
  "page:/catalogs/[versionId]": {
    kind: "page",
    file: "app/catalogs/[versionId]/page.tsx",
    rule: { access: "roles", roles: CATALOG_READERS, target: "none" },
  },
  "route:/catalogs/[versionId]/export": {
    kind: "route",
    file: "app/catalogs/[versionId]/export/route.ts",
    rule: { access: "roles", roles: CATALOG_READERS, target: "none" },
  },
  "page:/catalogs/[versionId]/edit": {
    kind: "page",
    file: "app/catalogs/[versionId]/edit/page.tsx",
    rule: { access: "roles", roles: CATALOG_EDITORS, target: "none" },
  },
  "page:/catalogs/[versionId]/diff": {
    kind: "page",
    file: "app/catalogs/[versionId]/diff/page.tsx",
    rule: { access: "roles", roles: CATALOG_READERS, target: "none" },
  },
  "page:/catalogs/[versionId]/move": {
    kind: "page",
    file: "app/catalogs/[versionId]/move/page.tsx",
    rule: { access: "roles", roles: CATALOG_EDITORS, target: "org" },
  },
  "action:moveAssignments": {
    kind: "action",
    file: "app/catalogs/[versionId]/actions.ts",
    name: "moveAssignments",
    rule: { access: "roles", roles: CATALOG_EDITORS, target: "org" },
  },
  "action:createCatalog": {
    kind: "action",
    file: "app/catalogs/actions.ts",
    name: "createCatalog",
    rule: { access: "roles", roles: CATALOG_EDITORS, target: "none" },
  },
  "action:reviseCatalogVersion": {
    kind: "action",
    file: "app/catalogs/[versionId]/actions.ts",
    name: "reviseCatalogVersion",
    rule: { access: "roles", roles: CATALOG_EDITORS, target: "none" },
  },
  "action:saveCatalogDraft": {
    kind: "action",
    file: "app/catalogs/[versionId]/actions.ts",
    name: "saveCatalogDraft",
    rule: { access: "roles", roles: CATALOG_EDITORS, target: "none" },
  },
  "action:copyAssignmentsForward": {
    kind: "action",
    file: "app/catalogs/actions.ts",
    name: "copyAssignmentsForward",
    rule: { access: "roles", roles: CATALOG_EDITORS, target: "org" },
  },
  "action:loadLibraryCatalog": {
    kind: "action",
    file: "app/catalogs/actions.ts",
    name: "loadLibraryCatalog",
    rule: { access: "roles", roles: CATALOG_EDITORS, target: "none" },
  },
  // A route, not an action: it refuses an over-size body as it reads it (lib/server/upload-request.ts).
  "route:/api/catalogs/import": {
    kind: "route",
    file: "app/api/catalogs/import/route.ts",
    rule: { access: "roles", roles: CATALOG_EDITORS, target: "none" },
  },
  "action:publishCatalogVersion": {
    kind: "action",
    file: "app/catalogs/[versionId]/actions.ts",
    name: "publishCatalogVersion",
    rule: { access: "roles", roles: CATALOG_EDITORS, target: "none" },
  },
  "action:previewAssignment": {
    kind: "action",
    file: "app/catalogs/[versionId]/actions.ts",
    name: "previewAssignment",
    rule: { access: "roles", roles: CATALOG_EDITORS, target: "org" },
  },
  "route:/catalogs/[versionId]/assign": {
    kind: "route",
    file: "app/catalogs/[versionId]/assign/route.ts",
    rule: { access: "roles", roles: CATALOG_EDITORS, target: "org" },
  },
  "action:addEvidence": {
    kind: "action",
    file: "lib/actions/item-evidence.ts",
    name: "addEvidence",
    rule: { access: "roles", roles: WRITERS, target: "item" },
  },
  "action:attachEvidence": {
    kind: "action",
    file: "lib/actions/item-evidence.ts",
    name: "attachEvidence",
    rule: { access: "roles", roles: WRITERS, target: "item" },
  },
  "action:detachEvidence": {
    kind: "action",
    file: "lib/actions/item-evidence.ts",
    name: "detachEvidence",
    rule: { access: "roles", roles: WRITERS, target: "item" },
  },
  // Uploads a new file or a new revision; a route so that large bodies bypass the proxy and the action limit.
  "route:/api/duties/[itemId]/evidence": {
    kind: "route",
    file: "app/api/duties/[itemId]/evidence/route.ts",
    rule: { access: "roles", roles: WRITERS, target: "item" },
  },
  // A file may back several items: the handler scopes the download itself (any item read, or the evidence's organization).
  "route:/evidence/[fileId]": {
    kind: "route",
    file: "app/evidence/[fileId]/route.ts",
    rule: { access: "roles", roles: READERS, target: "none" },
  },
  // Notifications: everyone has their own; the handlers scope every query to the actor's id.
  "page:/notifications": { kind: "page", file: "app/notifications/page.tsx", rule: { access: "signed-in" } },
  // Marks the notice read and goes on to its item (whose page applies the item rule).
  "route:/notifications/[noticeId]/open": {
    kind: "route",
    file: "app/notifications/[noticeId]/open/route.ts",
    rule: { access: "signed-in" },
  },
  "action:markNotificationsRead": {
    kind: "action",
    file: "lib/actions/notifications.ts",
    name: "markNotificationsRead",
    rule: { access: "signed-in" },
  },
  "action:markAllNotificationsRead": {
    kind: "action",
    file: "lib/actions/notifications.ts",
    name: "markAllNotificationsRead",
    rule: { access: "signed-in" },
  },
  "action:saveNotificationPreferences": {
    kind: "action",
    file: "lib/actions/notifications.ts",
    name: "saveNotificationPreferences",
    rule: { access: "signed-in" },
  },
  // Inspections (督查): the handlers apply the rules of lib/server/inspections/scope.ts (the group, the committee, the unit).
  "page:/inspections": { kind: "page", file: "app/inspections/(list)/page.tsx", rule: { access: "roles", roles: READERS, target: "none" } },
  "page:/inspections/new": {
    kind: "page",
    file: "app/inspections/new/page.tsx",
    rule: { access: "roles", roles: ROUND_CREATORS, target: "none" },
  },
  // The round's scope organization is the target: its creator must reach it.
  "action:createRound": {
    kind: "action",
    file: "lib/actions/rounds.ts",
    name: "createRound",
    rule: { access: "roles", roles: ROUND_CREATORS, target: "org" },
  },
  "page:/inspections/[roundId]": {
    kind: "page",
    file: "app/inspections/[roundId]/page.tsx",
    rule: { access: "roles", roles: READERS, target: "none" },
  },
  // Changing or removing a round: its creator, its leader or the committee over its scope (canManageRound, in the handler).
  "action:updateRound": {
    kind: "action",
    file: "lib/actions/rounds.ts",
    name: "updateRound",
    rule: { access: "roles", roles: ROUND_CREATORS, target: "none" },
  },
  "action:deleteRound": {
    kind: "action",
    file: "lib/actions/rounds.ts",
    name: "deleteRound",
    rule: { access: "roles", roles: ROUND_CREATORS, target: "none" },
  },
  "page:/inspections/reports/[reportId]": {
    kind: "page",
    file: "app/inspections/reports/[reportId]/page.tsx",
    rule: { access: "roles", roles: READERS, target: "none" },
  },
  "action:saveReport": {
    kind: "action",
    file: "lib/actions/reports.ts",
    name: "saveReport",
    rule: { access: "roles", roles: INSPECTORS, target: "none" },
  },
  "action:saveFinding": {
    kind: "action",
    file: "lib/actions/reports.ts",
    name: "saveFinding",
    rule: { access: "roles", roles: INSPECTORS, target: "none" },
  },
  "action:deleteFinding": {
    kind: "action",
    file: "lib/actions/reports.ts",
    name: "deleteFinding",
    rule: { access: "roles", roles: INSPECTORS, target: "none" },
  },
  "action:issueReport": {
    kind: "action",
    file: "lib/actions/reports.ts",
    name: "issueReport",
    rule: { access: "roles", roles: INSPECTORS, target: "none" },
  },
  "action:addAddendum": {
    kind: "action",
    file: "lib/actions/reports.ts",
    name: "addAddendum",
    rule: { access: "roles", roles: INSPECTORS, target: "none" },
  },
  "action:respondToReport": {
    kind: "action",
    file: "lib/actions/reports.ts",
    name: "respondToReport",
    rule: { access: "roles", roles: RECTIFIERS, target: "none" },
  },
  "page:/findings/[findingId]": {
    kind: "page",
    file: "app/findings/[findingId]/page.tsx",
    rule: { access: "roles", roles: READERS, target: "none" },
  },
  "action:saveRectification": {
    kind: "action",
    file: "lib/actions/findings.ts",
    name: "saveRectification",
    rule: { access: "roles", roles: RECTIFIERS, target: "none" },
  },
  "action:addFindingProgress": {
    kind: "action",
    file: "lib/actions/findings.ts",
    name: "addFindingProgress",
    rule: { access: "roles", roles: RECTIFIERS, target: "none" },
  },
  "action:submitRectification": {
    kind: "action",
    file: "lib/actions/findings.ts",
    name: "submitRectification",
    rule: { access: "roles", roles: RECTIFIERS, target: "none" },
  },
  // Any accepting party (the group, the committee, the unit's secretary): the handler checks which the actor is.
  "action:acceptRectification": {
    kind: "action",
    file: "lib/actions/findings.ts",
    name: "acceptRectification",
    rule: { access: "roles", roles: ACCEPTORS, target: "none" },
  },
  "action:returnRectification": {
    kind: "action",
    file: "lib/actions/findings.ts",
    name: "returnRectification",
    rule: { access: "roles", roles: ACCEPTORS, target: "none" },
  },
  "action:reopenFinding": {
    kind: "action",
    file: "lib/actions/findings.ts",
    name: "reopenFinding",
    rule: { access: "roles", roles: REOPENERS, target: "none" },
  },
  // Evidence on a finding: the group's before issue, the unit's while it rectifies; the handler checks which.
  "action:addFindingEvidence": {
    kind: "action",
    file: "lib/actions/findings.ts",
    name: "addFindingEvidence",
    rule: { access: "roles", roles: FINDING_EVIDENCE_WRITERS, target: "none" },
  },
  "route:/api/findings/[findingId]/evidence": {
    kind: "route",
    file: "app/api/findings/[findingId]/evidence/route.ts",
    rule: { access: "roles", roles: FINDING_EVIDENCE_WRITERS, target: "none" },
  },
  "page:/rectification": {
    kind: "page",
    file: "app/rectification/page.tsx",
    rule: { access: "roles", roles: READERS, target: "none" },
  },
  "route:/rectification/export": {
    kind: "route",
    file: "app/rectification/export/route.ts",
    rule: { access: "roles", roles: READERS, target: "none" },
  },
  // Findings waiting for the reader's acceptance; the queue applies acceptsAsSql to each.
  "page:/inspections/acceptances": {
    kind: "page",
    file: "app/inspections/acceptances/page.tsx",
    rule: { access: "roles", roles: ACCEPTORS, target: "none" },
  },
  "page:/inspections/analysis": {
    kind: "page",
    file: "app/inspections/analysis/page.tsx",
    rule: { access: "roles", roles: ANALYSTS, target: "none" },
  },
  "page:/inspections/categories": {
    kind: "page",
    file: "app/inspections/categories/page.tsx",
    rule: { access: "roles", roles: CATALOG_EDITORS, target: "none" },
  },
  "action:saveFindingCategory": {
    kind: "action",
    file: "lib/actions/finding-categories.ts",
    name: "saveFindingCategory",
    rule: { access: "roles", roles: CATALOG_EDITORS, target: "none" },
  },
} as const satisfies Record<string, EntryPoint>;

export type EntryKey = keyof typeof registry;

export function ruleFor(key: EntryKey): Rule {
  return registry[key].rule;
}

/** The roles that may write to a checklist item; pages use it to decide whether to show the form. */
export const ITEM_WRITERS: readonly Role[] = WRITERS;

/** The roles that may hand an item of their organization down the tree. */
export const ITEM_DELEGATORS: readonly Role[] = DELEGATORS;

/** The roles that review items submitted by the organizations below. */
export const ITEM_REVIEWERS: readonly Role[] = REVIEWERS;
