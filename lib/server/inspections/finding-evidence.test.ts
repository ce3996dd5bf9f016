import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RectificationState, ReportStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { DomainError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { readableEvidenceWhere, reusableEvidenceWhere } from "@/lib/server/evidence/evidence-scope";
import { getEvidenceFileDownload, getItemEvidence } from "@/lib/server/evidence/read-evidence";
import {
  addFindingEvidence,
  addFindingFileEvidence,
  canAddFindingEvidence,
  loadFindingEvidence,
  reviseFindingEvidenceFile,
} from "@/lib/server/inspections/finding-evidence";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { downloaded, pdfBytes, pngBytes } from "@/lib/test/evidence-files";
import { useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let inspector: Actor;
let outsider: Actor;
let unit: Actor;
let otherUnit: Actor;
let supervisor: Actor;

beforeAll(async () => {
  drop = await useSeededDatabase("finding-evidence");
  [inspector, unit, otherUnit, supervisor] = await Promise.all([actorFor("inspector"), actorFor("u01-secretary"), actorFor("u02-secretary"), actorFor("supervisor")]);
  // An inspector of the same committee, but not of this round's group.
  outsider = await actorWithRole("INSPECTOR", "WC");
});
afterAll(() => drop());

let rounds = 0;
/** A round whose group is the inspector alone, with a report on `orgCode` holding one finding. */
async function newFinding(opts: { orgCode?: string; status?: ReportStatus; state?: RectificationState } = {}) {
  const { orgCode = "U01", status = "DRAFT", state = "OPEN" } = opts;
  rounds += 1;
  const round = await prisma.inspectionRound.create({
    data: {
      title: `督查 ${rounds}`,
      type: "ROUTINE",
      scopeOrgId: await orgId("WC"),
      startsOn: new Date("2026-11-01"),
      endsOn: new Date("2026-11-30"),
      createdById: inspector.id,
      members: { create: { userId: inspector.id, isLeader: true } },
    },
    select: { id: true },
  });
  const unitOrgId = await orgId(orgCode);
  const report = await prisma.inspectionReport.create({
    data: { roundId: round.id, orgId: unitOrgId, status, issuedAt: status === "ISSUED" ? new Date() : null },
    select: { id: true },
  });
  const finding = await prisma.finding.create({
    data: { reportId: report.id, roundId: round.id, orgId: unitOrgId, seq: 1, description: "三会一课记录不全", categoryId: "fcat-conduct", state },
    select: { id: true, orgId: true },
  });
  return { ...finding, reportId: report.id };
}

const issue = (reportId: string) => prisma.inspectionReport.update({ where: { id: reportId }, data: { status: "ISSUED", issuedAt: new Date() } });

const text = (findingId: string, title = "现场检查记录") => ({ findingId, kind: "TEXT" as const, title, text: "查阅2026年支部会议记录，缺少第三季度组织生活会记录。" });

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ValidationError) return `validation:${Object.values(error.fieldErrors)[0]?.[0]}`;
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return "accepted";
}

const findingRow = (id: string) => prisma.finding.findUniqueOrThrow({ where: { id }, select: { state: true, version: true } });

