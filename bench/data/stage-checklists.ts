// The year's assignments and their checklist items, with a realistic mix of states, evidence, history
// and notices. Items are made as lib/server/assignments/assignment-core.ts makes them (one per duty
// occurrence of the period, due as recurrence.ts says), by INSERT … SELECT inside the database, a batch
// of organizations per transaction; every other row of this stage is derived from the items in SQL.
// Randomness comes from md5 of the seed and the row's id, so both engines give the same rows.
import { Prisma } from "../../lib/generated/prisma/client";
import type { ItemStatus, OrgType } from "../../lib/generated/prisma/enums";
import { occurrencesIn } from "../../lib/server/checklists/recurrence";
import type { BenchContext } from "./context";
import type { Tx } from "./insert";
import { benchId, idKind } from "./random";
import type { BenchCatalog } from "./stage-catalogs";
import { ASSIGNED_CATALOGS } from "./tiers";

/** Organizations per transaction: a batch of branches makes some 25,000 items and as many history rows. */
const ORGS_PER_BATCH = 500;
/** Batches in flight at once on PostgreSQL, each in its own transaction and connection. */
const CONCURRENCY = 2;

/** One item every organization of `type` gets: a duty occurrence of the year. `k` numbers it within the year's templates. */
export type ItemTemplate = { k: number; type: OrgType; catalogIndex: number; versionId: string; dutyId: string; occurrence: number; dueDate: string };

/** The item templates of the assigned lists for the year, as applyAssignment prepares them. */
export function itemTemplates(catalogs: readonly BenchCatalog[], year: number): ItemTemplate[] {
  const templates: ItemTemplate[] = [];
  for (const catalog of catalogs) {
    if (!(ASSIGNED_CATALOGS as readonly string[]).includes(catalog.key)) continue;
    for (const duty of [...catalog.duties].sort((a, b) => a.sortOrder - b.sortOrder)) {
      for (const o of occurrencesIn(duty.frequency, year, 0)) {
        templates.push({ k: templates.length, type: duty.bodyType, catalogIndex: catalog.index, versionId: catalog.versionId, dutyId: duty.id, occurrence: o.occurrence, dueDate: o.dueDate.toISOString().slice(0, 10) });
      }
    }
  }
  return templates;
}

/** Items per organization type: what the test holds the database to. */
export function itemsPerType(templates: readonly ItemTemplate[]): Map<OrgType, number> {
  const counts = new Map<OrgType, number>();
  for (const t of templates) counts.set(t.type, (counts.get(t.type) ?? 0) + 1);
  return counts;
}

/**
 * How the items of each phase of the year stand on the generator's day: most of those due later not
 * started or in progress; most of those already due done, some waiting for review or sent back.
 */
const STATUS_WEIGHTS: Record<"past" | "soon" | "later", [ItemStatus, number][]> = {
  past: [["DONE", 0.45], ["NOT_APPLICABLE", 0.02], ["SUBMITTED", 0.08], ["RETURNED", 0.04], ["IN_PROGRESS", 0.18], ["NOT_STARTED", 0.23]],
  soon: [["DONE", 0.12], ["NOT_APPLICABLE", 0.01], ["SUBMITTED", 0.1], ["RETURNED", 0.03], ["IN_PROGRESS", 0.34], ["NOT_STARTED", 0.4]],
  later: [["DONE", 0.03], ["NOT_APPLICABLE", 0.01], ["SUBMITTED", 0.02], ["RETURNED", 0.01], ["IN_PROGRESS", 0.18], ["NOT_STARTED", 0.75]],
};

/** Of the submissions waiting for review, the share that asks to be accepted as not applicable. */
const REQUESTS_NOT_APPLICABLE = 0.08;
/** Of the evidence pieces, the share that is a (tiny) file; the rest text (to 0.6) and links. */
const FILE_SHARE = 0.004;

const NOTE = "已按要求推进，相关材料正在整理归档。";
const NA_REASON = "本单位本年度无此项工作任务，经研究申请按不适用处理。";
const RETURN_COMMENT = "佐证材料不完整，请补充会议记录和签到表后重新提交。";
const APPROVE_COMMENT = "同意，材料齐全。";
const EVIDENCE_TITLES = ["会议记录", "学习笔记", "工作方案", "活动照片说明", "工作总结", "签到表", "情况通报", "谈话记录"];

