import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RectificationState } from "@/lib/generated/prisma/enums";
import { isFindingOpen } from "@/lib/finding-state";
import { reachesPath } from "@/lib/server/access/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { assertId, DomainError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { checkEvidenceFile } from "@/lib/server/evidence/file-type";
import { evidenceSelect, toEvidenceView, type EvidenceView } from "@/lib/server/evidence/read-evidence";
import { createFileEvidence, createRecordEvidence, fileSettings, storeNextRevision, withFileTransaction, type FileBytes, type FileOptions, type StoredFile } from "@/lib/server/evidence/store-file";
import { canRectify, findingReadWhere, isMember, type ReportFacts } from "@/lib/server/inspections/scope";
import type { TAddFindingEvidence } from "@/lib/validation/finding-evidence";
import type { VersionChange } from "@/lib/version-change";

type Tx = Prisma.TransactionClient;

/**
 * Whose evidence a piece on a finding is: the inspection group's, gathered
 * while it writes the report (no event), or the unit's, brought while it
 * rectifies (linked to the PROGRESS event that recorded it).
 */
export type FindingEvidenceParty = "GROUP" | "UNIT";

export type FindingEvidenceView = EvidenceView & { party: FindingEvidenceParty; eventId: string | null };

export type FindingEvidenceFacts = ReportFacts & { state: RectificationState };

/**
 * As whom `actor` may add evidence to a finding now, if at all: the group
 * (the round's members) while the report is a draft; the unit (its
 * rectifiers) once it is issued and while the finding is open.
 */
export function findingEvidenceParty(actor: Actor, facts: FindingEvidenceFacts): FindingEvidenceParty | null {
  if (facts.status === "DRAFT") return isMember(actor, facts) ? "GROUP" : null;
  return canRectify(actor, facts) && isFindingOpen(facts.state) ? "UNIT" : null;
}

/** Whether the finding's page shows `actor` the forms to add evidence. */
export function canAddFindingEvidence(actor: Actor, facts: FindingEvidenceFacts): boolean {
  return findingEvidenceParty(actor, facts) !== null;
}

type WritableFinding = { id: string; orgId: string; state: RectificationState; version: number; party: FindingEvidenceParty };

/**
 * The finding, if the actor may add evidence to it now (see
 * findingEvidenceParty). A finding the actor cannot read is not found; one
 * the actor works on, but not at this stage (the group after issue, the
 * unit once submitted or closed), is a validation error on `findingId`.
 */
async function findingTakingEvidence(db: Tx, actor: Actor, findingId: string): Promise<WritableFinding> {
  const finding = await db.finding.findFirst({
    where: { AND: [{ id: findingId }, findingReadWhere(actor)] },
    select: {
      id: true,
      orgId: true,
      state: true,
      version: true,
      org: { select: { path: true } },
      report: { select: { status: true } },
      round: { select: { members: { select: { userId: true } }, scopeOrg: { select: { path: true } } } },
    },
  });
  if (!finding) throw new NotFoundError();
  const facts: FindingEvidenceFacts = {
    status: finding.report.status,
    orgPath: finding.org.path,
    scopePath: finding.round.scopeOrg.path,
    memberIds: finding.round.members.map((m) => m.userId),
    state: finding.state,
  };
  const party = findingEvidenceParty(actor, facts);
  if (!party) {
    if (isMember(actor, facts) || reachesPath(actor, "finding.rectify", facts.orgPath)) {
      throw new ValidationError("The finding takes no evidence from this actor at this stage", { findingId: ["closed"] });
    }
    // The working committee reads findings but brings no evidence to them.
    throw new DomainError("forbidden", "Only the inspection group and the unit add evidence to a finding");
  }
  return { id: finding.id, orgId: finding.orgId, state: finding.state, version: finding.version, party };
}

/** As findingTakingEvidence, with the row locked until the transaction ends, so that its state moves in turn with the other changes to it. */
async function writableFinding(tx: Tx, actor: Actor, findingId: string): Promise<WritableFinding> {
  await tx.$queryRaw`SELECT "id" FROM "Finding" WHERE "id" = ${findingId} FOR UPDATE`;
  return findingTakingEvidence(tx, actor, findingId);
}

/**
 * Throws as the writes would if the actor may not add evidence to the
 * finding now: the upload route asks before it reads a byte of the body.
 */
export async function assertFindingTakesEvidence(actor: Actor, findingId: string): Promise<void> {
  assertId(findingId);
  await findingTakingEvidence(prisma, actor, findingId);
}

/**
 * Links new evidence to the finding. The unit's evidence is recorded as a
 * PROGRESS event (its title as the text), and starts the rectification of
 * an OPEN finding. Returns what the audit row tells of it, and how the
 * finding's version moved when its state did.
 */
async function attachToFinding(
  tx: Tx,
  actor: Actor,
  finding: WritableFinding,
  evidenceId: string,
  title: string,
): Promise<{ before?: Prisma.InputJsonObject; after: Prisma.InputJsonObject; version?: VersionChange }> {
  if (finding.party === "GROUP") {
    await tx.findingEvidence.create({ data: { findingId: finding.id, evidenceId } });
    return { after: { party: finding.party } };
  }
  const event = await tx.findingEvent.create({
    data: { findingId: finding.id, kind: "PROGRESS", text: title, actorId: actor.id },
    select: { id: true },
  });
  await tx.findingEvidence.create({ data: { findingId: finding.id, evidenceId, eventId: event.id } });
  if (finding.state !== "OPEN") return { after: { party: finding.party, eventId: event.id } };
  // The row is locked (writableFinding): the version read is the one this changes.
  await tx.finding.update({ where: { id: finding.id }, data: { state: "IN_PROGRESS", version: { increment: 1 } } });
  return {
    before: { state: "OPEN" },
    after: { party: finding.party, eventId: event.id, state: "IN_PROGRESS" },
    version: { from: finding.version, to: finding.version + 1 },
  };
}

