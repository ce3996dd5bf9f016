import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayOf, isoDay, today } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { itemScopeSql, itemScopeWhere, reachesItem } from "@/lib/server/access/item-scope";
import { ALL_ROLES, type Permission } from "@/lib/server/access/permissions";
import type { Actor } from "@/lib/server/auth/actor";
import { canReview, canReviewSql, isReviewerOf, isReviewerSql, REVIEW_JOINS } from "@/lib/server/checklists/review";
import { prisma } from "@/lib/server/db";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { DEFAULT_WARNING_THRESHOLDS, itemWarning, itemWarningSql } from "@/lib/warnings";
import { termNoticeStep, termNoticeStepSql, termState, termStateSql, termWarning, termWarningSql } from "@/lib/term-rules";

/*
 * Rules that exist as TypeScript and as SQL live in one module each and are
 * held to each other here, for every kind of user, on the seeded database:
 * the item scope (lib/server/access/item-scope.ts), the reviewer rule
 * (lib/server/checklists/review.ts), the warning colours (lib/warnings.ts) and
 * the term colours and notice steps (lib/term-rules.ts).
 */

let drop: () => Promise<void>;
let periodId: string;
let actors: Actor[];

const itemSelect = {
  id: true,
  status: true,
  dueDate: true,
  submittedById: true,
  delegatedToId: true,
  org: { select: { path: true, parent: { select: { id: true, path: true } } } },
  delegatedOrg: { select: { path: true } },
  assignment: { select: { reviewMode: true, reviewerOrg: { select: { id: true, path: true } } } },
} satisfies Prisma.ChecklistItemSelect;

beforeAll(async () => {
  drop = await useSeededDatabase("rule-forms");
  periodId = (await getCurrentPeriod(TEST_NOW))!.id;
  const demo = await Promise.all(["u01-secretary", "u01-staff", "u01-branch", "u02-secretary", "wc-secretary", "supervisor", "inspector", "admin"].map(actorFor));
  const fresh = await Promise.all(ALL_ROLES.flatMap((role) => [actorWithRole(role, "U01"), actorWithRole(role, "U03-OPC")]));
  actors = [...demo, ...fresh];

  // Variety the demo lacks: delegations to an organization and to a person, submissions, a named reviewer and none.
  const items = await prisma.checklistItem.findMany({ where: { periodId, org: { code: "U01-OPC" } }, select: { id: true }, orderBy: { id: "asc" }, take: 4 });
  const person = actors.find((a) => a.username === "u02-secretary")!;
  await prisma.checklistItem.update({ where: { id: items[0]!.id }, data: { delegatedOrgId: await orgId("U01-B1") } });
  await prisma.checklistItem.update({ where: { id: items[1]!.id }, data: { delegatedToId: person.id } });
  const branchSecretary = actors.find((a) => a.username === "u01-branch")!;
  await prisma.checklistItem.updateMany({
    where: { periodId, org: { code: { in: ["U01-B1", "U02-B1", "U01"] } }, status: "NOT_STARTED" },
    data: { status: "SUBMITTED", submittedById: branchSecretary.id },
  });
  const [named, none] = await prisma.assignment.findMany({ where: { periodId, org: { code: { in: ["U02-B1", "U03-B1"] } } }, select: { id: true }, orderBy: { id: "asc" } });
  if (named) await prisma.assignment.update({ where: { id: named.id }, data: { reviewMode: "ORG", reviewerOrgId: await orgId("U02") } });
  if (none) await prisma.assignment.update({ where: { id: none.id }, data: { reviewMode: "NONE" } });
});
afterAll(() => drop());

const sorted = (ids: string[]) => [...ids].sort();

describe("the item scope", () => {
  it.each([
    ["checklist.read", true],
    ["checklist.read", false],
    ["checklist.work", true],
    ["checklist.delegate", false],
  ] as const)("%s (delegates: %s) reads the same items as a Prisma where, a SQL condition and a check of loaded items", async (permission: Permission, delegates) => {
    const all = await prisma.checklistItem.findMany({ where: { periodId }, select: itemSelect });
    expect(all.some((i) => i.delegatedOrg)).toBe(true);
    expect(all.some((i) => i.delegatedToId)).toBe(true);
    for (const actor of actors) {
      const byWhere = await prisma.checklistItem.findMany({ where: { AND: [{ periodId }, itemScopeWhere(actor, permission, { delegates })] }, select: { id: true } });
      const bySql = await prisma.$queryRaw<{ id: string }[]>`
        SELECT i."id" FROM "ChecklistItem" i JOIN "Org" o ON o."id" = i."orgId" LEFT JOIN "Org" g ON g."id" = i."delegatedOrgId"
         WHERE i."periodId" = ${periodId} AND ${itemScopeSql(actor, permission, { delegates })}`;
      const byCheck = all.filter((i) => reachesItem(actor, permission, i, { delegates }));
      const expected = sorted(byCheck.map((i) => i.id));
      expect(sorted(byWhere.map((r) => r.id)), `${actor.username}: where`).toEqual(expected);
      expect(sorted(bySql.map((r) => r.id)), `${actor.username}: sql`).toEqual(expected);
    }
  });
});