/** A fraction in [0, 1) from 32 bits of an md5 hex column. */
function frac(hash: Prisma.Sql, slot: number): Prisma.Sql {
  return Prisma.sql`(('x' || substr(${hash}, ${Prisma.raw(String(slot * 8 + 1))}, 8))::bit(32)::bigint / 4294967296.0)`;
}

function statusCase(r: Prisma.Sql, weights: [ItemStatus, number][]): Prisma.Sql {
  let upTo = 0;
  const whens = weights.slice(0, -1).map(([status, weight]) => {
    upTo += weight;
    return Prisma.sql`WHEN ${r} < ${Prisma.raw(upTo.toFixed(4))} THEN ${Prisma.raw(`'${status}'`)}`;
  });
  return Prisma.sql`CASE ${Prisma.join(whens, " ")} ELSE ${Prisma.raw(`'${weights.at(-1)![0]}'`)} END`;
}

const ts = (at: Date) => Prisma.sql`${at.toISOString()}::timestamp`;
const day = Prisma.raw(`interval '1 day'`);

/** The moment the item was last saved before its submission (its first step), from its hash: shared by the item and its history. */
function workTimeSql(hash: Prisma.Sql, submittedAt: Prisma.Sql, createdAt: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`GREATEST(${createdAt} + ${day}, ${submittedAt} - (1 + ${frac(hash, 2)} * 10) * ${day})`;
}

type Batch = { lo: string; hi: string };
type Clock = { asOf: Date; assignedAt: Date };

async function insertAssignments(tx: Tx, ctx: BenchContext, batch: Batch, templates: readonly ItemTemplate[], clock: Clock): Promise<number> {
  const pairs = [...new Map(templates.map((t) => [`${t.versionId}/${t.type}`, t])).values()];
  return tx.$executeRaw`
    INSERT INTO "Assignment" ("id", "catalogVersionId", "periodId", "orgId", "reviewMode", "createdAt")
    SELECT replace(o."id", ${idKind("o")}, ${idKind("a")}) || 'k' || c."vi", c."versionId", ${ctx.periodIds.year}, o."id", 'PARENT', ${ts(clock.assignedAt)}
      FROM "Org" o
      JOIN unnest(${pairs.map((p) => p.versionId)}::text[], ${pairs.map((p) => String(p.catalogIndex))}::text[], ${pairs.map((p) => p.type as string)}::text[])
           AS c("versionId", "vi", "type") ON c."type" = o."type"::text
     WHERE o."id" BETWEEN ${batch.lo} AND ${batch.hi}`;
}

