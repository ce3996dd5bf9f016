import type { Role } from "@/lib/generated/prisma/enums";
import { rolesOf, type Permission } from "@/lib/server/access/permissions";

/**
 * Every entry point of the app (page, route handler, server action) and the
 * rule that guards it. Pages and route handlers live under app/, server
 * actions beside their feature under lib/actions/. Pages and actions look
 * their rule up here by key, and a test walks this list for every role
 * against the role's own organization and another one; an entry point
 * missing from it fails that test.
 *
 * - public: anybody, signed in or not;
 * - signed-in: any active user;
 * - permission: a user holding the named permission (lib/server/access/permissions.ts)
 *   on an organization whose subtree contains the target: the organization
 *   itself ("org"), or the item's organization or the organization or
 *   person it is delegated to ("item"), or the item's own organization
 *   alone ("item-org", for what only the answering organization may do).
 *   With target "none" the permission anywhere suffices and the handler
 *   scopes its queries to the user's subtrees.
 */
export type Rule =
  | { access: "public" }
  | { access: "signed-in" }
  | { access: "permission"; permission: Permission; target: "none" | "org" | "item" | "item-org" };

export type EntryPoint = {
  kind: "page" | "route" | "action";
  /** The file that defines it: under app/ for pages and routes, lib/actions/ for actions. */
  file: string;
  /** For actions, the exported function's name. */
  name?: string;
  rule: Rule;
  /**
   * Open to a signed-in user who must still replace a password an
   * administrator reset (User.mustChangePassword); every other non-public
   * entry refuses them until they have.
   */
  openBeforePasswordChange?: true;
};

