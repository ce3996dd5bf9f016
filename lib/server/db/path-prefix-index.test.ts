import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { itemScopeSql } from "@/lib/server/access/item-scope";
import { pathUnderSql, scopePatterns } from "@/lib/server/access/scope";
import { prisma } from "@/lib/server/db";
import { actorFor } from "@/lib/test/actors";
import { useSeededDatabase } from "@/lib/test/seeded-database";

// A subtree is read by its path prefix (`path LIKE '/a/b/%'`). Under the collation a province's
// PostgreSQL runs with, the unique index on Org.path cannot serve LIKE; Org_path_prefix_idx
// (text_pattern_ops) can, but only for one pattern at a time: `LIKE ANY (array)` is never
// indexed, so pathUnderSql writes one LIKE per pattern.

let drop: () => Promise<void>;
beforeAll(async () => {
  drop = await useSeededDatabase("path-prefix-index");
});
afterAll(() => drop());

/** The plan of a query with sequential scans priced out, so that any usable index shows. */
async function planOf(query: Prisma.Sql): Promise<string> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    const rows = await tx.$queryRaw<Record<string, string>[]>(Prisma.sql`EXPLAIN ${query}`);
    return rows.map((r) => Object.values(r)[0]).join("\n");
  });
}

const orgsUnder = (condition: Prisma.Sql) => Prisma.sql`SELECT s."id" FROM "Org" s WHERE ${condition}`;
/** An index bounds the scan by the prefix: the path in an Index Cond, not only in a Filter. */
const BOUNDED_BY_PATH = /Index Cond: .*\bpath\b/;

describe("organizations under a path prefix", () => {
  it("are found through an index, one pattern or several, where LIKE ANY scans every organization", async () => {
    const [branch, unit] = await Promise.all([actorFor("u01-branch"), actorFor("u02-secretary")]);
    const patterns = [...scopePatterns(branch, "checklist.read"), ...scopePatterns(unit, "checklist.read")];
    expect(patterns).toHaveLength(2);
    for (const some of [patterns.slice(0, 1), patterns]) {
      expect(await planOf(orgsUnder(pathUnderSql(Prisma.sql`s."path"`, some)))).toMatch(BOUNDED_BY_PATH);
    }
    // The shape it replaced, to show that the plan tells them apart.
    expect(await planOf(orgsUnder(Prisma.sql`s."path" LIKE ANY (${patterns}::text[])`))).not.toMatch(BOUNDED_BY_PATH);
  });

  it("are the ones LIKE ANY finds, and none for no pattern", async () => {
    const unit = await actorFor("u01-secretary");
    const committee = await actorFor("wc-secretary");
    const cases = [[], scopePatterns(unit, "checklist.read"), [...scopePatterns(unit, "checklist.read"), ...scopePatterns(committee, "checklist.read")]];
    for (const patterns of cases) {
      const [indexed, scanned] = await Promise.all([
        prisma.$queryRaw<{ id: string }[]>(Prisma.sql`${orgsUnder(pathUnderSql(Prisma.sql`s."path"`, patterns))} ORDER BY s."id"`),
        prisma.$queryRaw<{ id: string }[]>(Prisma.sql`${orgsUnder(Prisma.sql`s."path" LIKE ANY (${patterns}::text[])`)} ORDER BY s."id"`),
      ]);
      expect(indexed).toEqual(scanned);
      expect(indexed.length > 0).toBe(patterns.length > 0);
    }
  });

  it("bound a branch secretary's item scope", async () => {
    const branch = await actorFor("u01-branch");
    const plan = await planOf(Prisma.sql`SELECT i."id" FROM "ChecklistItem" i WHERE ${itemScopeSql(branch, "checklist.read", { delegates: true })}`);
    expect(plan).toMatch(BOUNDED_BY_PATH);
  });
});