async function insertItems(tx: Tx, ctx: BenchContext, batch: Batch, templates: readonly ItemTemplate[], clock: Clock): Promise<number> {
  const asOf = ts(clock.asOf);
  const asOfDay = clock.asOf.toISOString().slice(0, 10);
  const h = Prisma.sql`x."h"`;
  const phase = Prisma.sql`CASE WHEN x."due" < ${asOfDay}::date THEN 'past' WHEN x."due" <= ${asOfDay}::date + 30 THEN 'soon' ELSE 'later' END`;
  const drawn = Prisma.sql`CASE ${phase}
      WHEN 'past' THEN ${statusCase(frac(h, 0), STATUS_WEIGHTS.past)}
      WHEN 'soon' THEN ${statusCase(frac(h, 0), STATUS_WEIGHTS.soon)}
      ELSE ${statusCase(frac(h, 0), STATUS_WEIGHTS.later)} END`;
  // Without a reviewer (the committee's own items) a submission settles at once.
  const status = Prisma.sql`CASE WHEN x."reviewer" IS NULL AND s0."drawn" = 'SUBMITTED' THEN 'DONE'
                                 WHEN x."reviewer" IS NULL AND s0."drawn" = 'RETURNED' THEN 'IN_PROGRESS'
                                 ELSE s0."drawn" END`;
  const submitted = Prisma.sql`LEAST(x."due"::timestamp + interval '10 hours' - ${frac(h, 1)} * 12 * ${day}, ${asOf} - (0.5 + ${frac(h, 1)} * 6) * ${day})`;
  const work = workTimeSql(h, Prisma.sql`t."submittedAt"`, ts(clock.assignedAt));
  const isReviewed = Prisma.sql`(s."status" IN ('DONE', 'RETURNED', 'NOT_APPLICABLE') AND x."reviewer" IS NOT NULL)`;
  const wasSubmitted = Prisma.sql`s."status" IN ('SUBMITTED', 'DONE', 'RETURNED', 'NOT_APPLICABLE')`;
  const asksNotApplicable = Prisma.sql`(s."status" = 'NOT_APPLICABLE' OR (s."status" = 'SUBMITTED' AND ${frac(h, 2)} < ${Prisma.raw(String(REQUESTS_NOT_APPLICABLE))}))`;
  return tx.$executeRaw`
    INSERT INTO "ChecklistItem" ("id", "assignmentId", "orgId", "dutyId", "periodId", "occurrence", "dueDate", "status", "ownerId", "note",
                                 "submittedAt", "submittedById", "requestedNotApplicable", "naReason", "reviewedAt", "reviewedById", "reviewComment",
                                 "completedAt", "completedById", "version", "createdAt", "updatedAt")
    SELECT x."id", x."assignmentId", x."orgId", x."dutyId", ${ctx.periodIds.year}, x."occurrence", x."due", s."status"::"ItemStatus",
           CASE WHEN s."status" <> 'NOT_STARTED' AND ${frac(h, 3)} < 0.5 THEN x."worker" END,
           CASE WHEN s."status" <> 'NOT_STARTED' AND NOT ${asksNotApplicable} THEN ${NOTE} END,
           CASE WHEN ${wasSubmitted} THEN t."submittedAt" END,
           CASE WHEN ${wasSubmitted} THEN x."worker" END,
           ${asksNotApplicable},
           CASE WHEN ${asksNotApplicable} THEN ${NA_REASON} END,
           CASE WHEN ${isReviewed} THEN t."reviewedAt" END,
           CASE WHEN ${isReviewed} THEN x."reviewer" END,
           CASE WHEN s."status" = 'RETURNED' THEN ${RETURN_COMMENT} WHEN ${isReviewed} AND s."status" = 'DONE' AND ${frac(h, 3)} < 0.2 THEN ${APPROVE_COMMENT} END,
           CASE WHEN s."status" IN ('DONE', 'NOT_APPLICABLE') THEN t."submittedAt" END,
           CASE WHEN s."status" IN ('DONE', 'NOT_APPLICABLE') THEN x."worker" END,
           -- One version per step: save, submit (or ask for n/a), then the review.
           CASE s."status" WHEN 'NOT_STARTED' THEN 1 WHEN 'IN_PROGRESS' THEN 2
                           WHEN 'SUBMITTED' THEN CASE WHEN ${asksNotApplicable} THEN 2 ELSE 3 END
                           WHEN 'NOT_APPLICABLE' THEN CASE WHEN x."reviewer" IS NULL THEN 2 ELSE 3 END
                           ELSE CASE WHEN x."reviewer" IS NULL THEN 3 ELSE 4 END END,
           ${ts(clock.assignedAt)},
           CASE WHEN s."status" = 'NOT_STARTED' THEN ${ts(clock.assignedAt)}
                WHEN s."status" = 'IN_PROGRESS' THEN ${work}
                WHEN ${isReviewed} THEN t."reviewedAt"
                ELSE t."submittedAt" END
      FROM (
        SELECT replace(o."id", ${idKind("o")}, ${idKind("i")}) || 'k' || lpad(tp."k"::text, 3, '0') AS "id",
               a."id" AS "assignmentId", o."id" AS "orgId", tp."dutyId", tp."occurrence", tp."due",
               replace(o."id", ${idKind("o")}, ${idKind("us")}) AS "worker",
               replace(o."parentId", ${idKind("o")}, ${idKind("us")}) AS "reviewer",
               md5(${`${ctx.seed}:item:`}::text || replace(o."id", ${idKind("o")}, ${idKind("i")}) || 'k' || lpad(tp."k"::text, 3, '0')) AS "h"
          FROM "Org" o
          JOIN unnest(${templates.map((t) => t.type as string)}::text[], ${templates.map((t) => t.versionId)}::text[], ${templates.map((t) => t.dutyId)}::text[],
                      ${templates.map((t) => t.k)}::int[], ${templates.map((t) => t.occurrence)}::int[], ${templates.map((t) => t.dueDate)}::date[])
               AS tp("type", "versionId", "dutyId", "k", "occurrence", "due") ON tp."type" = o."type"::text
          JOIN "Assignment" a ON a."orgId" = o."id" AND a."catalogVersionId" = tp."versionId" AND a."periodId" = ${ctx.periodIds.year}
         WHERE o."id" BETWEEN ${batch.lo} AND ${batch.hi}
      ) x
      CROSS JOIN LATERAL (SELECT ${drawn} AS "drawn") s0
      CROSS JOIN LATERAL (SELECT ${status} AS "status") s
      CROSS JOIN LATERAL (SELECT ${submitted} AS "submittedAt") t0
      CROSS JOIN LATERAL (SELECT t0."submittedAt", LEAST(t0."submittedAt" + (0.2 + ${frac(h, 3)} * 4) * ${day}, ${asOf} - interval '1 hour') AS "reviewedAt") t`;
}