describe("the reviewer rule", () => {
  it("names the same reviewers and the same reviews in TypeScript and SQL", async () => {
    const all = await prisma.checklistItem.findMany({ where: { periodId }, select: itemSelect });
    expect(all.filter((i) => i.status === "SUBMITTED").length).toBeGreaterThan(0);
    let reviews = 0;
    for (const actor of actors) {
      const rows = await prisma.$queryRaw<{ id: string; reviewer: boolean; review: boolean }[]>`
        SELECT i."id", ${isReviewerSql(actor)} AS reviewer, ${canReviewSql(actor)} AS review
          FROM "ChecklistItem" i ${REVIEW_JOINS}
         WHERE i."periodId" = ${periodId}`;
      const bySql = new Map(rows.map((r) => [r.id, r]));
      for (const item of all) {
        expect(bySql.get(item.id)?.reviewer, `${actor.username} reviews ${item.id}`).toBe(isReviewerOf(actor, item));
        expect(bySql.get(item.id)?.review, `${actor.username} may review ${item.id}`).toBe(canReview(actor, item));
        if (canReview(actor, item)) reviews += 1;
      }
    }
    expect(reviews).toBeGreaterThan(0);
  });
});

describe("the warning colours", () => {
  it("colour every item of the seeded period alike in TypeScript and SQL", async () => {
    const day = today(TEST_NOW);
    const rows = await prisma.$queryRaw<{ id: string; colour: string | null }[]>`
      SELECT i."id", ${itemWarningSql(day, DEFAULT_WARNING_THRESHOLDS)} AS colour FROM "ChecklistItem" i WHERE i."periodId" = ${periodId}`;
    const items = await prisma.checklistItem.findMany({ where: { periodId }, select: { id: true, status: true, dueDate: true } });
    const bySql = new Map(rows.map((r) => [r.id, r.colour]));
    const colours = new Set<string | null>();
    for (const item of items) {
      const colour = itemWarning(item.status, item.dueDate, day, DEFAULT_WARNING_THRESHOLDS)?.colour ?? null;
      colours.add(colour);
      expect(bySql.get(item.id), item.id).toBe(colour);
    }
    // Items past, near and far from their due dates (the demo has no green one at TEST_NOW).
    expect([...colours]).toEqual(expect.arrayContaining(["red", "yellow", null]));
  });
});

describe("the term colours and notice steps", () => {
  it("agree in TypeScript and SQL on every due day around the boundaries, month ends and leap days included", async () => {
    const days = ["2026-11-25", "2027-02-28", "2027-08-31", "2028-02-29", "2026-12-31", "2027-03-01"].map(dayOf);
    for (const day of days) {
      // Every due day from 14 months before this day to 8 months after it.
      const rows = await prisma.$queryRaw<{ due: Date; colour: string | null; state: string; step: string | null }[]>`
        SELECT d::date AS due, ${termWarningSql(Prisma.sql`d::date`, day)} AS colour, ${termStateSql(Prisma.sql`d::date`, day)} AS state,
               ${termNoticeStepSql(Prisma.sql`d::date`, day)} AS step
          FROM generate_series(${isoDay(day)}::date - interval '14 months', ${isoDay(day)}::date + interval '8 months', interval '1 day') AS d`;
      expect(rows.length).toBeGreaterThan(600);
      const seen = new Set<string>();
      for (const row of rows) {
        const label = `${isoDay(row.due)} on ${isoDay(day)}`;
        expect(row.colour, label).toBe(termWarning(row.due, day)?.colour ?? null);
        expect(row.state, label).toBe(termState(row.due, day));
        expect(row.step, label).toBe(termNoticeStep(row.due, day));
        seen.add(row.state);
      }
      expect([...seen].sort()).toEqual(["green", "notDue", "red", "yellow"]);
    }
    const [none] = await prisma.$queryRaw<{ state: string }[]>`SELECT ${termStateSql(Prisma.sql`NULL::date`, dayOf("2026-11-25"))} AS state`;
    expect(none?.state).toBe("missing");
  });

  it("give the seeded current terms the same state in TypeScript and SQL", async () => {
    const day = today(TEST_NOW);
    const rows = await prisma.$queryRaw<{ id: string; state: string }[]>`
      SELECT o."id", ${termStateSql(Prisma.sql`t."dueOn"`, day)} AS state
        FROM "Org" o LEFT JOIN "OrgTerm" t ON t."orgId" = o."id" AND t."endedOn" IS NULL
       WHERE o."type" IN ('ORGAN_PARTY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH')`;
    const orgs = await prisma.org.findMany({ where: { type: { in: ["ORGAN_PARTY_COMMITTEE", "GENERAL_BRANCH", "BRANCH"] } }, select: { id: true, terms: { where: { endedOn: null }, select: { dueOn: true } } } });
    const bySql = new Map(rows.map((r) => [r.id, r.state]));
    for (const org of orgs) expect(bySql.get(org.id), org.id).toBe(termState(org.terms[0]?.dueOn ?? null, day));
    expect(new Set(bySql.values()).size).toBe(5);
  });
});
