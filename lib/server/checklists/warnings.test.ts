import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDay, today } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import { getChecklistItem } from "@/lib/server/checklists/get-checklist-item";
import { getProgress, type ProgressRow } from "@/lib/server/checklists/get-progress";
import { getChecklistSummary, listChecklistItems } from "@/lib/server/checklists/list-checklist-items";
import { DEFAULT_WARNING_THRESHOLDS, warningColour, warningColourSql, warningThresholds, type WarningThresholds } from "@/lib/warnings";
import { prisma } from "@/lib/server/db";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { actorFor } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let periodId: string;
const DAY = today(TEST_NOW);
const inDays = (n: number) => new Date(DAY.getTime() + n * 24 * 60 * 60 * 1000);

beforeAll(async () => {
  drop = await useSeededDatabase("warnings");
  const period = await getCurrentPeriod(TEST_NOW);
  if (!period) throw new Error("no period");
  periodId = period.id;
});
afterAll(() => drop());

const STATUSES = ["NOT_STARTED", "IN_PROGRESS", "SUBMITTED", "DONE", "NOT_APPLICABLE", "WITHDRAWN"] as const satisfies readonly ItemStatus[];

async function sqlColours(cases: { status: ItemStatus; due: Date }[], thresholds: WarningThresholds): Promise<(string | null)[]> {
  const colour = warningColourSql({ status: Prisma.sql`x.status`, dueDate: Prisma.sql`x.due` }, DAY, thresholds);
  const rows = await prisma.$queryRaw<{ colour: string | null }[]>`
    SELECT ${colour} AS colour
      FROM unnest(${cases.map((c) => c.status)}::text[], ${cases.map((c) => isoDay(c.due))}::date[]) WITH ORDINALITY AS x(status, due, n)
     ORDER BY x.n`;
  return rows.map((r) => r.colour);
}

