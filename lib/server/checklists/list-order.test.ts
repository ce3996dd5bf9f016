import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "@/lib/dates";
import { getChecklistSummary, listChecklistItems } from "@/lib/server/checklists/list-checklist-items";
import { prisma } from "@/lib/server/db";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { actorFor } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { DUTY_KINDS } from "@/lib/validation/checklists";

let drop: () => Promise<void>;
let periodId: string;
const DAY = today(TEST_NOW);
const inDays = (n: number) => new Date(DAY.getTime() + n * 24 * 60 * 60 * 1000);

beforeAll(async () => {
  drop = await useSeededDatabase("list-order");
  periodId = (await getCurrentPeriod(TEST_NOW))!.id;
});
afterAll(() => drop());

describe("the default order of my duties", () => {
  it("puts red items first, then yellow, each by due date, then the rest by kind, organization and duty", async () => {
    const branch = await actorFor("u01-branch");
    // The branch's last items by kind and duty turn red and yellow: without the warning order they would come last.
    const last = await prisma.checklistItem.findMany({
      where: { org: { code: "U01-B1" }, periodId, status: { not: "WITHDRAWN" } },
      orderBy: [{ duty: { kind: "desc" } }, { duty: { sortOrder: "desc" } }, { occurrence: "desc" }],
      take: 4,
      select: { id: true },
    });
    const [redLater, redEarlier, yellow, yellowSooner] = last.map((i) => i.id);
    const set = (id: string | undefined, days: number) =>
      prisma.checklistItem.update({ where: { id }, data: { status: "NOT_STARTED", dueDate: inDays(days) } });
    await set(redLater, -2);
    await set(redEarlier, -30);
    await set(yellow, 7);
    await set(yellowSooner, 1);

    const summary = await getChecklistSummary(branch, { periodId, now: TEST_NOW });
    const page = await listChecklistItems(branch, { periodId, page: 1, now: TEST_NOW });
    expect(page.total).toBeGreaterThan(page.rows.length);
    const colours = page.rows.map((r) => r.warning?.colour ?? null);
    // Exactly the red items (counted by the SQL rule) lead, then the yellow ones; nothing red or yellow after.
    expect(colours.slice(0, summary.red)).toEqual(Array(summary.red).fill("red"));
    expect(colours.slice(summary.red, summary.red + summary.yellow)).toEqual(Array(summary.yellow).fill("yellow"));
    expect(colours.slice(summary.red + summary.yellow).every((c) => c !== "red" && c !== "yellow")).toBe(true);

    // Within each colour, by due date.
    const ids = page.rows.map((r) => r.id);
    expect(ids.indexOf(redEarlier!)).toBeLessThan(ids.indexOf(redLater!));
    expect(ids.indexOf(yellowSooner!)).toBeLessThan(ids.indexOf(yellow!));
    const warned = page.rows.slice(0, summary.red + summary.yellow);
    for (const [index, row] of warned.entries()) {
      const before = warned[index - 1];
      if (before?.warning?.colour === row.warning?.colour) expect(before!.dueDate.getTime()).toBeLessThanOrEqual(row.dueDate.getTime());
    }
    // The rest keep the list's order by kind.
    const rest = page.rows.slice(summary.red + summary.yellow).map((r) => DUTY_KINDS.indexOf(r.duty.kind));
    expect(rest).toEqual([...rest].sort((x, y) => x - y));
  });
});