export const registry = {
  "route:/": { kind: "route", file: "app/route.ts", rule: { access: "signed-in" } },
  "page:/login": { kind: "page", file: "app/login/page.tsx", rule: { access: "public" } },
  "page:/checklists": {
    kind: "page",
    file: "app/checklists/(list)/page.tsx",
    rule: { access: "permission", permission: "checklist.read", target: "none" },
  },
  // The list's download: the same readers; with ?root= it must reach that organization, like its page.
  "route:/checklists/export": {
    kind: "route",
    file: "app/checklists/export/route.ts",
    rule: { access: "permission", permission: "checklist.read", target: "org" },
  },
  "page:/checklists/[itemId]": {
    kind: "page",
    file: "app/checklists/[itemId]/page.tsx",
    rule: { access: "permission", permission: "checklist.read", target: "item" },
  },
  "page:/orgs/[orgId]": {
    kind: "page",
    file: "app/orgs/[orgId]/page.tsx",
    rule: { access: "permission", permission: "checklist.read", target: "org" },
  },
  "page:/progress": {
    kind: "page",
    file: "app/progress/page.tsx",
    rule: { access: "permission", permission: "progress.read", target: "org" },
  },
  // Directory import (organizations and accounts): the handlers check each row against the actor's org.manage and user.manage subtrees.
  "page:/admin/import": {
    kind: "page",
    file: "app/admin/import/page.tsx",
    rule: { access: "permission", permission: "org.manage", target: "none" },
  },
  "route:/api/admin/import": {
    kind: "route",
    file: "app/api/admin/import/route.ts",
    rule: { access: "permission", permission: "org.manage", target: "none" },
  },
  "route:/admin/import/template": {
    kind: "route",
    file: "app/admin/import/template/route.ts",
    rule: { access: "permission", permission: "org.manage", target: "none" },
  },
  // The tree and the accounts within the actor's subtree, in the import's layout; never a password hash.
  "route:/admin/import/export": {
    kind: "route",
    file: "app/admin/import/export/route.ts",
    rule: { access: "permission", permission: "org.manage", target: "none" },
  },
  "route:/api/auth/[...nextauth]": {
    kind: "route",
    file: "app/api/auth/[...nextauth]/route.ts",
    rule: { access: "public" },
  },
  // The floor of `npm run bench`: the session check and one `SELECT 1`, nothing read or returned.
  "route:/api/bench/floor": {
    kind: "route",
    file: "app/api/bench/floor/route.ts",
    rule: { access: "signed-in" },
  },
  "action:saveProgress": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "saveProgress",
    rule: { access: "permission", permission: "checklist.work", target: "item" },
  },
  "action:submitItem": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "submitItem",
    rule: { access: "permission", permission: "checklist.work", target: "item" },
  },
  "action:requestNotApplicable": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "requestNotApplicable",
    rule: { access: "permission", permission: "checklist.work", target: "item" },
  },
  "action:recallSubmission": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "recallSubmission",
    rule: { access: "permission", permission: "checklist.work", target: "item" },
  },
  // The reviewer organization need not contain the item: the handler applies the reviewer rule.
  "action:approveItem": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "approveItem",
    rule: { access: "permission", permission: "checklist.review", target: "none" },
  },
  // The reviewer organization need not contain the item: the handler applies the reviewer rule.
  "action:returnItem": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "returnItem",
    rule: { access: "permission", permission: "checklist.review", target: "none" },
  },
  // The reviewer organization need not contain the item: the handler applies the reviewer rule.
  "action:reopenItem": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "reopenItem",
    rule: { access: "permission", permission: "checklist.review", target: "none" },
  },
  "page:/reviews": {
    kind: "page",
    file: "app/reviews/page.tsx",
    rule: { access: "permission", permission: "checklist.review", target: "none" },
  },
  "action:approveMany": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "approveMany",
    rule: { access: "permission", permission: "checklist.review", target: "none" },
  },
  "action:delegateItem": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "delegateItem",
    rule: { access: "permission", permission: "checklist.delegate", target: "item-org" },
  },
  "action:findDelegationTargets": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "findDelegationTargets",
    rule: { access: "permission", permission: "checklist.delegate", target: "item-org" },
  },
  "action:revokeDelegation": {
    kind: "action",
    file: "lib/actions/checklists.ts",
    name: "revokeDelegation",
    rule: { access: "permission", permission: "checklist.delegate", target: "item-org" },
  },
  "action:setLocale": { kind: "action", file: "lib/actions/locale.ts", name: "setLocale", rule: { access: "public" } },
  "page:/catalogs": {
    kind: "page",
    file: "app/catalogs/page.tsx",
    rule: { access: "permission", permission: "catalog.read", target: "none" },
  },
  // The Excel template and the guide to its layout, beside the import form.
  "route:/catalogs/template": {
    kind: "route",
    file: "app/catalogs/template/route.ts",
    rule: { access: "permission", permission: "catalog.read", target: "none" },
  },
  "page:/catalogs/format": {
    kind: "page",
    file: "app/catalogs/format/page.tsx",
    rule: { access: "permission", permission: "catalog.read", target: "none" },
  },
  "page:/catalogs/[versionId]": {
    kind: "page",
    file: "app/catalogs/[versionId]/page.tsx",
    rule: { access: "permission", permission: "catalog.read", target: "none" },
  },
  "route:/catalogs/[versionId]/export": {
    kind: "route",
    file: "app/catalogs/[versionId]/export/route.ts",
    rule: { access: "permission", permission: "catalog.read", target: "none" },
  },
  "page:/catalogs/[versionId]/edit": {
    kind: "page",
    file: "app/catalogs/[versionId]/edit/page.tsx",
    rule: { access: "permission", permission: "catalog.edit", target: "none" },
  },
  "page:/catalogs/[versionId]/diff": {
    kind: "page",
    file: "app/catalogs/[versionId]/diff/page.tsx",
    rule: { access: "permission", permission: "catalog.read", target: "none" },
  },
  "page:/catalogs/[versionId]/move": {
    kind: "page",
    file: "app/catalogs/[versionId]/move/page.tsx",
    rule: { access: "permission", permission: "catalog.edit", target: "org" },
  },
  "action:moveAssignments": {
    kind: "action",
    file: "lib/actions/catalogs.ts",
    name: "moveAssignments",
    rule: { access: "permission", permission: "catalog.edit", target: "org" },
  },
  "action:createCatalog": {
    kind: "action",
    file: "lib/actions/catalogs.ts",
    name: "createCatalog",
    rule: { access: "permission", permission: "catalog.edit", target: "none" },
  },
  "action:reviseCatalogVersion": {
    kind: "action",
    file: "lib/actions/catalogs.ts",
    name: "reviseCatalogVersion",
    rule: { access: "permission", permission: "catalog.edit", target: "none" },
  },
  "action:saveCatalogDraft": {
    kind: "action",
    file: "lib/actions/catalogs.ts",
    name: "saveCatalogDraft",
    rule: { access: "permission", permission: "catalog.edit", target: "none" },
  },
  "action:copyAssignmentsForward": {
    kind: "action",
    file: "lib/actions/catalogs.ts",
    name: "copyAssignmentsForward",
    rule: { access: "permission", permission: "catalog.edit", target: "org" },
  },
  "action:loadLibraryCatalog": {
    kind: "action",
    file: "lib/actions/catalogs.ts",
    name: "loadLibraryCatalog",
    rule: { access: "permission", permission: "catalog.edit", target: "none" },
  },
  // A route, not an action: it refuses an over-size body as it reads it (lib/server/upload-request.ts).
  "route:/api/catalogs/import": {
    kind: "route",
    file: "app/api/catalogs/import/route.ts",
    rule: { access: "permission", permission: "catalog.edit", target: "none" },
  },
  "action:publishCatalogVersion": {
    kind: "action",
    file: "lib/actions/catalogs.ts",
    name: "publishCatalogVersion",
    rule: { access: "permission", permission: "catalog.edit", target: "none" },
  },
  "action:findCatalogOrgs": {
    kind: "action",
    file: "lib/actions/catalogs.ts",
    name: "findCatalogOrgs",
    rule: { access: "permission", permission: "catalog.edit", target: "none" },
  },
  "action:previewAssignment": {
    kind: "action",
    file: "lib/actions/catalogs.ts",
    name: "previewAssignment",
    rule: { access: "permission", permission: "catalog.edit", target: "org" },
  },
  "route:/catalogs/[versionId]/assign": {
    kind: "route",
    file: "app/catalogs/[versionId]/assign/route.ts",
    rule: { access: "permission", permission: "catalog.edit", target: "org" },
  },
  "action:addEvidence": {
    kind: "action",
    file: "lib/actions/item-evidence.ts",
    name: "addEvidence",
    rule: { access: "permission", permission: "checklist.work", target: "item" },
  },
  "action:attachEvidence": {
    kind: "action",
    file: "lib/actions/item-evidence.ts",
    name: "attachEvidence",
    rule: { access: "permission", permission: "checklist.work", target: "item" },
  },
  "action:detachEvidence": {
    kind: "action",
    file: "lib/actions/item-evidence.ts",
    name: "detachEvidence",
    rule: { access: "permission", permission: "checklist.work", target: "item" },
  },
  // Uploads a new file or a new revision; a route so that large bodies bypass the proxy and the action limit.
  "route:/api/checklists/[itemId]/evidence": {
    kind: "route",
    file: "app/api/checklists/[itemId]/evidence/route.ts",
    rule: { access: "permission", permission: "checklist.work", target: "item" },
  },
  // A file may back several items: the handler scopes the download itself (any item read, or the evidence's organization).
  "route:/evidence/[fileId]": {
    kind: "route",
    file: "app/evidence/[fileId]/route.ts",
    rule: { access: "permission", permission: "checklist.read", target: "none" },
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
  "page:/inspections": { kind: "page", file: "app/inspections/(list)/page.tsx", rule: { access: "permission", permission: "inspection.read", target: "none" } },
  "page:/inspections/new": {
    kind: "page",
    file: "app/inspections/new/page.tsx",
    rule: { access: "permission", permission: "round.create", target: "none" },
  },
  // The round's scope organization is the target: its creator must reach it.
  "action:createRound": {
    kind: "action",
    file: "lib/actions/rounds.ts",
    name: "createRound",
    rule: { access: "permission", permission: "round.create", target: "org" },
  },
  "action:findRoundOrgs": {
    kind: "action",
    file: "lib/actions/rounds.ts",
    name: "findRoundOrgs",
    rule: { access: "permission", permission: "round.create", target: "none" },
  },
  // Top-down inspection feedback (巡视巡察反馈): the committee enters it; the committee and the unit answering it read it (lib/server/inspections/tours.ts).
  "page:/inspections/tours": { kind: "page", file: "app/inspections/tours/page.tsx", rule: { access: "permission", permission: "inspection.read", target: "none" } },
  "page:/inspections/tours/new": { kind: "page", file: "app/inspections/tours/new/page.tsx", rule: { access: "permission", permission: "inspection.oversee", target: "none" } },
  "page:/inspections/tours/[tourId]": { kind: "page", file: "app/inspections/tours/[tourId]/page.tsx", rule: { access: "permission", permission: "inspection.read", target: "none" } },
  "page:/inspections/tours/import": { kind: "page", file: "app/inspections/tours/import/page.tsx", rule: { access: "permission", permission: "inspection.oversee", target: "none" } },
  "route:/api/inspections/tours/import": { kind: "route", file: "app/api/inspections/tours/import/route.ts", rule: { access: "permission", permission: "inspection.oversee", target: "none" } },
  "route:/inspections/tours/template": { kind: "route", file: "app/inspections/tours/template/route.ts", rule: { access: "permission", permission: "inspection.oversee", target: "none" } },
  "route:/inspections/tours/export": { kind: "route", file: "app/inspections/tours/export/route.ts", rule: { access: "permission", permission: "inspection.read", target: "none" } },
  "action:recordTourFeedback": { kind: "action", file: "lib/actions/tours.ts", name: "recordTourFeedback", rule: { access: "permission", permission: "inspection.oversee", target: "org" } },
  "action:findTourOrgs": { kind: "action", file: "lib/actions/tours.ts", name: "findTourOrgs", rule: { access: "permission", permission: "inspection.oversee", target: "none" } },
  "page:/inspections/[roundId]": {
    kind: "page",
    file: "app/inspections/[roundId]/page.tsx",
    rule: { access: "permission", permission: "inspection.read", target: "none" },
  },
  // Changing or removing a round: its creator, its leader or the committee over its scope (canManageRound, in the handler).
  "action:updateRound": {
    kind: "action",
    file: "lib/actions/rounds.ts",
    name: "updateRound",
    rule: { access: "permission", permission: "round.create", target: "none" },
  },
  "action:deleteRound": {
    kind: "action",
    file: "lib/actions/rounds.ts",
    name: "deleteRound",
    rule: { access: "permission", permission: "round.create", target: "none" },
  },
  "page:/inspections/reports/[reportId]": {
    kind: "page",
    file: "app/inspections/reports/[reportId]/page.tsx",
    rule: { access: "permission", permission: "inspection.read", target: "none" },
  },
  "action:saveReport": {
    kind: "action",
    file: "lib/actions/reports.ts",
    name: "saveReport",
    rule: { access: "permission", permission: "round.member", target: "none" },
  },
  "action:saveFinding": {
    kind: "action",
    file: "lib/actions/reports.ts",
    name: "saveFinding",
    rule: { access: "permission", permission: "round.member", target: "none" },
  },
  "action:deleteFinding": {
    kind: "action",
    file: "lib/actions/reports.ts",
    name: "deleteFinding",
    rule: { access: "permission", permission: "round.member", target: "none" },
  },
  "action:issueReport": {
    kind: "action",
    file: "lib/actions/reports.ts",
    name: "issueReport",
    rule: { access: "permission", permission: "round.member", target: "none" },
  },
  "action:addAddendum": {
    kind: "action",
    file: "lib/actions/reports.ts",
    name: "addAddendum",
    rule: { access: "permission", permission: "round.member", target: "none" },
  },
  "action:respondToReport": {
    kind: "action",
    file: "lib/actions/reports.ts",
    name: "respondToReport",
    rule: { access: "permission", permission: "finding.rectify", target: "none" },
  },
  "page:/findings/[findingId]": {
    kind: "page",
    file: "app/findings/[findingId]/page.tsx",
    rule: { access: "permission", permission: "inspection.read", target: "none" },
  },
  "action:saveRectification": {
    kind: "action",
    file: "lib/actions/findings.ts",
    name: "saveRectification",
    rule: { access: "permission", permission: "finding.rectify", target: "none" },
  },
  "action:addFindingProgress": {
    kind: "action",
    file: "lib/actions/findings.ts",
    name: "addFindingProgress",
    rule: { access: "permission", permission: "finding.rectify", target: "none" },
  },
  "action:submitRectification": {
    kind: "action",
    file: "lib/actions/findings.ts",
    name: "submitRectification",
    rule: { access: "permission", permission: "finding.rectify", target: "none" },
  },
  // Any accepting party (the group, the committee, the unit's secretary): the handler checks which the actor is.
  "action:acceptRectification": {
    kind: "action",
    file: "lib/actions/findings.ts",
    name: "acceptRectification",
    rule: { access: "permission", permission: "finding.accept", target: "none" },
  },
  "action:returnRectification": {
    kind: "action",
    file: "lib/actions/findings.ts",
    name: "returnRectification",
    rule: { access: "permission", permission: "finding.accept", target: "none" },
  },
  "action:reopenFinding": {
    kind: "action",
    file: "lib/actions/findings.ts",
    name: "reopenFinding",
    rule: { access: "permission", permission: "finding.reopen", target: "none" },
  },
  // Evidence on a finding: the group's before issue, the unit's while it rectifies; the handler checks which.
  "action:addFindingEvidence": {
    kind: "action",
    file: "lib/actions/findings.ts",
    name: "addFindingEvidence",
    rule: { access: "permission", permission: "finding.evidence", target: "none" },
  },
  // Files beside records (lib/server/evidence/record-files.ts): the record's own rule is checked by the handler.
  "route:/api/projects/progress/[progressId]/evidence": { kind: "route", file: "app/api/projects/progress/[progressId]/evidence/route.ts", rule: { access: "permission", permission: "project.keep", target: "none" } },
  "route:/api/meetings/[meetingId]/evidence": { kind: "route", file: "app/api/meetings/[meetingId]/evidence/route.ts", rule: { access: "permission", permission: "meeting.record", target: "none" } },
  "route:/api/tours/[tourId]/evidence": { kind: "route", file: "app/api/tours/[tourId]/evidence/route.ts", rule: { access: "permission", permission: "inspection.oversee", target: "none" } },
  "route:/api/grades/[gradeId]/evidence": { kind: "route", file: "app/api/grades/[gradeId]/evidence/route.ts", rule: { access: "permission", permission: "grading.read", target: "none" } },
  "route:/api/findings/[findingId]/evidence": {
    kind: "route",
    file: "app/api/findings/[findingId]/evidence/route.ts",
    rule: { access: "permission", permission: "finding.evidence", target: "none" },
  },
  "page:/findings": {
    kind: "page",
    file: "app/findings/(ledger)/page.tsx",
    rule: { access: "permission", permission: "inspection.read", target: "none" },
  },
  "route:/findings/export": {
    kind: "route",
    file: "app/findings/export/route.ts",
    rule: { access: "permission", permission: "inspection.read", target: "none" },
  },
  // Findings waiting for the reader's acceptance; the queue applies acceptsAsSql to each.
  "page:/inspections/acceptances": {
    kind: "page",
    file: "app/inspections/acceptances/page.tsx",
    rule: { access: "permission", permission: "finding.accept", target: "none" },
  },
  "page:/inspections/analysis": {
    kind: "page",
    file: "app/inspections/analysis/page.tsx",
    rule: { access: "permission", permission: "finding.analyse", target: "none" },
  },
  "page:/inspections/categories": {
    kind: "page",
    file: "app/inspections/categories/page.tsx",
    rule: { access: "permission", permission: "finding.category.edit", target: "none" },
  },
  "action:saveFindingCategory": {
    kind: "action",
    file: "lib/actions/finding-categories.ts",
    name: "saveFindingCategory",
    rule: { access: "permission", permission: "finding.category.edit", target: "none" },
  },
  // The year's rating (述职评议考核): the working committee; the handlers also ask that the grant sits on a
  // tree's top (managesRatings), not on a unit an administrator keeps.
  // The list and a unit's page also serve a unit's readers: their own published results and self-rating.
  // The cockpit (工作台): each figure comes from its own page's function, which checks its own scope (lib/server/cockpit/cockpit.ts).
  "page:/cockpit": { kind: "page", file: "app/cockpit/page.tsx", rule: { access: "permission", permission: "rating.read", target: "none" } },
  "page:/ratings": { kind: "page", file: "app/ratings/page.tsx", rule: { access: "permission", permission: "rating.read", target: "none" } },
  // The list as a workbook: what the reader's ratings page shows them (the handler asks managesRatings the same way).
  "route:/ratings/export": { kind: "route", file: "app/ratings/export/route.ts", rule: { access: "permission", permission: "rating.read", target: "none" } },
  "page:/ratings/scheme": { kind: "page", file: "app/ratings/scheme/page.tsx", rule: { access: "permission", permission: "rating.manage", target: "none" } },
  "page:/ratings/[orgId]": { kind: "page", file: "app/ratings/[orgId]/page.tsx", rule: { access: "permission", permission: "rating.read", target: "org" } },
  // The handler also asks that the grant sits on the rated unit itself, not above it.
  "action:saveSelfRating": { kind: "action", file: "lib/actions/ratings.ts", name: "saveSelfRating", rule: { access: "permission", permission: "rating.self", target: "org" } },
  "action:saveSuperiorRating": { kind: "action", file: "lib/actions/ratings.ts", name: "saveSuperiorRating", rule: { access: "permission", permission: "rating.manage", target: "org" } },
  "action:addDemocraticBallot": { kind: "action", file: "lib/actions/ratings.ts", name: "addDemocraticBallot", rule: { access: "permission", permission: "rating.manage", target: "org" } },
  "action:removeDemocraticBallot": { kind: "action", file: "lib/actions/ratings.ts", name: "removeDemocraticBallot", rule: { access: "permission", permission: "rating.manage", target: "org" } },
  "action:addRatingAdjustment": { kind: "action", file: "lib/actions/ratings.ts", name: "addRatingAdjustment", rule: { access: "permission", permission: "rating.manage", target: "org" } },
  "action:removeRatingAdjustment": { kind: "action", file: "lib/actions/ratings.ts", name: "removeRatingAdjustment", rule: { access: "permission", permission: "rating.manage", target: "org" } },
  // The yearly report: read within rating.read's reach (lib/server/ratings/year-reports.ts says what of it); written by the unit's
  // own secretary (the handler asks for the grant on the unit itself), returned by the committee.
  "page:/ratings/[orgId]/report": { kind: "page", file: "app/ratings/[orgId]/report/page.tsx", rule: { access: "permission", permission: "rating.read", target: "org" } },
  "action:saveYearReport": { kind: "action", file: "lib/actions/ratings.ts", name: "saveYearReport", rule: { access: "permission", permission: "rating.self", target: "org" } },
  "action:submitYearReport": { kind: "action", file: "lib/actions/ratings.ts", name: "submitYearReport", rule: { access: "permission", permission: "rating.self", target: "org" } },
  "action:returnYearReport": { kind: "action", file: "lib/actions/ratings.ts", name: "returnYearReport", rule: { access: "permission", permission: "rating.manage", target: "org" } },
  "action:addAwardBar": { kind: "action", file: "lib/actions/ratings.ts", name: "addAwardBar", rule: { access: "permission", permission: "rating.manage", target: "org" } },
  "action:removeAwardBar": { kind: "action", file: "lib/actions/ratings.ts", name: "removeAwardBar", rule: { access: "permission", permission: "rating.manage", target: "org" } },
  // The bars from awards as a workbook: the committee's within its reach, a unit's own (lib/server/ratings/award-bars.ts).
  "route:/ratings/bars/export": { kind: "route", file: "app/ratings/bars/export/route.ts", rule: { access: "permission", permission: "rating.read", target: "none" } },
  // Circulars: the committee drafts, edits and issues them; the handlers show an issued one to the readers of the units it names.
  "page:/ratings/circulars": { kind: "page", file: "app/ratings/circulars/page.tsx", rule: { access: "permission", permission: "rating.read", target: "none" } },
  "page:/ratings/circulars/[circularId]": {
    kind: "page",
    file: "app/ratings/circulars/[circularId]/page.tsx",
    rule: { access: "permission", permission: "rating.read", target: "none" },
  },
  "action:createCircular": { kind: "action", file: "lib/actions/ratings.ts", name: "createCircular", rule: { access: "permission", permission: "rating.manage", target: "none" } },
  "action:saveCircular": { kind: "action", file: "lib/actions/ratings.ts", name: "saveCircular", rule: { access: "permission", permission: "rating.manage", target: "none" } },
  "action:issueCircular": { kind: "action", file: "lib/actions/ratings.ts", name: "issueCircular", rule: { access: "permission", permission: "rating.manage", target: "none" } },
  // Branch grading (分类定级): proposed above the branch, confirmed by the committee, read in one's subtrees (lib/server/grading/grading.ts).
  "page:/branches/grading": { kind: "page", file: "app/branches/grading/(list)/page.tsx", rule: { access: "permission", permission: "grading.read", target: "none" } },
  "page:/branches/grading/[orgId]": { kind: "page", file: "app/branches/grading/[orgId]/page.tsx", rule: { access: "permission", permission: "grading.read", target: "org" } },
  "page:/branches/grading/scheme": { kind: "page", file: "app/branches/grading/scheme/page.tsx", rule: { access: "permission", permission: "grading.confirm", target: "none" } },
  "route:/branches/grading/export": { kind: "route", file: "app/branches/grading/export/route.ts", rule: { access: "permission", permission: "grading.read", target: "none" } },
  "action:saveGradingScheme": { kind: "action", file: "lib/actions/grading.ts", name: "saveGradingScheme", rule: { access: "permission", permission: "grading.confirm", target: "none" } },
  "action:proposeGrade": { kind: "action", file: "lib/actions/grading.ts", name: "proposeGrade", rule: { access: "permission", permission: "grading.propose", target: "org" } },
  "action:confirmGrade": { kind: "action", file: "lib/actions/grading.ts", name: "confirmGrade", rule: { access: "permission", permission: "grading.confirm", target: "none" } },
  // Weak-and-lax turnaround (软弱涣散整顿): opened and converted by the committee that confirms grades, read like the grades (lib/server/grading/turnaround.ts).
  "page:/branches/turnaround": { kind: "page", file: "app/branches/turnaround/(list)/page.tsx", rule: { access: "permission", permission: "grading.read", target: "none" } },
  "page:/branches/turnaround/new": { kind: "page", file: "app/branches/turnaround/new/page.tsx", rule: { access: "permission", permission: "grading.confirm", target: "org" } },
  "page:/branches/turnaround/[caseId]": { kind: "page", file: "app/branches/turnaround/[caseId]/page.tsx", rule: { access: "permission", permission: "grading.read", target: "none" } },
  "route:/branches/turnaround/export": { kind: "route", file: "app/branches/turnaround/export/route.ts", rule: { access: "permission", permission: "grading.read", target: "none" } },
  "action:openTurnaround": { kind: "action", file: "lib/actions/grading.ts", name: "openTurnaround", rule: { access: "permission", permission: "grading.confirm", target: "org" } },
  "action:convertTurnaround": { kind: "action", file: "lib/actions/grading.ts", name: "convertTurnaround", rule: { access: "permission", permission: "grading.confirm", target: "none" } },
  // Model sites (示范点): designated and reviewed yearly by the committee that confirms grades, read like the grades (lib/server/grading/model-sites.ts).
  "page:/branches/models": { kind: "page", file: "app/branches/models/(list)/page.tsx", rule: { access: "permission", permission: "grading.read", target: "none" } },
  "page:/branches/models/new": { kind: "page", file: "app/branches/models/new/page.tsx", rule: { access: "permission", permission: "grading.confirm", target: "org" } },
  "page:/branches/models/[siteId]": { kind: "page", file: "app/branches/models/[siteId]/page.tsx", rule: { access: "permission", permission: "grading.read", target: "none" } },
  "route:/branches/models/export": { kind: "route", file: "app/branches/models/export/route.ts", rule: { access: "permission", permission: "grading.read", target: "none" } },
  "action:designateModelSite": { kind: "action", file: "lib/actions/grading.ts", name: "designateModelSite", rule: { access: "permission", permission: "grading.confirm", target: "org" } },
  "action:reviewModelSite": { kind: "action", file: "lib/actions/grading.ts", name: "reviewModelSite", rule: { access: "permission", permission: "grading.confirm", target: "none" } },
  // Standing supervision groups (常设督查组) and coverage (督查全覆盖): set up by the committee, read by it and the groups' members (lib/server/inspections/groups.ts).
  "page:/inspections/groups": { kind: "page", file: "app/inspections/groups/page.tsx", rule: { access: "permission", permission: "round.create", target: "none" } },
  "page:/inspections/groups/new": { kind: "page", file: "app/inspections/groups/new/page.tsx", rule: { access: "permission", permission: "inspection.oversee", target: "none" } },
  "page:/inspections/groups/[groupId]": { kind: "page", file: "app/inspections/groups/[groupId]/page.tsx", rule: { access: "permission", permission: "round.create", target: "none" } },
  "page:/inspections/coverage": { kind: "page", file: "app/inspections/coverage/(page)/page.tsx", rule: { access: "permission", permission: "round.create", target: "none" } },
  "route:/inspections/coverage/export": { kind: "route", file: "app/inspections/coverage/export/route.ts", rule: { access: "permission", permission: "round.create", target: "none" } },
  "action:saveGroup": { kind: "action", file: "lib/actions/groups.ts", name: "saveGroup", rule: { access: "permission", permission: "inspection.oversee", target: "none" } },
  // Organizational life (三会一课): recorded by the branch or the committee above it, read like the grades (lib/server/grading/meetings.ts).
  "page:/branches/meetings": { kind: "page", file: "app/branches/meetings/(list)/page.tsx", rule: { access: "permission", permission: "grading.read", target: "none" } },
  "page:/branches/meetings/[orgId]": { kind: "page", file: "app/branches/meetings/[orgId]/page.tsx", rule: { access: "permission", permission: "grading.read", target: "org" } },
  "page:/branches/meetings/record/[meetingId]": { kind: "page", file: "app/branches/meetings/record/[meetingId]/page.tsx", rule: { access: "permission", permission: "grading.read", target: "none" } },
  "route:/branches/meetings/export": { kind: "route", file: "app/branches/meetings/export/route.ts", rule: { access: "permission", permission: "grading.read", target: "none" } },
  "action:recordMeeting": { kind: "action", file: "lib/actions/grading.ts", name: "recordMeeting", rule: { access: "permission", permission: "meeting.record", target: "org" } },
  "action:correctMeeting": { kind: "action", file: "lib/actions/grading.ts", name: "correctMeeting", rule: { access: "permission", permission: "meeting.record", target: "none" } },
  "action:removeMeeting": { kind: "action", file: "lib/actions/grading.ts", name: "removeMeeting", rule: { access: "permission", permission: "meeting.record", target: "none" } },
  "action:bringMeetingToDuty": { kind: "action", file: "lib/actions/grading.ts", name: "bringMeetingToDuty", rule: { access: "permission", permission: "checklist.work", target: "item" } },
  // Secretary projects (书记项目): kept by the organization's own secretary, reviewed by the committee, read with the ratings (lib/server/projects/projects.ts).
  "page:/ratings/projects": { kind: "page", file: "app/ratings/projects/page.tsx", rule: { access: "permission", permission: "rating.read", target: "none" } },
  "page:/ratings/projects/new": { kind: "page", file: "app/ratings/projects/new/page.tsx", rule: { access: "permission", permission: "project.keep", target: "none" } },
  "page:/ratings/projects/[projectId]": { kind: "page", file: "app/ratings/projects/[projectId]/page.tsx", rule: { access: "permission", permission: "rating.read", target: "none" } },
  "route:/ratings/projects/export": { kind: "route", file: "app/ratings/projects/export/route.ts", rule: { access: "permission", permission: "rating.read", target: "none" } },
  "action:registerProject": { kind: "action", file: "lib/actions/projects.ts", name: "registerProject", rule: { access: "permission", permission: "project.keep", target: "org" } },
  "action:updateProject": { kind: "action", file: "lib/actions/projects.ts", name: "updateProject", rule: { access: "permission", permission: "project.keep", target: "none" } },
  "action:markMilestone": { kind: "action", file: "lib/actions/projects.ts", name: "markMilestone", rule: { access: "permission", permission: "project.keep", target: "none" } },
  "action:addProjectProgress": { kind: "action", file: "lib/actions/projects.ts", name: "addProjectProgress", rule: { access: "permission", permission: "project.keep", target: "none" } },
  "action:reviewProject": { kind: "action", file: "lib/actions/projects.ts", name: "reviewProject", rule: { access: "permission", permission: "rating.manage", target: "none" } },
  // Admonitory talks (约谈): the committee records them and their follow-up; a unit's readers see their own organization's (lib/server/ratings/talks.ts).
  "page:/ratings/talks": { kind: "page", file: "app/ratings/talks/page.tsx", rule: { access: "permission", permission: "rating.read", target: "none" } },
  "page:/ratings/talks/new": { kind: "page", file: "app/ratings/talks/new/page.tsx", rule: { access: "permission", permission: "rating.manage", target: "none" } },
  "page:/ratings/talks/[talkId]": { kind: "page", file: "app/ratings/talks/[talkId]/page.tsx", rule: { access: "permission", permission: "rating.read", target: "none" } },
  "action:recordAdmonitoryTalk": { kind: "action", file: "lib/actions/ratings.ts", name: "recordAdmonitoryTalk", rule: { access: "permission", permission: "rating.manage", target: "org" } },
  "action:saveTalkFollowUp": { kind: "action", file: "lib/actions/ratings.ts", name: "saveTalkFollowUp", rule: { access: "permission", permission: "rating.manage", target: "none" } },
  // Report meetings (述职评议会): the committee sets them up and records each report; an attendee rates in the app, which the handlers check (lib/server/ratings/meetings.ts).
  "page:/ratings/meetings": { kind: "page", file: "app/ratings/meetings/page.tsx", rule: { access: "signed-in" } },
  "page:/ratings/meetings/[meetingId]": { kind: "page", file: "app/ratings/meetings/[meetingId]/page.tsx", rule: { access: "signed-in" } },
  "action:createMeeting": { kind: "action", file: "lib/actions/ratings.ts", name: "createMeeting", rule: { access: "permission", permission: "rating.manage", target: "none" } },
  "action:updateMeeting": { kind: "action", file: "lib/actions/ratings.ts", name: "updateMeeting", rule: { access: "permission", permission: "rating.manage", target: "none" } },
  "action:deleteMeeting": { kind: "action", file: "lib/actions/ratings.ts", name: "deleteMeeting", rule: { access: "permission", permission: "rating.manage", target: "none" } },
  "action:recordMeetingReport": { kind: "action", file: "lib/actions/ratings.ts", name: "recordMeetingReport", rule: { access: "permission", permission: "rating.manage", target: "org" } },
  "action:castMeetingBallot": { kind: "action", file: "lib/actions/ratings.ts", name: "castMeetingBallot", rule: { access: "signed-in" } },
  "action:publishRatings": { kind: "action", file: "lib/actions/ratings.ts", name: "publishRatings", rule: { access: "permission", permission: "rating.manage", target: "none" } },
  "action:saveRatingScheme": {
    kind: "action",
    file: "lib/actions/ratings.ts",
    name: "saveRatingScheme",
    rule: { access: "permission", permission: "rating.manage", target: "none" },
  },
  // The organization tree (机构管理): administrators within their subtree. The rule checks the organization the
  // input or URL names; the handlers also check the new parent or survivor (lib/server/orgs/restructure.ts).
  "page:/admin/orgs": { kind: "page", file: "app/admin/orgs/page.tsx", rule: { access: "permission", permission: "org.manage", target: "none" } },
  "page:/admin/orgs/[orgId]": { kind: "page", file: "app/admin/orgs/[orgId]/page.tsx", rule: { access: "permission", permission: "org.manage", target: "org" } },
  "page:/admin/orgs/[orgId]/new": { kind: "page", file: "app/admin/orgs/[orgId]/new/page.tsx", rule: { access: "permission", permission: "org.manage", target: "org" } },
  "page:/admin/orgs/[orgId]/move": { kind: "page", file: "app/admin/orgs/[orgId]/move/page.tsx", rule: { access: "permission", permission: "org.manage", target: "org" } },
  "page:/admin/orgs/[orgId]/merge": { kind: "page", file: "app/admin/orgs/[orgId]/merge/page.tsx", rule: { access: "permission", permission: "org.manage", target: "org" } },
  "page:/admin/orgs/[orgId]/close": { kind: "page", file: "app/admin/orgs/[orgId]/close/page.tsx", rule: { access: "permission", permission: "org.manage", target: "org" } },
  "action:createOrg": { kind: "action", file: "lib/actions/orgs.ts", name: "createOrg", rule: { access: "permission", permission: "org.manage", target: "org" } },
  "action:updateOrg": { kind: "action", file: "lib/actions/orgs.ts", name: "updateOrg", rule: { access: "permission", permission: "org.manage", target: "org" } },
  "action:previewMoveOrg": { kind: "action", file: "lib/actions/orgs.ts", name: "previewMoveOrg", rule: { access: "permission", permission: "org.manage", target: "org" } },
  "action:previewMergeOrg": { kind: "action", file: "lib/actions/orgs.ts", name: "previewMergeOrg", rule: { access: "permission", permission: "org.manage", target: "org" } },
  "action:previewCloseOrg": { kind: "action", file: "lib/actions/orgs.ts", name: "previewCloseOrg", rule: { access: "permission", permission: "org.manage", target: "org" } },
  "action:moveOrg": { kind: "action", file: "lib/actions/orgs.ts", name: "moveOrg", rule: { access: "permission", permission: "org.manage", target: "org" } },
  "action:mergeOrg": { kind: "action", file: "lib/actions/orgs.ts", name: "mergeOrg", rule: { access: "permission", permission: "org.manage", target: "org" } },
  "action:closeOrg": { kind: "action", file: "lib/actions/orgs.ts", name: "closeOrg", rule: { access: "permission", permission: "org.manage", target: "org" } },
  "action:listOrgChildren": { kind: "action", file: "lib/actions/orgs.ts", name: "listOrgChildren", rule: { access: "permission", permission: "org.manage", target: "org" } },
  "action:findOrgTargets": { kind: "action", file: "lib/actions/orgs.ts", name: "findOrgTargets", rule: { access: "permission", permission: "org.manage", target: "org" } },
  // People, accounts and roles (人员与权限): administrators within their subtree (lib/server/users/user-scope.ts says whose
  // accounts they see and manage; the handlers apply it to the account they load). A new role's organization is the target.
  "page:/admin/users": { kind: "page", file: "app/admin/users/page.tsx", rule: { access: "permission", permission: "user.manage", target: "none" } },
  "page:/admin/users/new": { kind: "page", file: "app/admin/users/new/page.tsx", rule: { access: "permission", permission: "user.manage", target: "none" } },
  "page:/admin/users/[userId]": {
    kind: "page",
    file: "app/admin/users/[userId]/page.tsx",
    rule: { access: "permission", permission: "user.manage", target: "none" },
  },
  "action:createUser": { kind: "action", file: "lib/actions/users.ts", name: "createUser", rule: { access: "permission", permission: "user.manage", target: "org" } },
  "action:updateUser": { kind: "action", file: "lib/actions/users.ts", name: "updateUser", rule: { access: "permission", permission: "user.manage", target: "none" } },
  "action:deactivateUser": {
    kind: "action",
    file: "lib/actions/users.ts",
    name: "deactivateUser",
    rule: { access: "permission", permission: "user.manage", target: "none" },
  },
  "action:reactivateUser": {
    kind: "action",
    file: "lib/actions/users.ts",
    name: "reactivateUser",
    rule: { access: "permission", permission: "user.manage", target: "none" },
  },
  "action:resetUserPassword": {
    kind: "action",
    file: "lib/actions/users.ts",
    name: "resetUserPassword",
    rule: { access: "permission", permission: "user.manage", target: "none" },
  },
  "action:grantRole": { kind: "action", file: "lib/actions/users.ts", name: "grantRole", rule: { access: "permission", permission: "user.manage", target: "org" } },
  "action:findGrantableOrgs": {
    kind: "action",
    file: "lib/actions/users.ts",
    name: "findGrantableOrgs",
    rule: { access: "permission", permission: "user.manage", target: "none" },
  },
  "action:revokeRole": { kind: "action", file: "lib/actions/users.ts", name: "revokeRole", rule: { access: "permission", permission: "user.manage", target: "none" } },
  // One's own account: the handlers act on the actor alone. The password page and its action stay open to a
  // user whose password was reset, who must set their own before anything else.
  "page:/account": { kind: "page", file: "app/account/page.tsx", rule: { access: "signed-in" } },
  "page:/account/password": { kind: "page", file: "app/account/password/page.tsx", rule: { access: "signed-in" }, openBeforePasswordChange: true },
  "action:updateProfile": { kind: "action", file: "lib/actions/account.ts", name: "updateProfile", rule: { access: "signed-in" } },
  "action:changePassword": {
    kind: "action",
    file: "lib/actions/account.ts",
    name: "changePassword",
    rule: { access: "signed-in" },
    openBeforePasswordChange: true,
  },
  // The header's switcher: only an organization the user holds a role on (the handler checks).
  "action:setActingOrg": { kind: "action", file: "lib/actions/account.ts", name: "setActingOrg", rule: { access: "signed-in" } },
  // Terms and the three ledgers (换届, 任职谈话, 负责人调整). Reading is term.read over the reader's subtrees;
  // recording is term.record, and the handlers apply the finer rule of lib/server/terms/record-scope.ts
  // (the level above records: a secretary for the organizations strictly below their own).
  "page:/terms": {
    kind: "page",
    file: "app/terms/(ledger)/page.tsx",
    rule: { access: "permission", permission: "term.read", target: "none" },
  },
  "route:/terms/export": {
    kind: "route",
    file: "app/terms/export/route.ts",
    rule: { access: "permission", permission: "term.read", target: "none" },
  },
  "page:/terms/talks": {
    kind: "page",
    file: "app/terms/talks/page.tsx",
    rule: { access: "permission", permission: "term.read", target: "none" },
  },
  "route:/terms/talks/export": {
    kind: "route",
    file: "app/terms/talks/export/route.ts",
    rule: { access: "permission", permission: "term.read", target: "none" },
  },
  "page:/terms/heads": {
    kind: "page",
    file: "app/terms/heads/page.tsx",
    rule: { access: "permission", permission: "term.read", target: "none" },
  },
  "route:/terms/heads/export": {
    kind: "route",
    file: "app/terms/heads/export/route.ts",
    rule: { access: "permission", permission: "term.read", target: "none" },
  },
  "page:/terms/[orgId]": {
    kind: "page",
    file: "app/terms/[orgId]/page.tsx",
    rule: { access: "permission", permission: "term.read", target: "org" },
  },
  "action:recordElection": {
    kind: "action",
    file: "lib/actions/terms.ts",
    name: "recordElection",
    rule: { access: "permission", permission: "term.record", target: "org" },
  },
  // The term names its organization: the handler loads it and applies the recording rule.
  "action:editTerm": {
    kind: "action",
    file: "lib/actions/terms.ts",
    name: "editTerm",
    rule: { access: "permission", permission: "term.record", target: "none" },
  },
  "action:recordTalk": {
    kind: "action",
    file: "lib/actions/terms.ts",
    name: "recordTalk",
    rule: { access: "permission", permission: "term.record", target: "org" },
  },
  "action:recordHeadChange": {
    kind: "action",
    file: "lib/actions/terms.ts",
    name: "recordHeadChange",
    rule: { access: "permission", permission: "term.record", target: "org" },
  },
} as const satisfies Record<string, EntryPoint>;

export type EntryKey = keyof typeof registry;

export function ruleFor(key: EntryKey): Rule {
  return registry[key].rule;
}

/** Whether a user who must change their password may still use this entry (the change itself). */
export function isOpenBeforePasswordChange(key: EntryKey): boolean {
  const entry: EntryPoint = registry[key];
  return entry.openBeforePasswordChange === true;
}

/** The roles an entry's rule admits; none for a public or signed-in rule, which asks for no role. */
export function rolesFor(key: EntryKey): readonly Role[] {
  const rule = ruleFor(key);
  return rule.access === "permission" ? rolesOf(rule.permission) : [];
}