describe("the SQL colour and the TypeScript colour", () => {
  it.each([
    ["the defaults", DEFAULT_WARNING_THRESHOLDS],
    ["tight thresholds", { greenDays: 3, yellowDays: 1 }],
    ["equal thresholds", { greenDays: 5, yellowDays: 5 }],
    ["zero days", { greenDays: 0, yellowDays: 0 }],
  ] as const)("agree on every boundary with %s", async (_, thresholds) => {
    const { greenDays, yellowDays } = thresholds;
    const days = [...new Set([-400, -2, -1, 0, 1, yellowDays - 1, yellowDays, yellowDays + 1, greenDays - 1, greenDays, greenDays + 1, greenDays + 2, 400])];
    const cases = STATUSES.flatMap((status) => days.map((d) => ({ status, due: inDays(d) })));
    const expected = cases.map((c) => warningColour(c.status, c.due, DAY, thresholds));
    expect(await sqlColours(cases, thresholds)).toEqual(expected);
    // Each colour is reached where the thresholds leave room for it.
    expect(expected).toContain("red");
    expect(expected).toContain("yellow");
  });

  it("reads the thresholds from the environment each time", () => {
    const saved = { green: process.env.WARN_GREEN_DAYS, yellow: process.env.WARN_YELLOW_DAYS };
    try {
      delete process.env.WARN_GREEN_DAYS;
      delete process.env.WARN_YELLOW_DAYS;
      expect(warningThresholds()).toEqual({ greenDays: 20, yellowDays: 10 });
      process.env.WARN_GREEN_DAYS = "7";
      process.env.WARN_YELLOW_DAYS = "3";
      expect(warningThresholds()).toEqual({ greenDays: 7, yellowDays: 3 });
      process.env.WARN_YELLOW_DAYS = "8";
      expect(() => warningThresholds()).toThrow(/WARN_YELLOW_DAYS/);
    } finally {
      for (const [key, value] of [["WARN_GREEN_DAYS", saved.green], ["WARN_YELLOW_DAYS", saved.yellow]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});

describe("the roll-up shows the worst colour beneath each organization", () => {
  async function org(code: string) {
    return prisma.org.findUniqueOrThrow({ where: { code }, select: { id: true, path: true } });
  }

  async function openItemOf(code: string, skip = 0) {
    return prisma.checklistItem.findFirstOrThrow({
      where: { periodId, org: { code }, status: { in: ["NOT_STARTED", "IN_PROGRESS"] } },
      orderBy: { id: "asc" },
      skip,
      select: { id: true },
    });
  }

  const ids = { red: "", yellow: "", submitted: "" };

  beforeAll(async () => {
    // Unit U05's subtree, made quiet (nothing due within the warning window), then one item of each colour.
    const u05 = await org("U05");
    await prisma.checklistItem.updateMany({ where: { periodId, org: { path: { startsWith: u05.path } } }, data: { dueDate: inDays(60) } });
    ids.red = (await openItemOf("U05-B1")).id;
    ids.yellow = (await openItemOf("U05-B2")).id;
    ids.submitted = (await openItemOf("U05-B2", 1)).id;
    await prisma.checklistItem.update({ where: { id: ids.red }, data: { dueDate: inDays(-3) } });
    await prisma.checklistItem.update({ where: { id: ids.yellow }, data: { dueDate: inDays(5) } });
    // Overdue but handed in for review: no colour, so branch 2 stays yellow.
    await prisma.checklistItem.update({ where: { id: ids.submitted }, data: { dueDate: inDays(-10), status: "SUBMITTED" } });
    await prisma.checklistItem.update({ where: { id: (await openItemOf("U05-OPC")).id }, data: { dueDate: inDays(15) } });
  });

  const pick = (rows: ProgressRow[], name: string) => {
    const row = rows.find((r) => r.name === name);
    if (!row) throw new Error(`no row ${name}`);
    return { worst: row.worst, red: row.red, yellow: row.yellow };
  };

  it("red under one branch and yellow under another make the party group red", async () => {
    const supervisor = await actorFor("supervisor");
    const query = { sort: "name", dir: "asc", page: 1 } as const;
    const top = await getProgress(supervisor, "progress.read", periodId, query, TEST_NOW);
    expect(pick(top.rows, "省自然资源厅党组")).toEqual({ worst: "red", red: 1, yellow: 1 });

    const unit = await getProgress(supervisor, "progress.read", periodId, { ...query, parentId: (await org("U05")).id }, TEST_NOW);
    expect(unit.parent).toMatchObject({ worst: "red", red: 1, yellow: 1 });
    expect(pick(unit.rows, "省自然资源厅机关党委")).toEqual({ worst: "red", red: 1, yellow: 1 });

    const committee = await getProgress(supervisor, "progress.read", periodId, { ...query, parentId: (await org("U05-OPC")).id }, TEST_NOW);
    expect(pick(committee.rows, "省自然资源厅办公室党支部")).toEqual({ worst: "red", red: 1, yellow: 0 });
    expect(pick(committee.rows, "省自然资源厅政策法规处党支部")).toEqual({ worst: "yellow", red: 0, yellow: 1 });
    expect(pick(committee.rows, "省自然资源厅离退休干部党总支")).toEqual({ worst: null, red: 0, yellow: 0 });
    // The committee's own green item shows on its parent row only.
    expect(committee.parent?.worst).toBe("red");
  });

  it("agrees with the colours of the items beneath every row", async () => {
    const supervisor = await actorFor("supervisor");
    const top = await getProgress(supervisor, "progress.read", periodId, { sort: "name", dir: "asc", page: 1 }, TEST_NOW);
    const rank = { red: 3, yellow: 2, green: 1 } as const;
    for (const row of top.rows) {
      const path = (await prisma.org.findUniqueOrThrow({ where: { id: row.id } })).path;
      const items = await prisma.checklistItem.findMany({
        where: { periodId, org: { path: { startsWith: path } }, status: { notIn: ["NOT_APPLICABLE", "WITHDRAWN"] } },
        select: { status: true, dueDate: true },
      });
      const colours = items.map((i) => warningColour(i.status, i.dueDate, DAY, DEFAULT_WARNING_THRESHOLDS));
      const worst = colours.reduce<keyof typeof rank | null>((w, c) => (c && (!w || rank[c] > rank[w]) ? c : w), null);
      expect({ worst: row.worst, red: row.red, yellow: row.yellow, overdue: row.overdue }, row.name).toEqual({
        worst,
        red: colours.filter((c) => c === "red").length,
        yellow: colours.filter((c) => c === "yellow").length,
        overdue: colours.filter((c) => c === "red").length,
      });
    }
    // The demo is late in the year: somebody is overdue.
    expect(top.rows.some((r) => r.worst === "red")).toBe(true);
  });

  it("shows the same on the organization's own page: the summary of its subtree and the colour of each row", async () => {
    const supervisor = await actorFor("supervisor");
    const u05 = await org("U05");
    const summary = await getChecklistSummary(supervisor, { periodId, rootPath: u05.path, now: TEST_NOW });
    expect(summary).toMatchObject({ worst: "red", red: 1, yellow: 1, green: 1, overdue: 1 });
    const page = await listChecklistItems(supervisor, { periodId, rootPath: u05.path, pageSize: 1000, now: TEST_NOW });
    const coloured = page.rows.filter((r) => r.warning).map((r) => [r.org.name, r.warning?.colour, r.warning?.daysLeft]);
    expect(coloured).toEqual(
      expect.arrayContaining([
        ["省自然资源厅办公室党支部", "red", -3],
        ["省自然资源厅政策法规处党支部", "yellow", 5],
        ["省自然资源厅机关党委", "green", 15],
      ]),
    );
    expect(coloured).toHaveLength(3);
    // The item page's badge says the same.
    expect((await getChecklistItem(supervisor, ids.red, TEST_NOW)).warning).toEqual({ colour: "red", daysLeft: -3 });
    expect((await getChecklistItem(supervisor, ids.yellow, TEST_NOW)).warning).toEqual({ colour: "yellow", daysLeft: 5 });
    expect((await getChecklistItem(supervisor, ids.submitted, TEST_NOW)).warning).toBeNull();
  });
});
