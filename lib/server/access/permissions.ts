import type { Role } from "@/lib/generated/prisma/enums";

// No "server-only" here: scripts (npm run notify) and tests ask the policy too.

export const ALL_ROLES = ["ADMIN", "SUPERVISOR", "INSPECTOR", "SECRETARY", "STAFF"] as const satisfies readonly Role[];

/**
 * Who may do what: every permission the app checks, by name, and the roles
 * that hold it. A role is held on an organization and reaches its whole
 * subtree; whether a permission applies to a given record is the scope's
 * question (lib/server/access/scope.ts), asked with the same name. The
 * registry, the navigation, the landing page and the domain checks all ask
 * this one policy instead of listing roles.
 *
 * - ADMIN, SUPERVISOR: the working committee's administrators and
 *   supervisors (its inspection office); they follow progress, keep the
 *   lists, oversee inspections and accept close-outs for the committee.
 * - INSPECTOR: a member of inspection groups.
 * - SECRETARY, STAFF: a unit's or branch's secretaries and party-affairs
 *   staff; they work the checklist and rectify findings. A secretary of the
 *   working committee itself follows progress like the committee, but does
 *   not accept close-outs for it: that is the inspection office's task
 *   (finding.accept.committee).
 */
export const POLICY = {
  /** See the checklists and organizations in one's subtrees. */
  "checklist.read": ALL_ROLES,
  /** Save, submit, ask for not applicable, recall; add evidence. */
  "checklist.work": ["SECRETARY", "STAFF"],
  /** Hand an item of one's organization down the tree, and take it back. */
  "checklist.delegate": ["SECRETARY"],
  /** Approve or return what the organizations below submit (on the reviewer organization or above it). */
  "checklist.review": ["SECRETARY", "STAFF"],
  /** Follow completion down the organization tree. */
  "progress.read": ["ADMIN", "SUPERVISOR", "SECRETARY"],
  "catalog.read": ["ADMIN", "SUPERVISOR"],
  /** Load, import, write, publish and assign lists; move assignments to a new version. */
  "catalog.edit": ["ADMIN"],
  /** See the inspection pages; what of them is scoped by the rules in lib/server/inspections/scope.ts. */
  "inspection.read": ALL_ROLES,
  /** Start a round (picked or drawn) within one's scope. */
  "round.create": ["ADMIN", "SUPERVISOR", "INSPECTOR"],
  /** Belong to an inspection group: write its reports, accept close-outs as the group. */
  "round.member": ["INSPECTOR"],
  /** The working committee over a scope: sees every round and report there, corrects and deletes rounds, reopens findings. */
  "inspection.oversee": ["ADMIN", "SUPERVISOR"],
  /** An inspected unit receives its issued reports, answers them and rectifies their findings. */
  "finding.rectify": ["SECRETARY", "STAFF"],
  "finding.accept.group": ["INSPECTOR"],
  "finding.accept.committee": ["ADMIN", "SUPERVISOR"],
  /** When the deployment asks the unit to accept too (CLOSEOUT_PARTIES includes UNIT). */
  "finding.accept.unit": ["SECRETARY"],
  /** Any of the three acceptances: which one a user holds for a finding is the scope's question (canAcceptAs). */
  "finding.accept": ["INSPECTOR", "ADMIN", "SUPERVISOR", "SECRETARY"],
  /** Reopen a closed-out finding: its group or the committee. */
  "finding.reopen": ["INSPECTOR", "ADMIN", "SUPERVISOR"],
  /** Bring evidence to a finding: the group to a draft, the unit while it rectifies. */
  "finding.evidence": ["INSPECTOR", "SECRETARY", "STAFF"],
  /** Analyse findings across units. */
  "finding.analyse": ["ADMIN", "SUPERVISOR", "INSPECTOR"],
  "finding.category.edit": ["ADMIN"],
  /** Hear of a report issued on one's organization, and of its findings reopened. */
  "report.notice": ["SECRETARY"],
  /** Receive the escalations (reminder, warning, accountability notice) addressed to one's organization. */
  "escalation.receive": ["SECRETARY", "SUPERVISOR", "ADMIN"],
  /** Keep the organization tree within one's subtree: create, rename, re-code, move, merge, close; import it. An administrator granted on a unit manages that unit alone. */
  "org.manage": ["ADMIN"],
  /** Keep the accounts and role grants of the people within one's subtree: create, edit, deactivate, reset passwords; import them. */
  "user.manage": ["ADMIN"],
  /** Read the term, appointment-talk and head-change ledgers (换届, 任职谈话, 负责人调整) of the organizations one reaches. */
  "term.read": ["ADMIN", "SUPERVISOR", "SECRETARY"],
  /** Record elections, appointment talks and head changes of the organizations below one's own (the level above records them), or anywhere one administers. */
  "term.record": ["ADMIN", "SECRETARY"],
  /** Hear that one's organization's term, or a term one level below, falls due. */
  "term.notice": ["SECRETARY"],
  /** The year's rating (述职评议考核): configure its scheme and preview the scores of the units rated; held on a tree's top. */
  "rating.manage": ["ADMIN", "SUPERVISOR"],
  /** Give one's own unit's self-rating (自评): held on the rated unit itself, not above it. */
  "rating.self": ["SECRETARY"],
  /** Register and keep one's own organization's secretary projects (书记项目): held on the organization itself, not above it. */
  "project.keep": ["SECRETARY"],
  /** See the branches' grades (分类定级) in one's subtrees: their history, the distribution, the moves. */
  "grading.read": ["ADMIN", "SUPERVISOR", "SECRETARY", "STAFF"],
  /** Propose the grade of a branch below one's organization (the party committee above it), with the evidence on the five basics. */
  "grading.propose": ["SECRETARY", "STAFF"],
  /** Set the year's grading scheme, confirm or change the proposed grades, open and convert weak-and-lax turnaround cases, designate and review model sites: held on a tree's top (the working committee). */
  "grading.confirm": ["ADMIN", "SUPERVISOR"],
  /** Record the meetings of a branch's organizational life (三会一课): on the branch itself or above it. */
  "meeting.record": ["SECRETARY", "STAFF"],
  /** See the year's published results of the units in one's subtrees, and one's own unit's rating page. */
  "rating.read": ["ADMIN", "SUPERVISOR", "SECRETARY", "STAFF"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof POLICY;

/** The roles that hold a permission. */
export function rolesOf(permission: Permission): readonly Role[] {
  return POLICY[permission];
}

/** Whether `actor` holds the permission anywhere (pages and navigation; records are checked with the scope). */
export function can(actor: { grants: readonly { role: Role }[] }, permission: Permission): boolean {
  const roles: readonly Role[] = POLICY[permission];
  return actor.grants.some((g) => roles.includes(g.role));
}

/** The roles that hold any of these permissions (a registry rule open to several parties). */
export function rolesOfAny(...permissions: Permission[]): readonly Role[] {
  return [...new Set(permissions.flatMap((p) => POLICY[p]))];
}
