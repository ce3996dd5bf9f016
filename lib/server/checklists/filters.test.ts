import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getChecklistSummary, listChecklistItems, listItemOwners, type ChecklistQuery } from "@/lib/server/checklists/list-checklist-items";
import { prisma } from "@/lib/server/db";
import { getCurrentPeriod, resolvePeriod } from "@/lib/server/periods/get-current-period";
import { actorFor } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { ZChecklistFilters } from "@/lib/validation/checklists";
import { WARNING_COLOURS } from "@/lib/warnings";

let drop: () => Promise<void>;
let periodId: string;
let u01Path: string;
const DAY = today(TEST_NOW);
const inDays = (n: number) => new Date(DAY.getTime() + n * 24 * 60 * 60 * 1000);

beforeAll(async () => {
  drop = await useSeededDatabase("filters");
  const period = await getCurrentPeriod(TEST_NOW);
  if (!period) throw new Error("no period");
  periodId = period.id;
  u01Path = (await prisma.org.findUniqueOrThrow({ where: { code: "U01" } })).path;
});
afterAll(() => drop());

const all = (q: Partial<ChecklistQuery> = {}): ChecklistQuery => ({ periodId, pageSize: 5000, now: TEST_NOW, ...q });

/** What unit U01's secretary may see, as a Prisma where, to count against. */
function u01Items(extra: Prisma.ChecklistItemWhereInput = {}): Prisma.ChecklistItemWhereInput {
  return { AND: [{ periodId, status: { not: "WITHDRAWN" }, org: { path: { startsWith: u01Path } } }, extra] };
}

describe("search on the duty title", () => {
  it("finds a Chinese fragment of the title, and only within the actor's scope", async () => {
    const secretary = await actorFor("u01-secretary");
    const fragment = "换届选举";
    const page = await listChecklistItems(secretary, all({ q: fragment }));
    expect(page.total).toBe(await prisma.checklistItem.count({ where: u01Items({ duty: { title: { contains: fragment } } }) }));
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.duty.title.includes(fragment) && r.org.path.startsWith(u01Path))).toBe(true);
  });

  it("matches the English title ignoring case", async () => {
    const secretary = await actorFor("u01-secretary");
    const page = await listChecklistItems(secretary, all({ q: "BRANCH COMMITTEE ELECTION" }));
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.duty.titleEn?.toLowerCase().includes("branch committee election"))).toBe(true);
  });

  it("takes % and _ literally", async () => {
    const secretary = await actorFor("u01-secretary");
    expect((await listChecklistItems(secretary, all({ q: "%" }))).total).toBe(0);
    expect((await listChecklistItems(secretary, all({ q: "_" }))).total).toBe(0);
  });

  it("reads a blank search as none and cuts a long one", () => {
    expect(ZChecklistFilters.parse({ q: "   " }).q).toBeUndefined();
    expect(ZChecklistFilters.parse({ q: "x".repeat(500) }).q).toHaveLength(100);
    expect(ZChecklistFilters.parse({ q: ["a", "b"], warning: "purple", owner: "not valid!" })).toMatchObject({ q: undefined, warning: undefined, owner: undefined });
  });
});

describe("owner", () => {
  beforeAll(async () => {
    const staff = await prisma.user.findUniqueOrThrow({ where: { username: "u01-staff" } });
    const items = await prisma.checklistItem.findMany({ where: u01Items({ org: { code: "U01-B1" } }), take: 3, orderBy: { id: "asc" } });
    await prisma.checklistItem.updateMany({ where: { id: { in: items.map((i) => i.id) } }, data: { ownerId: staff.id } });
  });

  it("lists the owners in scope and filters by one of them, or by the signed-in user as 'mine'", async () => {
    const secretary = await actorFor("u01-secretary");
    const staff = await actorFor("u01-staff");
    expect(await listItemOwners(secretary, { periodId })).toEqual({ options: [{ id: staff.id, name: staff.name }], isTruncated: false });
    expect((await listChecklistItems(secretary, all({ owner: staff.id }))).total).toBe(3);
    const mine = await listChecklistItems(staff, all({ owner: "mine" }));
    expect(mine.total).toBe(3);
    expect(mine.rows.every((r) => r.owner?.id === staff.id)).toBe(true);
    expect((await listChecklistItems(secretary, all({ owner: "mine" }))).total).toBe(0);
    // Another unit's secretary neither sees the owner nor the items.
    const other = await actorFor("u02-secretary");
    expect(await listItemOwners(other, { periodId })).toEqual({ options: [], isTruncated: false });
    expect((await listChecklistItems(other, all({ owner: staff.id }))).total).toBe(0);
  });
});