/** The audit state lib/server/checklists/write-item.ts keeps of an item, as SQL. */
function stateJson(s: { status: Prisma.Sql; version: Prisma.Sql; note?: Prisma.Sql; completedAt?: Prisma.Sql; completedById?: Prisma.Sql; requestedNotApplicable?: Prisma.Sql; naReason?: Prisma.Sql; reviewComment?: Prisma.Sql }): Prisma.Sql {
  const NULL = Prisma.sql`NULL::text`;
  return Prisma.sql`jsonb_build_object('status', ${s.status}::text, 'note', ${s.note ?? NULL}, 'version', ${s.version},
    'completedAt', to_char(${s.completedAt ?? Prisma.sql`NULL::timestamp`}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'completedById', ${s.completedById ?? NULL},
    'delegatedOrgId', NULL::text, 'delegatedToId', NULL::text, 'requestedNotApplicable', ${s.requestedNotApplicable ?? Prisma.sql`false`},
    'naReason', ${s.naReason ?? NULL}, 'reviewComment', ${s.reviewComment ?? NULL})`;
}

/** The history of each item, a row per step as writeItem writes it: save, submit or ask for n/a, approve or return. */
async function insertItemHistory(tx: Tx, ctx: BenchContext, batch: Batch): Promise<number> {
  const h = Prisma.sql`md5(${`${ctx.seed}:item:`}::text || i."id")`;
  const work = workTimeSql(h, Prisma.sql`i."submittedAt"`, Prisma.sql`i."createdAt"`);
  const saveAt = Prisma.sql`CASE WHEN i."status" = 'IN_PROGRESS' THEN i."updatedAt" ELSE ${work} END`;
  const top = Prisma.sql`i."reviewedById" IS NULL AND i."status" IN ('DONE', 'NOT_APPLICABLE')`;
  const v = (n: number) => Prisma.raw(String(n));
  const steps: { n: number; action: string; where: Prisma.Sql; at: Prisma.Sql; actor: Prisma.Sql; before: Prisma.Sql; after: Prisma.Sql }[] = [
    {
      n: 1,
      action: "checklist.save",
      where: Prisma.sql`i."status" IN ('IN_PROGRESS', 'DONE', 'RETURNED') OR (i."status" = 'SUBMITTED' AND NOT i."requestedNotApplicable")`,
      at: saveAt,
      actor: Prisma.sql`i."submittedById"`,
      before: stateJson({ status: Prisma.sql`'NOT_STARTED'`, version: v(1) }),
      after: stateJson({ status: Prisma.sql`'IN_PROGRESS'`, version: v(2), note: Prisma.sql`${NOTE}::text` }),
    },
    {
      n: 2,
      action: "checklist.submit",
      where: Prisma.sql`i."status" IN ('SUBMITTED', 'DONE', 'RETURNED') AND NOT i."requestedNotApplicable"`,
      at: Prisma.sql`i."submittedAt"`,
      actor: Prisma.sql`i."submittedById"`,
      before: stateJson({ status: Prisma.sql`'IN_PROGRESS'`, version: v(2), note: Prisma.sql`${NOTE}::text` }),
      after: Prisma.sql`CASE WHEN ${top} THEN ${stateJson({ status: Prisma.sql`'DONE'`, version: v(3), note: Prisma.sql`${NOTE}::text`, completedAt: Prisma.sql`i."completedAt"`, completedById: Prisma.sql`i."completedById"` })}
                             ELSE ${stateJson({ status: Prisma.sql`'SUBMITTED'`, version: v(3), note: Prisma.sql`${NOTE}::text` })} END`,
    },
    {
      n: 2,
      action: "checklist.requestNotApplicable",
      where: Prisma.sql`i."requestedNotApplicable"`,
      at: Prisma.sql`i."submittedAt"`,
      actor: Prisma.sql`i."submittedById"`,
      before: stateJson({ status: Prisma.sql`'NOT_STARTED'`, version: v(1) }),
      after: Prisma.sql`CASE WHEN ${top} THEN ${stateJson({ status: Prisma.sql`'NOT_APPLICABLE'`, version: v(2), completedAt: Prisma.sql`i."completedAt"`, completedById: Prisma.sql`i."completedById"`, requestedNotApplicable: Prisma.sql`true`, naReason: Prisma.sql`i."naReason"` })}
                             ELSE ${stateJson({ status: Prisma.sql`'SUBMITTED'`, version: v(2), requestedNotApplicable: Prisma.sql`true`, naReason: Prisma.sql`i."naReason"` })} END`,
    },
    {
      n: 3,
      action: "checklist.approve",
      where: Prisma.sql`i."status" IN ('DONE', 'NOT_APPLICABLE') AND i."reviewedById" IS NOT NULL`,
      at: Prisma.sql`i."reviewedAt"`,
      actor: Prisma.sql`i."reviewedById"`,
      before: stateJson({ status: Prisma.sql`'SUBMITTED'`, version: Prisma.sql`i."version" - 1`, note: Prisma.sql`i."note"`, requestedNotApplicable: Prisma.sql`i."requestedNotApplicable"`, naReason: Prisma.sql`i."naReason"` }),
      after: stateJson({
        status: Prisma.sql`i."status"`,
        version: Prisma.sql`i."version"`,
        note: Prisma.sql`i."note"`,
        completedAt: Prisma.sql`i."completedAt"`,
        completedById: Prisma.sql`i."completedById"`,
        requestedNotApplicable: Prisma.sql`i."requestedNotApplicable"`,
        naReason: Prisma.sql`i."naReason"`,
        reviewComment: Prisma.sql`i."reviewComment"`,
      }),
    },
    {
      n: 3,
      action: "checklist.return",
      where: Prisma.sql`i."status" = 'RETURNED'`,
      at: Prisma.sql`i."reviewedAt"`,
      actor: Prisma.sql`i."reviewedById"`,
      before: stateJson({ status: Prisma.sql`'SUBMITTED'`, version: v(3), note: Prisma.sql`i."note"` }),
      after: stateJson({ status: Prisma.sql`'RETURNED'`, version: v(4), note: Prisma.sql`i."note"`, reviewComment: Prisma.sql`i."reviewComment"` }),
    },
  ];
  let rows = 0;
  for (const step of steps) {
    rows += await tx.$executeRaw`
      INSERT INTO "AuditLog" ("id", "actorId", "action", "entityType", "entityId", "orgId", "before", "after", "createdAt")
      SELECT replace(i."id", ${idKind("i")}, ${idKind("ai")}) || ${`s${step.n}`}, COALESCE(${step.actor}, replace(i."orgId", ${idKind("o")}, ${idKind("us")})),
             ${step.action}, 'ChecklistItem', i."id", i."orgId", ${step.before}, ${step.after}, ${step.at}
        FROM "ChecklistItem" i
       WHERE i."orgId" BETWEEN ${batch.lo} AND ${batch.hi} AND (${step.where})`;
  }
  return rows;
}