describe("the group's evidence", () => {
  it("is added by the round's members to a draft: the unit's organization's, no event, audited on the finding", async () => {
    const finding = await newFinding();
    const { evidenceId } = await addFindingEvidence(inspector, text(finding.id));

    const evidence = await prisma.evidence.findUniqueOrThrow({ where: { id: evidenceId }, select: { orgId: true, createdById: true, kind: true } });
    expect(evidence).toEqual({ orgId: finding.orgId, createdById: inspector.id, kind: "TEXT" });
    const link = await prisma.findingEvidence.findUniqueOrThrow({ where: { findingId_evidenceId: { findingId: finding.id, evidenceId } } });
    expect(link.eventId).toBeNull();
    expect(await prisma.findingEvent.count({ where: { findingId: finding.id } })).toBe(0);
    expect(await findingRow(finding.id)).toEqual({ state: "OPEN", version: 1 });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "Finding", entityId: finding.id }, select: { action: true, actorId: true, orgId: true, after: true } });
    expect(audit).toMatchObject({ action: "evidence.add", actorId: inspector.id, orgId: finding.orgId, after: { evidenceId, party: "GROUP", title: "现场检查记录" } });

    const listed = await loadFindingEvidence(finding.id);
    expect(listed).toEqual([expect.objectContaining({ id: evidenceId, party: "GROUP", eventId: null, kind: "TEXT", createdBy: inspector.name })]);
  });

  it("is refused to an inspector outside the group, and to the committee", async () => {
    const finding = await newFinding();
    expect(await refusal(addFindingEvidence(outsider, text(finding.id)))).toBe("not_found");
    expect(await refusal(addFindingFileEvidence(outsider, { findingId: finding.id, title: "", name: "记录.pdf", bytes: pdfBytes() }))).toBe("not_found");
    expect(await refusal(addFindingEvidence(supervisor, text(finding.id)))).toBe("forbidden");
    expect(await prisma.findingEvidence.count({ where: { findingId: finding.id } })).toBe(0);
  });

  it("ends with the issue: the group adds nothing after", async () => {
    const finding = await newFinding();
    await issue(finding.reportId);
    expect(await refusal(addFindingEvidence(inspector, text(finding.id)))).toBe("validation:closed");
  });

  it("takes files checked by content: a PDF named .png is refused and leaves nothing", async () => {
    const finding = await newFinding();
    const before = await Promise.all([prisma.evidence.count(), prisma.evidenceFile.count(), prisma.auditLog.count()]);
    expect(await refusal(addFindingFileEvidence(inspector, { findingId: finding.id, title: "照片", name: "现场照片.png", bytes: pdfBytes() }))).toBe(
      "validation:typeMismatch",
    );
    expect(await Promise.all([prisma.evidence.count(), prisma.evidenceFile.count(), prisma.auditLog.count()])).toEqual(before);

    const stored = await addFindingFileEvidence(inspector, { findingId: finding.id, title: "", name: "现场照片.png", bytes: pngBytes() });
    expect(stored).toMatchObject({ revision: 1, fileName: "现场照片.png" });
    const revised = await reviseFindingEvidenceFile(inspector, { findingId: finding.id, evidenceId: stored.evidenceId, name: "现场照片.pdf", bytes: pdfBytes("v2") });
    expect(revised).toMatchObject({ evidenceId: stored.evidenceId, revision: 2, fileName: "现场照片.pdf" });
    const [listed] = await loadFindingEvidence(finding.id);
    expect(listed?.files.map((f) => f.revision)).toEqual([2, 1]);
    expect(listed?.title).toBe("现场照片.png");
  });
});

describe("the unit's evidence", () => {
  it("is refused before the issue, then recorded as progress that starts an open finding", async () => {
    const finding = await newFinding();
    expect(await refusal(addFindingEvidence(unit, text(finding.id)))).toBe("not_found");
    await issue(finding.reportId);

    const { evidenceId } = await addFindingEvidence(unit, { findingId: finding.id, kind: "LINK", title: "整改通报", url: "https://example.org/notice" });
    const evidence = await prisma.evidence.findUniqueOrThrow({ where: { id: evidenceId }, select: { orgId: true, createdById: true, url: true } });
    expect(evidence).toEqual({ orgId: finding.orgId, createdById: unit.id, url: "https://example.org/notice" });
    const event = await prisma.findingEvent.findFirstOrThrow({ where: { findingId: finding.id }, select: { id: true, kind: true, text: true, actorId: true } });
    expect(event).toMatchObject({ kind: "PROGRESS", text: "整改通报", actorId: unit.id });
    const link = await prisma.findingEvidence.findUniqueOrThrow({ where: { findingId_evidenceId: { findingId: finding.id, evidenceId } } });
    expect(link.eventId).toBe(event.id);
    expect(await findingRow(finding.id)).toEqual({ state: "IN_PROGRESS", version: 2 });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "Finding", entityId: finding.id }, select: { before: true, after: true } });
    expect(audit).toMatchObject({ before: { state: "OPEN" }, after: { party: "UNIT", eventId: event.id, state: "IN_PROGRESS" } });

    // A second piece adds progress but moves nothing.
    await addFindingEvidence(unit, text(finding.id, "整改措施落实情况"));
    expect(await findingRow(finding.id)).toEqual({ state: "IN_PROGRESS", version: 2 });
    expect(await prisma.findingEvent.count({ where: { findingId: finding.id, kind: "PROGRESS" } })).toBe(2);
    expect((await loadFindingEvidence(finding.id)).map((e) => e.party)).toEqual(["UNIT", "UNIT"]);
  });

  it("is taken while returned, with the state kept; a file is stored as the ledger's are", async () => {
    const finding = await newFinding({ status: "ISSUED", state: "RETURNED" });
    const stored = await addFindingFileEvidence(unit, { findingId: finding.id, title: "补充材料", name: "整改报告.pdf", bytes: pdfBytes("report") });
    expect(stored).toMatchObject({ revision: 1, fileName: "整改报告.pdf" });
    expect(await findingRow(finding.id)).toEqual({ state: "RETURNED", version: 1 });
    const [listed] = await loadFindingEvidence(finding.id);
    expect(listed).toMatchObject({ party: "UNIT", title: "补充材料", kind: "FILE" });
    expect(await downloaded(await getEvidenceFileDownload(unit, stored.fileId))).toEqual(pdfBytes("report"));
  });

  it("is refused once submitted or closed", async () => {
    for (const state of ["SUBMITTED", "CLOSED"] as const) {
      const finding = await newFinding({ status: "ISSUED", state });
      expect(await refusal(addFindingEvidence(unit, text(finding.id)))).toBe("validation:closed");
      expect(await refusal(addFindingFileEvidence(unit, { findingId: finding.id, title: "", name: "a.pdf", bytes: pdfBytes() }))).toBe("validation:closed");
    }
  });

  it("is refused to another unit", async () => {
    const finding = await newFinding({ status: "ISSUED" });
    expect(await refusal(addFindingEvidence(otherUnit, text(finding.id)))).toBe("not_found");
  });

  it("may not replace the group's file", async () => {
    const finding = await newFinding();
    const stored = await addFindingFileEvidence(inspector, { findingId: finding.id, title: "", name: "记录.pdf", bytes: pdfBytes() });
    await issue(finding.reportId);
    expect(await refusal(reviseFindingEvidenceFile(unit, { findingId: finding.id, evidenceId: stored.evidenceId, name: "记录.pdf", bytes: pdfBytes("x") }))).toBe(
      "validation:notOwnEvidence",
    );
  });
});

