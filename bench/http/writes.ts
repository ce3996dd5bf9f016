// The write steps: tick-off (saveProgress), submit (submitItem) and approve (approveItem), the server
// actions of lib/actions/checklists.ts called over HTTP as the browser calls them from an item's page.
// Every request works on an item no other request in flight touches (items are handed out from a queue
// and a tick-off item only goes back once its answer is in), and every answer is booked, so that the
// database can be checked afterwards for exactly the writes that were acknowledged.
import fs from "node:fs";
import path from "node:path";
import type autocannon from "autocannon";
import type { PrismaClient } from "../../lib/generated/prisma/client";

export type WriteKind = "save" | "submit" | "approve";

/** The server action each step calls, and the audit action its write records. */
export const WRITE_ACTIONS: Record<WriteKind, { exportedName: string; audit: string }> = {
  save: { exportedName: "saveProgress", audit: "checklist.save" },
  submit: { exportedName: "submitItem", audit: "checklist.submit" },
  approve: { exportedName: "approveItem", audit: "checklist.approve" },
};

/** The action ids of this build, from .next/server/server-reference-manifest.json. */
export function readActionIds(): Record<WriteKind, string> {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const idOf = (name: string) => {
    const found = Object.entries(manifest.node).find(([, a]) => a.filename === "lib/actions/checklists.ts" && a.exportedName === name);
    if (!found) throw new Error(`No server action ${name} in lib/actions/checklists.ts in this build`);
    return found[0];
  };
  return { save: idOf("saveProgress"), submit: idOf("submitItem"), approve: idOf("approveItem") };
}

export type WorkItem = {
  id: string;
  version: number;
  /** Who takes the step: the branch secretary (save, submit) or the organ party committee's staff (approve). */
  username: string;
  /** Who reviews it: the organ party committee's staff above the item's branch. */
  reviewer: string;
  cookie?: string;
};

type PoolRow = { id: string; version: number; worker: string; reviewer: string; needsEvidence: boolean; status: string };

/**
 * The items of branches directly under an organ party committee, reviewed by it (assignment reviewMode
 * PARENT), not handed down: their branch secretary works on them and the committee's staff reviews
 * them. Open ones for save and submit (submit only those that need no evidence or have some),
 * submitted ones for approve.
 */
export async function loadPools(db: PrismaClient): Promise<{ open: PoolRow[]; submitted: PoolRow[] }> {
  const rows = await db.$queryRawUnsafe<PoolRow[]>(`
    SELECT i."id", i."version", i."status"::text AS "status",
           lower(o."code") || '-secretary' AS "worker", lower(p."code") || '-staff-1' AS "reviewer",
           (d."evidenceRequired" AND NOT EXISTS (SELECT 1 FROM "ItemEvidence" e WHERE e."itemId" = i."id")) AS "needsEvidence"
      FROM "ChecklistItem" i
      JOIN "Org" o ON o."id" = i."orgId" AND o."type" = 'BRANCH'
      JOIN "Org" p ON p."id" = o."parentId" AND p."type" = 'ORGAN_PARTY_COMMITTEE'
      JOIN "Assignment" a ON a."id" = i."assignmentId" AND a."reviewMode" = 'PARENT'
      JOIN "Duty" d ON d."id" = i."dutyId"
     WHERE i."status" IN ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED')
       AND i."delegatedOrgId" IS NULL AND i."delegatedToId" IS NULL
     ORDER BY o."path", i."dueDate", i."id"`);
  return {
    open: rows.filter((r) => r.status !== "SUBMITTED"),
    submitted: rows.filter((r) => r.status === "SUBMITTED"),
  };
}

/** Takes `n` rows off the front of `rows` (removing them), so that pools never share an item. */
export function take(rows: PoolRow[], n: number, as: "worker" | "reviewer", where: (r: PoolRow) => boolean = () => true): WorkItem[] {
  const picked: WorkItem[] = [];
  for (let i = 0; i < rows.length && picked.length < n; ) {
    const row = rows[i]!;
    if (where(row)) {
      picked.push({ id: row.id, version: Number(row.version), username: row[as], reviewer: row.reviewer });
      rows.splice(i, 1);
    } else i++;
  }
  return picked;
}

