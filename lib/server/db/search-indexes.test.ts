import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { openDatabase } from "@/lib/server/db/connect";
import { countFindings, listFindingIds } from "@/lib/server/inspections/list-findings";
import { findPickerOrgs } from "@/lib/server/orgs/list-orgs";
import { searchOrgs } from "@/lib/server/orgs/browse-orgs";
import { listUsers } from "@/lib/server/users/list-users";
import { actorFor } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { seedDemoInspections } from "@/prisma/seed/seed-inspections";

// The searches in long texts (a finding's description, an organization's name or code, a person's
// name) are `ILIKE '%words%'`, which no B-tree serves; the trigram indexes of migration
// 20261206000241_trigram_search do.
const INDEXES = {
  Finding_description_idx: { table: "Finding", columns: ["description"] },
  Org_name_nameEn_code_idx: { table: "Org", columns: ["name", "nameEn", "code"] },
  User_name_username_idx: { table: "User", columns: ["name", "username"] },
} as const;

let drop: () => Promise<void>;

beforeAll(async () => {
  drop = await useSeededDatabase("search-indexes");
  // The demo's findings, for the ledger's search: opened and closed before the app's own connection.
  const seeding = openDatabase(process.env.DATABASE_URL);
  try {
    await seedDemoInspections(seeding.prisma, { now: TEST_NOW });
  } finally {
    await seeding.close();
  }
});

afterAll(() => drop());

/** The plan of `ILIKE` on one column, with sequential scans priced out so that any usable index shows. */
async function planOf(table: string, column: string, pattern: string): Promise<string> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    const rows = await tx.$queryRawUnsafe<Record<string, string>[]>(`EXPLAIN SELECT "id" FROM "${table}" WHERE "${column}" ILIKE $1`, pattern);
    return rows.map((r) => Object.values(r)[0]).join("\n");
  });
}

/** What each search of the app answers: the ledger, the organization pickers and search, the people list. */
async function answers() {
  const [supervisor, admin] = await Promise.all([actorFor("supervisor"), actorFor("admin")]);
  const ledger = { q: "责任清单" };
  const orgs = await searchOrgs(admin, { q: "离退休", page: 1 });
  return {
    findings: await countFindings(supervisor, ledger, TEST_NOW),
    findingIds: await listFindingIds(supervisor, ledger, { limit: 100, offset: 0, now: TEST_NOW }),
    orgs: { total: orgs.total, ids: orgs.hits.map((h) => h.id) },
    orgsByCode: (await findPickerOrgs(admin, "progress.read", "u01-gb1")).orgs.map((o) => o.id),
    orgsEn: (await searchOrgs(admin, { q: "retired cadres", page: 1 })).total,
    users: (await listUsers(admin, { q: "书记" })).rows.map((u) => u.id),
    usersByName: (await listUsers(admin, { q: "U01-SEC" })).rows.map((u) => u.id),
  };
}

describe("trigram search indexes", () => {
  it.each(Object.entries(INDEXES).flatMap(([index, { table, columns }]) => columns.map((column) => ({ index, table, column }))))(
    "$column of $table: ILIKE '%…%' can be served by $index",
    async ({ index, table, column }) => {
      expect(await planOf(table, column, "%党建工作%")).toContain(index);
      expect(await planOf(table, column, "%ab_c%")).toContain(index);
    },
  );

  it("every search answers the same with and without them", async () => {
    const indexed = await answers();
    expect(indexed.findings).toBeGreaterThan(0);
    expect(indexed.findingIds).toHaveLength(indexed.findings);
    expect(indexed.orgs.total).toBeGreaterThan(0);
    expect(indexed.orgsByCode.length).toBeGreaterThan(0);
    expect(indexed.orgsEn).toBeGreaterThan(0);
    expect(indexed.users.length).toBeGreaterThan(0);
    expect(indexed.usersByName.length).toBeGreaterThan(0);

    for (const index of Object.keys(INDEXES)) await prisma.$executeRawUnsafe(`DROP INDEX "${index}"`);
    try {
      expect(await answers()).toEqual(indexed);
    } finally {
      for (const [index, { table, columns }] of Object.entries(INDEXES)) {
        const ops = columns.map((c) => `"${c}" gin_trgm_ops`).join(", ");
        await prisma.$executeRawUnsafe(`CREATE INDEX "${index}" ON "${table}" USING GIN (${ops})`);
      }
    }
  });
});