/**
 * Evidence for the items that were worked on: one piece each for the submitted and settled ones (always
 * when the duty requires it, else often) and for some in progress; mostly text and links, a few tiny
 * PDF files with their SHA-256. Each is linked to its item and recorded in the item's history.
 */
async function insertEvidence(tx: Tx, ctx: BenchContext, batch: Batch): Promise<number> {
  const h = Prisma.sql`md5(${`${ctx.seed}:evidence:`}::text || i."id")`;
  const hi = md5Fraction(h);
  const work = workTimeSql(Prisma.sql`md5(${`${ctx.seed}:item:`}::text || i."id")`, Prisma.sql`i."submittedAt"`, Prisma.sql`i."createdAt"`);
  const at = Prisma.sql`(CASE WHEN i."status" = 'IN_PROGRESS' THEN i."updatedAt" ELSE ${work} END - interval '1 hour')`;
  const evidenceId = Prisma.sql`replace(i."id", ${idKind("i")}, ${idKind("e")})`;
  const worker = Prisma.sql`replace(i."orgId", ${idKind("o")}, ${idKind("us")})`;
  const chosen = Prisma.sql`((i."status" IN ('SUBMITTED', 'DONE', 'RETURNED') AND NOT i."requestedNotApplicable" AND (d."evidenceRequired" OR ${hi(0)} < 0.5))
                             OR (i."status" = 'IN_PROGRESS' AND ${hi(0)} < 0.25))`;
  const titles = Prisma.sql`(ARRAY[${Prisma.join(EVIDENCE_TITLES)}]::text[])[1 + floor(${hi(2)} * ${EVIDENCE_TITLES.length})::int]`;
  let rows = await tx.$executeRaw`
    INSERT INTO "Evidence" ("id", "orgId", "kind", "title", "text", "url", "createdById", "createdAt", "updatedAt")
    SELECT ${evidenceId}, i."orgId",
           (CASE WHEN ${hi(1)} < ${Prisma.raw(String(FILE_SHARE))} THEN 'FILE' WHEN ${hi(1)} < 0.6 THEN 'TEXT' ELSE 'LINK' END)::"EvidenceKind",
           d."title" || '：' || ${titles},
           CASE WHEN ${hi(1)} >= ${Prisma.raw(String(FILE_SHARE))} AND ${hi(1)} < 0.6 THEN '已于' || to_char(${at}, 'FMMM"月"FMDD"日"') || '完成，' || ${titles} || '已整理归档，共' || (2 + floor(${hi(3)} * 20))::int || '页。' END,
           CASE WHEN ${hi(1)} >= 0.6 THEN 'https://dj.example.gov.cn/ledger/' || i."id" END,
           ${worker}, ${at}, ${at}
      FROM "ChecklistItem" i JOIN "Duty" d ON d."id" = i."dutyId"
     WHERE i."orgId" BETWEEN ${batch.lo} AND ${batch.hi} AND ${chosen}`;
  rows += await tx.$executeRaw`
    INSERT INTO "ItemEvidence" ("itemId", "evidenceId", "attachedById", "attachedAt")
    SELECT i."id", e."id", e."createdById", e."createdAt"
      FROM "Evidence" e JOIN "ChecklistItem" i ON i."id" = replace(e."id", ${idKind("e")}, ${idKind("i")})
     WHERE e."orgId" BETWEEN ${batch.lo} AND ${batch.hi}`;
  rows += await tx.$executeRaw`
    INSERT INTO "EvidenceFile" ("id", "evidenceId", "revision", "fileName", "mediaType", "size", "sha256", "content", "uploadedById", "createdAt")
    SELECT replace(e."id", ${idKind("e")}, ${idKind("ef")}), e."id", 1, regexp_replace(e."title", '[：:/\\\\]', '-', 'g') || '.pdf', 'application/pdf',
           octet_length(c."bytes"), encode(sha256(c."bytes"), 'hex'), c."bytes", e."createdById", e."createdAt"
      FROM "Evidence" e
      CROSS JOIN LATERAL (SELECT convert_to('%PDF-1.4' || chr(10) || '% ' || e."id" || chr(10) ||
             '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj' || chr(10) || '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj' || chr(10) ||
             'trailer << /Root 1 0 R >>' || chr(10) || '%%EOF' || chr(10), 'UTF8') AS "bytes") c
     WHERE e."orgId" BETWEEN ${batch.lo} AND ${batch.hi} AND e."kind" = 'FILE'`;
  rows += await tx.$executeRaw`
    INSERT INTO "AuditLog" ("id", "actorId", "action", "entityType", "entityId", "orgId", "after", "createdAt")
    SELECT replace(e."id", ${idKind("e")}, ${idKind("ae")}), e."createdById", 'evidence.add', 'ChecklistItem', ie."itemId", e."orgId",
           CASE WHEN e."kind" = 'FILE'
                THEN jsonb_build_object('evidenceId', e."id", 'kind', 'FILE', 'title', e."title", 'fileName', f."fileName", 'size', f."size", 'sha256', f."sha256", 'revision', 1)
                ELSE jsonb_build_object('evidenceId', e."id", 'kind', e."kind"::text, 'title', e."title", 'url', e."url") END,
           e."createdAt"
      FROM "Evidence" e
      JOIN "ItemEvidence" ie ON ie."evidenceId" = e."id"
      LEFT JOIN "EvidenceFile" f ON f."evidenceId" = e."id"
     WHERE e."orgId" BETWEEN ${batch.lo} AND ${batch.hi}`;
  return rows;
}