/** The action's result in a React Flight answer: the row holding `{"ok":…}`. */
export function actionResultOf(body: string): { ok: boolean; data?: { version?: { to: number }; status?: string }; error?: string } | null {
  for (const line of body.split("\n")) {
    const match = /^[0-9a-f]+:(\{"ok":(?:true|false).*)$/.exec(line);
    if (!match) continue;
    try {
      return JSON.parse(match[1]!) as { ok: boolean };
    } catch {
      return null;
    }
  }
  return null;
}

/** What each write step asked for and what the server said. */
export class WriteLedger {
  /** Writes sent, and writes acknowledged with `{ ok: true }`, per item and action. */
  readonly sent = new Map<string, Map<WriteKind, number>>();
  readonly answered = new Map<string, Map<WriteKind, number>>();
  readonly acked = new Map<string, Map<WriteKind, number>>();
  readonly initialVersion = new Map<string, number>();
  failures: Record<string, number> = {};

  remember(items: WorkItem[]): void {
    for (const item of items) if (!this.initialVersion.has(item.id)) this.initialVersion.set(item.id, item.version);
  }

  private bump(map: Map<string, Map<WriteKind, number>>, itemId: string, kind: WriteKind): void {
    const perItem = map.get(itemId) ?? new Map<WriteKind, number>();
    perItem.set(kind, (perItem.get(kind) ?? 0) + 1);
    map.set(itemId, perItem);
  }

  send(itemId: string, kind: WriteKind): void {
    this.bump(this.sent, itemId, kind);
  }

  answer(itemId: string, kind: WriteKind): void {
    this.bump(this.answered, itemId, kind);
  }

  ack(itemId: string, kind: WriteKind): void {
    this.bump(this.acked, itemId, kind);
  }

  count(map: "sent" | "answered" | "acked", itemId: string, kind?: WriteKind): number {
    const perItem = this[map].get(itemId);
    if (!perItem) return 0;
    return kind ? (perItem.get(kind) ?? 0) : [...perItem.values()].reduce((a, b) => a + b, 0);
  }

  fail(reason: string): void {
    this.failures[reason] = (this.failures[reason] ?? 0) + 1;
  }
}

type Ctx = { item?: WorkItem };

/**
 * The autocannon request for a write step: each request takes the next item off `queue`, posts the
 * action to the item's page with the version it holds, and books the answer. `recycle` puts a saved
 * item back (with its new version) for a later request; submit and approve use each item once.
 */
export function writeRequest(options: {
  kind: WriteKind;
  actionId: string;
  base: string;
  queue: WorkItem[];
  recycle: boolean;
  ledger: WriteLedger;
  stepFailures: Record<string, number>;
  onDone?: (item: WorkItem, status: string | undefined) => void;
}): autocannon.Request {
  const { kind, actionId, base, queue, recycle, ledger, stepFailures } = options;
  const failed = (reason: string) => {
    ledger.fail(`${kind}: ${reason}`);
    stepFailures[reason] = (stepFailures[reason] ?? 0) + 1;
  };
  return {
    method: "POST",
    setupRequest: (request, context) => {
      const item = queue.shift();
      // Never reached when the pools are sized for the step (checked before it starts).
      if (!item) throw new Error(`The ${kind} queue ran dry`);
      (context as Ctx).item = item;
      ledger.send(item.id, kind);
      const input =
        kind === "approve"
          ? { itemId: item.id, expectedVersion: item.version, comment: "" }
          : { itemId: item.id, expectedVersion: item.version, note: `bench ${kind} v${item.version}` };
      return {
        ...request,
        path: `/checklists/${item.id}`,
        headers: {
          Accept: "text/x-component",
          "Content-Type": "text/plain;charset=UTF-8",
          "Next-Action": actionId,
          Origin: base,
          Cookie: item.cookie ?? "",
        },
        body: JSON.stringify([input]),
      };
    },
    onResponse: (status, body, context) => {
      const item = (context as Ctx).item;
      if (!item) return;
      ledger.answer(item.id, kind);
      const result = status === 200 ? actionResultOf(body) : null;
      if (status !== 200) failed(`HTTP ${status}`);
      else if (!result) failed("no action result in the answer");
      else if (!result.ok) failed(`ok:false (${result.error ?? "?"})`);
      if (result?.ok && result.data?.version) {
        ledger.ack(item.id, kind);
        item.version = result.data.version.to;
        options.onDone?.(item, result.data.status);
        if (recycle) queue.push(item);
      }
    },
  };
}

export type WriteCheck = {
  kind: WriteKind;
  items: number;
  acked: number;
  /** Sent but never answered: cut off when a timed step ended, so they may or may not have landed. */
  unanswered: number;
  landed: number;
  /** Items whose version moved by exactly their audit rows, and by at least their acknowledged writes. */
  versionsOk: number;
  isOk: boolean;
};

/**
 * Checks the database against the ledger. For each step's items: the audit rows of its action written
 * since the run started must be at least the acknowledged writes (fewer: a write was lost) and at most
 * those plus the requests a timed step cut off unanswered (more: a write was duplicated); and each
 * item's version must have moved by exactly its audit rows, and by no fewer than its acknowledged writes.
 */
export async function verifyWrites(db: PrismaClient, steps: { kind: WriteKind; items: string[] }[], ledger: WriteLedger, since: Date): Promise<WriteCheck[]> {
  const allIds = [...ledger.initialVersion.keys()];
  const versions = new Map<string, number>();
  const rowsPerItem = new Map<string, Map<string, number>>();
  for (let i = 0; i < allIds.length; i += 1000) {
    const chunk = allIds.slice(i, i + 1000);
    for (const r of await db.checklistItem.findMany({ where: { id: { in: chunk } }, select: { id: true, version: true } })) versions.set(r.id, r.version);
    const grouped = await db.auditLog.groupBy({
      by: ["entityId", "action"],
      where: { entityType: "ChecklistItem", entityId: { in: chunk }, createdAt: { gte: since } },
      _count: { _all: true },
    });
    for (const g of grouped) {
      const perItem = rowsPerItem.get(g.entityId) ?? new Map<string, number>();
      perItem.set(g.action, g._count._all);
      rowsPerItem.set(g.entityId, perItem);
    }
  }
  return steps.map((step) => {
    const audit = WRITE_ACTIONS[step.kind].audit;
    let acked = 0;
    let unanswered = 0;
    let landed = 0;
    let versionsOk = 0;
    for (const id of step.items) {
      acked += ledger.count("acked", id, step.kind);
      unanswered += ledger.count("sent", id, step.kind) - ledger.count("answered", id, step.kind);
      landed += rowsPerItem.get(id)?.get(audit) ?? 0;
      const rows = [...(rowsPerItem.get(id)?.values() ?? [])].reduce((a, b) => a + b, 0);
      const moved = (versions.get(id) ?? 0) - (ledger.initialVersion.get(id) ?? 0);
      if (moved === rows && moved >= ledger.count("acked", id)) versionsOk++;
    }
    return { kind: step.kind, items: step.items.length, acked, unanswered, landed, versionsOk, isOk: landed >= acked && landed <= acked + unanswered && versionsOk === step.items.length };
  });
}
