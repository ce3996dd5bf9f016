import "server-only";
import { rolesOf } from "@/lib/server/access/permissions";
import { reachesPath } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";

/**
 * Who records an organization's elections, appointment talks and head
 * changes: the level above it (换届选举、任职谈话由上级党组织负责). A grant of
 * `term.record` reaches the organizations strictly below the one it is
 * held on, so a unit's secretary records for the unit's organ party
 * committee and branches but not for the party group itself, and a branch
 * secretary records for nobody. Where the grant also administers
 * (`org.manage`: an administrator), it reaches its own organization too:
 * administrators keep the records of their whole subtree.
 *
 * Reading the records is `term.read` over the whole subtree (scope.ts).
 */
export function recordsFor(actor: Actor, orgPath: string): boolean {
  const recording = rolesOf("term.record");
  const administering = rolesOf("org.manage");
  return actor.grants.some(
    (g) => recording.includes(g.role) && orgPath.startsWith(g.orgPath) && (orgPath !== g.orgPath || administering.includes(g.role)),
  );
}

/** Whether the actor reads an organization's terms, talks and head changes. */
export function readsTermsOf(actor: Actor, orgPath: string): boolean {
  return reachesPath(actor, "term.read", orgPath);
}