describe("who may add, as the page asks", () => {
  it("follows the report's status and the finding's state", () => {
    const orgPath = unit.grants[0]!.orgPath;
    // The round's scope is the working committee, the root of the tree.
    const facts = { orgPath, scopePath: `/${orgPath.split("/")[1]}/`, memberIds: [inspector.id] };
    expect(canAddFindingEvidence(inspector, { ...facts, status: "DRAFT", state: "OPEN" })).toBe(true);
    expect(canAddFindingEvidence(inspector, { ...facts, status: "ISSUED", state: "OPEN" })).toBe(false);
    expect(canAddFindingEvidence(unit, { ...facts, status: "DRAFT", state: "OPEN" })).toBe(false);
    expect(canAddFindingEvidence(unit, { ...facts, status: "ISSUED", state: "RETURNED" })).toBe(true);
    expect(canAddFindingEvidence(unit, { ...facts, status: "ISSUED", state: "SUBMITTED" })).toBe(false);
    expect(canAddFindingEvidence(otherUnit, { ...facts, status: "ISSUED", state: "OPEN" })).toBe(false);
  });
});

describe("reading a finding's evidence", () => {
  const readable = async (actor: Actor, evidenceId: string) => (await prisma.evidence.count({ where: { AND: [{ id: evidenceId }, readableEvidenceWhere(actor)] } })) === 1;
  const downloads = async (actor: Actor, fileId: string) =>
    getEvidenceFileDownload(actor, fileId).then(
      () => true,
      (error: unknown) => {
        if (error instanceof NotFoundError) return false;
        throw error;
      },
    );

  it("keeps the group's draft evidence from the unit and other inspectors until the issue", async () => {
    const finding = await newFinding();
    const stored = await addFindingFileEvidence(inspector, { findingId: finding.id, title: "暗访照片", name: "照片.png", bytes: pngBytes() });

    expect(await downloads(inspector, stored.fileId)).toBe(true);
    expect(await downloads(supervisor, stored.fileId)).toBe(true);
    expect(await downloads(unit, stored.fileId)).toBe(false);
    expect(await downloads(outsider, stored.fileId)).toBe(false);
    expect(await downloads(otherUnit, stored.fileId)).toBe(false);

    await issue(finding.reportId);
    expect(await downloads(unit, stored.fileId)).toBe(true);
    expect(await readable(unit, stored.evidenceId)).toBe(true);
    expect(await downloads(otherUnit, stored.fileId)).toBe(false);
  });

  it("lets the group and the unit read the unit's evidence, and no other unit", async () => {
    const finding = await newFinding({ status: "ISSUED" });
    const { evidenceId } = await addFindingEvidence(unit, text(finding.id, "整改台账"));
    expect(await readable(unit, evidenceId)).toBe(true);
    expect(await readable(inspector, evidenceId)).toBe(true);
    expect(await readable(supervisor, evidenceId)).toBe(true);
    expect(await readable(otherUnit, evidenceId)).toBe(false);
  });

  it("keeps the group's draft evidence out of the ledger's reuse picker", async () => {
    const finding = await newFinding();
    const { evidenceId } = await addFindingEvidence(inspector, text(finding.id, "督查组草稿材料"));
    const item = await prisma.checklistItem.findFirstOrThrow({ where: { org: { code: "U01" } }, orderBy: { id: "asc" }, select: { id: true, orgId: true } });
    await prisma.checklistItem.update({ where: { id: item.id }, data: { status: "NOT_STARTED", delegatedOrgId: null, delegatedToId: null } });

    const reusable = () => prisma.evidence.count({ where: { AND: [{ id: evidenceId }, reusableEvidenceWhere(unit, item.orgId)] } });
    expect(await reusable()).toBe(0);
    const panel = await getItemEvidence(unit, item.id);
    expect(panel.canWrite).toBe(true);
    expect(panel.attachable.map((a) => a.id)).not.toContain(evidenceId);

    // Issued, it is the unit's record like any other.
    await issue(finding.reportId);
    expect(await reusable()).toBe(1);
  });
});