describe("owner search", () => {
  it("lists the first owners, finds the others by name or user name, and keeps the one chosen", async () => {
    const secretary = await actorFor("u01-secretary");
    const [staff, branch] = await Promise.all([actorFor("u01-staff"), actorFor("u01-branch")]);
    const item = await prisma.checklistItem.findFirstOrThrow({ where: u01Items({ ownerId: null }), orderBy: { id: "asc" } });
    await prisma.checklistItem.update({ where: { id: item.id }, data: { ownerId: branch.id } });
    try {
      // The two owners in the filter's order (the database's, by name).
      const ordered = await prisma.$queryRaw<{ id: string; name: string }[]>`
        SELECT "id", "name" FROM "User" WHERE "id" IN (${staff.id}, ${branch.id}) ORDER BY "name", "id"`;
      const [first, second] = [ordered[0]!, ordered[1]!];
      // One listed of two: the filter offers its search.
      expect(await listItemOwners(secretary, { periodId }, { limit: 1 })).toEqual({ options: [{ id: first.id, name: first.name }], isTruncated: true });
      // The one chosen stays listed past the limit.
      expect((await listItemOwners(secretary, { periodId }, { limit: 1, selected: second.id })).options.map((o) => o.id)).toEqual([first.id, second.id]);
      // By user name or name; what was typed matches itself; a search keeps offering the search.
      expect(await listItemOwners(secretary, { periodId }, { search: "U01-BRANCH" })).toEqual({ options: [{ id: branch.id, name: branch.name }], isTruncated: true });
      expect((await listItemOwners(secretary, { periodId }, { search: staff.name })).options.map((o) => o.id)).toEqual([staff.id]);
      expect((await listItemOwners(secretary, { periodId }, { search: "%" })).options).toEqual([]);
      // Someone who owns nothing in scope is not listed, chosen or not.
      const other = await actorFor("u02-secretary");
      expect((await listItemOwners(secretary, { periodId }, { search: "u02", selected: other.id })).options).toEqual([]);
    } finally {
      await prisma.checklistItem.update({ where: { id: item.id }, data: { ownerId: null } });
    }
  });
});

describe("warning colour", () => {
  beforeAll(async () => {
    // A green item besides the seeded red (overdue) and yellow (due at the end of November) ones.
    const item = await prisma.checklistItem.findFirstOrThrow({ where: u01Items({ status: "NOT_STARTED" }), orderBy: { id: "asc" } });
    await prisma.checklistItem.update({ where: { id: item.id }, data: { dueDate: inDays(15) } });
  });

  it("lists exactly the items of each colour, and the summary counts them alike", async () => {
    const secretary = await actorFor("u01-secretary");
    const everything = await listChecklistItems(secretary, all());
    const summary = await getChecklistSummary(secretary, all());
    for (const colour of WARNING_COLOURS) {
      const expected = everything.rows.filter((r) => r.warning?.colour === colour).map((r) => r.id);
      expect(expected.length, colour).toBeGreaterThan(0);
      const page = await listChecklistItems(secretary, all({ warning: colour }));
      expect(page.rows.map((r) => r.id).sort(), colour).toEqual(expected.sort());
      expect(summary[colour], colour).toBe(expected.length);
    }
    expect(summary.worst).toBe("red");
    expect(summary.overdue).toBe(summary.red);
  });
});

describe("summary under filters", () => {
  it("counts exactly the items the filtered list shows, status included, and says it is filtered", async () => {
    const secretary = await actorFor("u01-secretary");
    const q = { q: "党员", kind: "IMPLEMENTING" } as const;
    const filtered = await getChecklistSummary(secretary, all(q));
    expect(filtered.isFiltered).toBe(true);
    expect((await getChecklistSummary(secretary, all())).isFiltered).toBe(false);
    const doneOnly = await getChecklistSummary(secretary, all({ ...q, status: "DONE" }));
    expect(doneOnly.total).toBe(doneOnly.done);
    expect(doneOnly.total).toBe((await listChecklistItems(secretary, all({ ...q, status: "DONE" }))).total);
    const rows = (await listChecklistItems(secretary, all(q))).rows;
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.total).toBe(rows.length);
    expect(filtered.done).toBe(rows.filter((r) => r.status === "DONE").length);
    expect(filtered.total).toBeLessThan((await getChecklistSummary(secretary, all())).total);
    const yellow = await getChecklistSummary(secretary, all({ warning: "yellow" }));
    expect(yellow).toMatchObject({ worst: "yellow", red: 0, green: 0, done: 0 });
    expect(yellow.total).toBe(yellow.yellow);
  });
});

describe("period", () => {
  let quarterId: string;

  beforeAll(async () => {
    // Two items of branch U01-B1 in the fourth quarter, beside the year's.
    const quarter = await prisma.period.findUniqueOrThrow({ where: { year_quarter: { year: 2026, quarter: 4 } } });
    quarterId = quarter.id;
    const yearItem = await prisma.checklistItem.findFirstOrThrow({
      where: { periodId, org: { code: "U01-B1" } },
      select: { orgId: true, dutyId: true, assignment: { select: { catalogVersionId: true } } },
    });
    const assignment = await prisma.assignment.create({
      data: { catalogVersionId: yearItem.assignment.catalogVersionId, periodId: quarterId, orgId: yearItem.orgId },
    });
    await prisma.checklistItem.createMany({
      data: [1, 2].map((occurrence) => ({
        assignmentId: assignment.id,
        orgId: yearItem.orgId,
        dutyId: yearItem.dutyId,
        periodId: quarterId,
        occurrence,
        dueDate: inDays(occurrence * 3),
      })),
    });
  });

  it("lists the chosen period only, and falls back to the current one", async () => {
    const secretary = await actorFor("u01-secretary");
    const quarter = await listChecklistItems(secretary, all({ periodId: quarterId }));
    expect(quarter.total).toBe(2);
    expect(quarter.rows.every((r) => r.period.quarter === 4 && r.warning?.colour === "yellow")).toBe(true);
    const year = await listChecklistItems(secretary, all());
    expect(year.rows.some((r) => r.period.id === quarterId)).toBe(false);

    expect((await resolvePeriod(quarterId, TEST_NOW))?.id).toBe(quarterId);
    expect((await resolvePeriod(undefined, TEST_NOW))?.id).toBe(periodId);
    expect((await resolvePeriod("nosuchperiod", TEST_NOW))?.id).toBe(periodId);
  });
});
