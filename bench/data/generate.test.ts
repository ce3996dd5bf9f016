import crypto from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "@/lib/env";
import type { ItemStatus, OrgType, RectificationState } from "@/lib/generated/prisma/enums";
import { openDatabase } from "@/lib/server/db/connect";
import { migrate } from "@/lib/server/db/migrate";
import { occurrencesIn } from "@/lib/server/checklists/recurrence";
import { createTestDatabase } from "@/lib/test/test-database";
import { readCatalogFile } from "@/prisma/seed/seed-demo";
import { BENCH_PASSWORD, BENCH_TABLES, DatabaseNotEmptyError, generateBenchData, type GenerateResult } from "./generate";
import { ASSIGNED_CATALOGS, COMMITTEE_ADMINS, COMMITTEE_SUPERVISORS, orgCountOf, orgCountsOf, TIER_SHAPES, UNIT_EXTRA_USERS } from "./tiers";

// Three fresh, migrated databases: two generated with seed 1 (they must hold the same rows), one with seed 2.
// The first one is then the app's database (DATABASE_URL) for the checks through the app's own queries.

const shape = TIER_SHAPES.unit;
type Db = { url: string; drop: () => Promise<void>; result: GenerateResult };
const dbs: Record<"a" | "b" | "c", Db> = {} as Record<"a" | "b" | "c", Db>;

async function freshDatabase(label: string, seed: number): Promise<Db> {
  const db = await createTestDatabase(label);
  await migrate({ target: parseDatabaseUrl(db.url), migrationsDir: path.resolve("prisma/migrations") });
  const connection = openDatabase(db.url);
  try {
    return { ...db, result: await generateBenchData(connection.prisma, { tier: "unit", seed }) };
  } finally {
    await connection.close();
  }
}

/** md5 of every generated table's rows, each table's rows in text order: equal digests, equal content. */
async function digest(url: string): Promise<Record<string, string>> {
  const connection = openDatabase(url);
  try {
    const digests: Record<string, string> = {};
    for (const table of BENCH_TABLES) {
      const [row] = await connection.prisma.$queryRawUnsafe<{ digest: string | null }[]>(
        `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table}" t`,
      );
      digests[table] = row?.digest ?? "";
    }
    return digests;
  } finally {
    await connection.close();
  }
}

beforeAll(async () => {
  dbs.a = await freshDatabase("benchdata_a", 1);
  dbs.b = await freshDatabase("benchdata_b", 1);
  dbs.c = await freshDatabase("benchdata_c", 2);
  process.env.DATABASE_URL = dbs.a.url;
});

afterAll(async () => {
  const { closeConnection } = await import("@/lib/server/db");
  await closeConnection();
  await Promise.all(Object.values(dbs).map((db) => db.drop()));
});

