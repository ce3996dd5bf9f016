import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { itemScopeWhere } from "@/lib/server/access/item-scope";
import { orgScopeWhere } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { findingReadWhere } from "@/lib/server/inspections/scope";

/**
 * Not on a finding of a draft report. The inspection group's evidence on a
 * draft belongs to the unit's organization but is the group's until the
 * report is issued: only the finding's readers (findingReadWhere) see it.
 */
const NOT_ON_DRAFT_FINDING = {
  findings: { none: { finding: { report: { status: "DRAFT" } } } },
} satisfies Prisma.EvidenceWhereInput;

/**
 * The evidence an item may reuse: its own organization's, and any of the
 * organizations the writer reaches (a delegate brings their own records);
 * never the group's evidence on a draft report.
 */
export function reusableEvidenceWhere(actor: Actor, itemOrgId: string): Prisma.EvidenceWhereInput {
  // Both sides on the organization, so that the database picks the few organizations first and reads
  // their evidence by its (orgId, createdAt) index; `orgId = … OR org.path …` made it scan all evidence.
  return { AND: [{ org: { OR: [{ id: itemOrgId }, orgScopeWhere(actor, "checklist.work")] } }, NOT_ON_DRAFT_FINDING] };
}

/**
 * The evidence an actor may read and download: that of any item they read
 * (delegates included), that of any finding they read, and that of the
 * organizations their roles reach, except the group's evidence on a draft.
 */
export function readableEvidenceWhere(actor: Actor): Prisma.EvidenceWhereInput {
  return {
    OR: [
      { AND: [{ org: orgScopeWhere(actor, "checklist.read") }, NOT_ON_DRAFT_FINDING] },
      { items: { some: { item: itemScopeWhere(actor, "checklist.read", { delegates: true }) } } },
      { findings: { some: { finding: findingReadWhere(actor) } } },
    ],
  };
}