function md5Fraction(hash: Prisma.Sql): (slot: number) => Prisma.Sql {
  return (slot) => frac(hash, slot);
}

/** Notices the steps raised: submissions waiting for their reviewers, returns (half of them read), a few approvals. */
async function insertItemNotices(tx: Tx, ctx: BenchContext, batch: Batch): Promise<number> {
  const h = md5Fraction(Prisma.sql`md5(${`${ctx.seed}:notice:`}::text || i."id")`);
  const columns = Prisma.sql`("id", "userId", "kind", "itemId", "actorId", "payload", "readAt", "createdAt")`;
  const inBatch = Prisma.sql`i."orgId" BETWEEN ${batch.lo} AND ${batch.hi}`;
  let rows = await tx.$executeRaw`
    INSERT INTO "Notification" ${columns}
    SELECT replace(i."id", ${idKind("i")}, ${idKind("ns")}), replace(o."parentId", ${idKind("o")}, ${idKind("us")}), 'ITEM_SUBMITTED', i."id", i."submittedById", NULL, NULL, i."submittedAt"
      FROM "ChecklistItem" i JOIN "Org" o ON o."id" = i."orgId"
     WHERE ${inBatch} AND i."status" = 'SUBMITTED' AND o."parentId" IS NOT NULL`;
  rows += await tx.$executeRaw`
    INSERT INTO "Notification" ${columns}
    SELECT replace(i."id", ${idKind("i")}, ${idKind("nr")}), i."submittedById", 'ITEM_RETURNED', i."id", i."reviewedById",
           jsonb_build_object('comment', i."reviewComment"), CASE WHEN ${h(0)} < 0.5 THEN i."reviewedAt" + interval '1 day' END, i."reviewedAt"
      FROM "ChecklistItem" i
     WHERE ${inBatch} AND i."status" = 'RETURNED'`;
  rows += await tx.$executeRaw`
    INSERT INTO "Notification" ${columns}
    SELECT replace(i."id", ${idKind("i")}, ${idKind("na")}), i."submittedById", 'ITEM_APPROVED', i."id", i."reviewedById",
           CASE WHEN i."reviewComment" IS NOT NULL THEN jsonb_build_object('comment', i."reviewComment") END, i."reviewedAt" + interval '2 hours', i."reviewedAt"
      FROM "ChecklistItem" i
     WHERE ${inBatch} AND i."status" = 'DONE' AND i."reviewedById" IS NOT NULL AND ${h(1)} < 0.1`;
  return rows;
}