function audit(tx: Tx, actor: Actor, finding: WritableFinding, action: string, change: { before?: Prisma.InputJsonObject; after: Prisma.InputJsonObject }) {
  return writeAudit(tx, { actorId: actor.id, action, entityType: "Finding", entityId: finding.id, orgId: finding.orgId, ...change });
}

/** Text or link evidence, new for the finding's organization and attached to the finding. */
export async function addFindingEvidence(actor: Actor, input: TAddFindingEvidence): Promise<{ evidenceId: string; version?: VersionChange }> {
  return prisma.$transaction(async (tx) => {
    const finding = await writableFinding(tx, actor, input.findingId);
    const { evidenceId } = await createRecordEvidence(tx, actor, finding.orgId, input);
    const change = await attachToFinding(tx, actor, finding, evidenceId, input.title);
    await audit(tx, actor, finding, "evidence.add", {
      before: change.before,
      after: { evidenceId, kind: input.kind, title: input.title, url: input.kind === "LINK" ? input.url : null, ...change.after },
    });
    return { evidenceId, version: change.version };
  });
}

export type FindingFileUpload = FileBytes & { findingId: string };

/**
 * A file as new evidence of the finding's organization, attached to the
 * finding. The file is checked (size, type by content, name against type)
 * before anything is written; a refused file leaves no trace.
 */
export async function addFindingFileEvidence(
  actor: Actor,
  input: FindingFileUpload & { title: string },
  options: FileOptions = {},
): Promise<StoredFile & { version?: VersionChange }> {
  const checked = checkEvidenceFile({ name: input.name, bytes: input.bytes, title: input.title, maxBytes: fileSettings(options).maxBytes });
  return withFileTransaction(options, async (write) => {
    const { tx } = write;
    const finding = await writableFinding(tx, actor, input.findingId);
    const { title, ...stored } = await createFileEvidence(write, actor, { orgId: finding.orgId, title: input.title, checked, bytes: input.bytes });
    const change = await attachToFinding(tx, actor, finding, stored.evidenceId, title);
    await audit(tx, actor, finding, "evidence.add", {
      before: change.before,
      after: {
        evidenceId: stored.evidenceId,
        kind: "FILE",
        title,
        fileName: stored.fileName,
        size: input.bytes.length,
        sha256: stored.sha256,
        revision: 1,
        ...change.after,
      },
    });
    return { ...stored, version: change.version };
  });
}

/**
 * A new revision of a file on the finding, the old ones kept: by the party
 * whose evidence it is, while that party may add evidence (the group its
 * own on a draft, the unit its own while it rectifies).
 */
export async function reviseFindingEvidenceFile(actor: Actor, input: FindingFileUpload & { evidenceId: string }, options: FileOptions = {}): Promise<StoredFile> {
  // Refuse a bad file before taking any lock; the name is settled once the title is known.
  checkEvidenceFile({ name: input.name, bytes: input.bytes, title: "", maxBytes: fileSettings(options).maxBytes });
  return withFileTransaction(options, async (write) => {
    const { tx } = write;
    const finding = await writableFinding(tx, actor, input.findingId);
    const link = await tx.findingEvidence.findUnique({
      where: { findingId_evidenceId: { findingId: finding.id, evidenceId: input.evidenceId } },
      select: { evidenceId: true, eventId: true },
    });
    if (!link) throw new NotFoundError();
    const owner: FindingEvidenceParty = link.eventId ? "UNIT" : "GROUP";
    if (owner !== finding.party) throw new ValidationError("Only the party that brought a file replaces it", { evidenceId: ["notOwnEvidence"] });
    const revised = await storeNextRevision(write, actor, link.evidenceId, input);
    if (!revised) throw new NotFoundError();
    const { stored, title, previous } = revised;
    await audit(tx, actor, finding, "evidence.revise", {
      before: previous ? { evidenceId: stored.evidenceId, revision: previous.revision, fileName: previous.fileName, sha256: previous.sha256 } : undefined,
      after: {
        evidenceId: stored.evidenceId,
        title,
        revision: stored.revision,
        fileName: stored.fileName,
        size: input.bytes.length,
        sha256: stored.sha256,
        party: finding.party,
      },
    });
    return stored;
  });
}

const ENTRY_LIMIT = 200;

/**
 * The evidence of a finding, oldest first, the group's and the unit's. It
 * does not check the reader: call it for a finding the page has already
 * read through findingReadWhere (a unit never reads a draft, so never the
 * group's evidence before issue).
 */
export async function loadFindingEvidence(findingId: string): Promise<FindingEvidenceView[]> {
  const links = await prisma.findingEvidence.findMany({
    where: { findingId },
    orderBy: [{ attachedAt: "asc" }, { evidenceId: "asc" }],
    take: ENTRY_LIMIT,
    select: { attachedAt: true, eventId: true, evidence: { select: evidenceSelect } },
  });
  return links.map(({ attachedAt, eventId, evidence }) => ({
    ...toEvidenceView(evidence, attachedAt),
    party: eventId ? "UNIT" : "GROUP",
    eventId,
  }));
}