describe("benchmark data, unit tier", () => {
  it("has the tier's organizations, each with its secretary, and its officers", async () => {
    const { prisma } = await import("@/lib/server/db");
    const { counts } = dbs.a.result;
    expect(counts.Org).toBe(orgCountOf(shape));
    expect(counts.Org).toBe(50);
    const byType = await prisma.org.groupBy({ by: ["type"], _count: { _all: true } });
    expect(Object.fromEntries(byType.map((t) => [t.type, t._count._all]))).toEqual(orgCountsOf(shape));
    // Every organization sits under one that may hold it, with the app's materialized path.
    const [tree] = await prisma.$queryRaw<{ bad: number }[]>`
      SELECT count(*)::int AS bad FROM "Org" o LEFT JOIN "Org" p ON p."id" = o."parentId"
       WHERE (p."id" IS NULL AND (o."path" <> '/' || o."id" || '/' OR o."depth" <> 0))
          OR (p."id" IS NOT NULL AND (o."path" <> p."path" || o."id" || '/' OR o."depth" <> p."depth" + 1))`;
    expect(tree?.bad).toBe(0);
    const withoutSecretary = await prisma.org.count({ where: { roles: { none: { role: "SECRETARY" } } } });
    expect(withoutSecretary).toBe(0);
    expect(counts.User).toBe(counts.Org + COMMITTEE_ADMINS + COMMITTEE_SUPERVISORS + shape.inspectors + shape.units * UNIT_EXTRA_USERS);
    for (const account of dbs.a.result.accounts) {
      const user = await prisma.user.findUnique({ where: { username: account.username }, select: { roles: { select: { role: true, org: { select: { code: true } } } } } });
      expect(user?.roles, account.username).toContainEqual({ role: account.role, org: { code: account.orgCode } });
    }
  });

  it("signs every account in with the bench password, through the app's own check", async () => {
    const { prisma } = await import("@/lib/server/db");
    const { verifyPassword } = await import("@/lib/server/auth/password");
    const hashes = await prisma.user.groupBy({ by: ["passwordHash"], _count: { _all: true } });
    expect(hashes).toHaveLength(1);
    expect(await verifyPassword(hashes[0]!.passwordHash, BENCH_PASSWORD)).toBe(true);
    expect(await verifyPassword(hashes[0]!.passwordHash, "wrong password")).toBe(false);
  });

  it("assigns the lists for the year: one item per duty occurrence of every organization they address", async () => {
    const { prisma } = await import("@/lib/server/db");
    const orgsOfType = orgCountsOf(shape);
    let items = 0;
    let assignments = 0;
    for (const key of ASSIGNED_CATALOGS) {
      const file = readCatalogFile(key);
      const types = new Set<OrgType>();
      for (const duty of file.duties) {
        items += orgsOfType[duty.bodyType] * occurrencesIn(duty.frequency, 2026, 0).length;
        types.add(duty.bodyType);
      }
      assignments += [...types].reduce((sum, type) => sum + orgsOfType[type], 0);
    }
    expect(dbs.a.result.counts.ChecklistItem).toBe(items);
    expect(dbs.a.result.counts.Assignment).toBe(assignments);
    expect(await prisma.period.count()).toBe(5);
    // Every item belongs to its own organization's assignment, in the year's period, of its duty's list.
    const [mismatched] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "ChecklistItem" i
        JOIN "Assignment" a ON a."id" = i."assignmentId" JOIN "Duty" d ON d."id" = i."dutyId" JOIN "Org" o ON o."id" = i."orgId" JOIN "Period" p ON p."id" = i."periodId"
       WHERE a."orgId" <> i."orgId" OR a."catalogVersionId" <> d."catalogVersionId" OR d."bodyType" <> o."type" OR p."quarter" <> 0`;
    expect(mismatched?.n).toBe(0);
  });

  it("gives items every state, each with the fields its state needs, and one history row per step", async () => {
    const { prisma } = await import("@/lib/server/db");
    const statuses = await prisma.checklistItem.groupBy({ by: ["status"], _count: { _all: true } });
    const present = new Set(statuses.map((s) => s.status));
    // WITHDRAWN comes only from moving an assignment to a new version of its list, which the generator does not do.
    const expected: ItemStatus[] = ["NOT_STARTED", "IN_PROGRESS", "RETURNED", "SUBMITTED", "DONE", "NOT_APPLICABLE"];
    for (const status of expected) expect(present, status).toContain(status);
    const open = statuses.filter((s) => s.status === "NOT_STARTED" || s.status === "IN_PROGRESS").reduce((sum, s) => sum + s._count._all, 0);
    expect(open / dbs.a.result.counts.ChecklistItem).toBeGreaterThan(0.5);

    const [broken] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "ChecklistItem" i WHERE NOT CASE i."status"
        WHEN 'NOT_STARTED' THEN i."submittedAt" IS NULL AND i."completedAt" IS NULL AND i."version" = 1
        WHEN 'IN_PROGRESS' THEN i."submittedAt" IS NULL AND i."completedAt" IS NULL AND i."reviewedAt" IS NULL
        WHEN 'SUBMITTED' THEN i."submittedAt" IS NOT NULL AND i."submittedById" IS NOT NULL AND i."completedAt" IS NULL AND i."reviewedAt" IS NULL
        WHEN 'RETURNED' THEN i."reviewedAt" > i."submittedAt" AND i."reviewedById" IS NOT NULL AND i."reviewComment" IS NOT NULL
        WHEN 'DONE' THEN i."completedAt" = i."submittedAt" AND i."completedById" IS NOT NULL AND (i."reviewedAt" IS NULL OR i."reviewedAt" > i."submittedAt")
        WHEN 'NOT_APPLICABLE' THEN i."requestedNotApplicable" AND i."naReason" IS NOT NULL AND i."completedAt" IS NOT NULL
        ELSE false END
        OR i."updatedAt" < i."createdAt"`;
    expect(broken?.n).toBe(0);
    // writeItem: every step bumps the version by one and writes one audit row.
    const [history] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "ChecklistItem" i
       WHERE i."version" - 1 <> (SELECT count(*) FROM "AuditLog" l WHERE l."entityType" = 'ChecklistItem' AND l."entityId" = i."id" AND l."action" LIKE 'checklist.%')`;
    expect(history?.n).toBe(0);
    // Duties that require evidence cannot be submitted as done without any.
    const [unbacked] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "ChecklistItem" i JOIN "Duty" d ON d."id" = i."dutyId"
       WHERE d."evidenceRequired" AND i."status" IN ('SUBMITTED', 'DONE', 'RETURNED') AND NOT i."requestedNotApplicable"
         AND NOT EXISTS (SELECT 1 FROM "ItemEvidence" e WHERE e."itemId" = i."id")`;
    expect(unbacked?.n).toBe(0);
  });

  it("keeps evidence as the app does: text and links, and a few files with their SHA-256", async () => {
    const { prisma } = await import("@/lib/server/db");
    const kinds = await prisma.evidence.groupBy({ by: ["kind"], _count: { _all: true } });
    const count = (kind: string) => kinds.find((k) => k.kind === kind)?._count._all ?? 0;
    expect(count("TEXT")).toBeGreaterThan(0);
    expect(count("LINK")).toBeGreaterThan(0);
    expect(count("FILE")).toBeGreaterThan(0);
    expect(count("FILE")).toBeLessThan(count("TEXT") / 20);
    const files = await prisma.evidenceFile.findMany({ select: { content: true, sha256: true, size: true, evidence: { select: { kind: true } } } });
    expect(files).toHaveLength(count("FILE"));
    for (const file of files) {
      const bytes = Buffer.from(file.content ?? new Uint8Array());
      expect(file.evidence.kind).toBe("FILE");
      expect(file.size).toBe(bytes.length);
      expect(file.sha256).toBe(crypto.createHash("sha256").update(bytes).digest("hex"));
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    }
  });

  it("has the tier's findings in every rectification state, with acceptances and events to match", async () => {
    const { prisma } = await import("@/lib/server/db");
    const { verifyDraw, toDrawRecord } = await import("@/lib/server/inspections/draw");
    expect(dbs.a.result.counts.Finding).toBe(shape.findings);
    expect(dbs.a.result.counts.InspectionRound).toBe(shape.inspectionRounds);
    const states = await prisma.finding.groupBy({ by: ["state"], _count: { _all: true } });
    const all: RectificationState[] = ["OPEN", "IN_PROGRESS", "SUBMITTED", "RETURNED", "CLOSED"];
    expect(states.map((s) => s.state).sort()).toEqual([...all].sort());
    expect(await prisma.inspectionReport.count({ where: { status: { not: "ISSUED" } } })).toBe(0);
    const closed = await prisma.finding.findMany({ where: { state: "CLOSED" }, select: { closedAt: true, cycle: true, acceptances: { select: { party: true, cycle: true } }, events: { select: { kind: true } } } });
    for (const f of closed) {
      expect(f.closedAt).not.toBeNull();
      expect(f.acceptances.filter((a) => a.cycle === f.cycle).map((a) => a.party).sort()).toEqual(["COMMITTEE", "GROUP"]);
      expect(f.events.map((e) => e.kind)).toContain("CLOSED");
    }
    expect(await prisma.finding.count({ where: { state: { in: ["SUBMITTED", "CLOSED"] }, submittedAt: null } })).toBe(0);
    expect(await prisma.finding.count({ where: { state: "RETURNED", OR: [{ cycle: { lt: 2 } }, { lastComment: null }] } })).toBe(0);
    expect(await prisma.finding.count({ where: { state: { not: "CLOSED" }, acceptances: { some: { party: "COMMITTEE" } } } })).toBe(0);
    // Findings that name an item name one of their own organization's.
    const [foreign] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Finding" f JOIN "ChecklistItem" i ON i."id" = f."itemId" WHERE i."orgId" <> f."orgId" OR i."dutyId" <> f."dutyId"`;
    expect(foreign?.n).toBe(0);
    for (const draw of await prisma.inspectionDraw.findMany()) {
      const record = toDrawRecord(draw);
      expect(record && verifyDraw(record)).toBe(true);
    }
  });

  it("records terms in every state of the ledger, talks and notices", async () => {
    const { prisma } = await import("@/lib/server/db");
    const { asOf } = dbs.a.result;
    const current = await prisma.orgTerm.findMany({ where: { endedOn: null }, select: { dueOn: true, org: { select: { type: true } } } });
    expect(current.every((t) => t.org.type !== "PARTY_GROUP" && t.org.type !== "WORKING_COMMITTEE")).toBe(true);
    expect(current.some((t) => t.dueOn < asOf)).toBe(true);
    const halfYear = new Date(asOf.getTime() + 183 * 86_400_000);
    expect(current.some((t) => t.dueOn >= asOf && t.dueOn < halfYear)).toBe(true);
    expect(current.some((t) => t.dueOn >= halfYear)).toBe(true);
    expect(dbs.a.result.counts.AppointmentTalk).toBeGreaterThan(0);
    const notices = await prisma.notification.groupBy({ by: ["kind"], _count: { _all: true } });
    expect(notices.map((n) => n.kind)).toEqual(expect.arrayContaining(["ITEM_SUBMITTED", "ITEM_RETURNED", "REPORT_ISSUED", "TERM_DUE"]));
  });

  it("is read by the app: a branch secretary's checklist and a unit secretary's progress show their organizations' items", async () => {
    const { prisma } = await import("@/lib/server/db");
    const { loadActor } = await import("@/lib/server/auth/actor");
    const { countChecklistItems, listChecklistItems } = await import("@/lib/server/checklists/list-checklist-items");
    const { getProgress } = await import("@/lib/server/checklists/get-progress");
    const { asOf } = dbs.a.result;
    const period = await prisma.period.findFirstOrThrow({ where: { quarter: 0 }, select: { id: true } });
    const actorOf = async (username: string) => {
      const user = await prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
      const actor = await loadActor(user.id);
      if (!actor) throw new Error(`no actor ${username}`);
      return actor;
    };

    const branch = await prisma.org.findUniqueOrThrow({ where: { code: "U0001-B01" }, select: { id: true } });
    const secretary = await actorOf("u0001-b01-secretary");
    const own = await prisma.checklistItem.count({ where: { orgId: branch.id, status: { not: "WITHDRAWN" } } });
    expect(own).toBeGreaterThan(0);
    expect(await countChecklistItems(secretary, { periodId: period.id, now: asOf })).toBe(own);
    const page = await listChecklistItems(secretary, { periodId: period.id, now: asOf });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.org.id === branch.id)).toBe(true);

    const unit = await prisma.org.findUniqueOrThrow({ where: { code: "U0001" }, select: { id: true, path: true } });
    const counted = await prisma.checklistItem.count({ where: { org: { path: { startsWith: unit.path } }, status: { notIn: ["NOT_APPLICABLE", "WITHDRAWN"] } } });
    const done = await prisma.checklistItem.count({ where: { org: { path: { startsWith: unit.path } }, status: "DONE" } });
    const progress = await getProgress(await actorOf("u0001-secretary"), "progress.read", period.id, { sort: "name", dir: "asc", page: 1 }, asOf);
    expect(progress.parent?.id).toBe(unit.id);
    expect(progress.parent?.total).toBe(counted);
    expect(progress.parent?.done).toBe(done);
    expect(progress.rows.length).toBeGreaterThan(0);
  });

  it("makes the same rows from the same seed, and other rows from another seed", async () => {
    const [a, b, c] = [await digest(dbs.a.url), await digest(dbs.b.url), await digest(dbs.c.url)];
    expect(b).toEqual(a);
    expect(dbs.b.result.counts).toEqual(dbs.a.result.counts);
    for (const table of ["Org", "User", "ChecklistItem", "Finding", "AuditLog"]) expect(c[table], table).not.toBe(a[table]);
  });

  it("refuses a database that already holds organizations", async () => {
    const connection = openDatabase(dbs.b.url);
    try {
      await expect(generateBenchData(connection.prisma, { tier: "unit" })).rejects.toBeInstanceOf(DatabaseNotEmptyError);
    } finally {
      await connection.close();
    }
  });
});