/** The assignment's own history row, one per list and batch as applyAssignment writes it. */
async function insertAssignmentAudit(tx: Tx, ctx: BenchContext, batchNo: number, batch: Batch, templates: readonly ItemTemplate[], clock: Clock): Promise<void> {
  for (const { versionId, catalogIndex } of [...new Map(templates.map((t) => [t.versionId, t])).values()]) {
    const orgTypes = [...new Set(templates.filter((t) => t.versionId === versionId).map((t) => t.type))];
    await tx.$executeRaw`
      INSERT INTO "AuditLog" ("id", "actorId", "action", "entityType", "entityId", "after", "createdAt")
      SELECT ${benchId(ctx.seed, "aa", `${String(batchNo).padStart(4, "0")}v${catalogIndex}`)}, ${benchId(ctx.seed, "ux", 0)},
             'assignment.apply', 'CatalogVersion', ${versionId},
             jsonb_build_object('periodId', ${ctx.periodIds.year}::text, 'rootOrgId', ${ctx.orgs[0]!.id}::text, 'orgTypes', ${JSON.stringify(orgTypes)}::jsonb, 'dueShiftDays', 0,
                                'organizations', count(DISTINCT a."orgId"), 'assignmentsCreated', count(DISTINCT a."id"), 'itemsCreated', count(i."id")),
             ${ts(clock.assignedAt)}
        FROM "Assignment" a LEFT JOIN "ChecklistItem" i ON i."assignmentId" = a."id"
       WHERE a."catalogVersionId" = ${versionId} AND a."orgId" BETWEEN ${batch.lo} AND ${batch.hi}
      HAVING count(a."id") > 0`;
  }
}

export type ChecklistCounts = { assignments: number; items: number };

/** PGlite is one connection inside this process: its transactions queue one behind the other. */
async function isPglite(ctx: BenchContext): Promise<boolean> {
  const [row] = await ctx.db.$queryRaw<{ version: string }[]>`SELECT version() AS version`;
  return row?.version.includes("PGlite") ?? false;
}

/**
 * Assigns the lists for the year to every organization they address, a batch of organizations per
 * transaction; on PostgreSQL two batches side by side (as applyAssignment does), since most of an
 * item's cost is the database checking its foreign keys and maintaining its indexes.
 */
export async function generateChecklists(ctx: BenchContext, catalogs: readonly BenchCatalog[]): Promise<ChecklistCounts> {
  const templates = itemTemplates(catalogs, ctx.year);
  const clock: Clock = { asOf: ctx.asOf, assignedAt: new Date(Date.UTC(ctx.year, 0, 8, 1, 0, 0)) };
  const orgs = ctx.orgs;
  const batches: Batch[] = [];
  for (let start = 0; start < orgs.length; start += ORGS_PER_BATCH) {
    batches.push({ lo: orgs[start]!.id, hi: orgs[Math.min(orgs.length, start + ORGS_PER_BATCH) - 1]!.id });
  }
  const counts: ChecklistCounts = { assignments: 0, items: 0 };
  let next = 0;
  let orgsDone = 0;
  const work = async () => {
    for (let batchNo = next++; batchNo < batches.length; batchNo = next++) {
      const batch = batches[batchNo]!;
      await ctx.db.$transaction(
        async (tx) => {
          // Two batches run side by side: read the totals only after the await, or one batch's count is lost.
          const assignments = await insertAssignments(tx, ctx, batch, templates, clock);
          const items = await insertItems(tx, ctx, batch, templates, clock);
          counts.assignments += assignments;
          counts.items += items;
          await insertAssignmentAudit(tx, ctx, batchNo, batch, templates, clock);
          await insertItemHistory(tx, ctx, batch);
          await insertEvidence(tx, ctx, batch);
          await insertItemNotices(tx, ctx, batch);
        },
        { timeout: 600_000, maxWait: 600_000 },
      );
      orgsDone = Math.min(orgs.length, orgsDone + ORGS_PER_BATCH);
      ctx.progress({ stage: `checklists (${counts.items.toLocaleString("en")} items)`, done: orgsDone, total: orgs.length });
    }
  };
  const concurrency = (await isPglite(ctx)) ? 1 : CONCURRENCY;
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, work));
  return counts;
}
