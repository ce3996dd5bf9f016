import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { getCockpit } from "@/lib/server/cockpit/cockpit";
import { analyseFindings } from "@/lib/server/inspections/analysis";
import { listProjects } from "@/lib/server/projects/projects";
import { previewRatings } from "@/lib/server/ratings/preview";
import { resolveRatedYear } from "@/lib/server/ratings/schemes";
import { recordAdmonitoryTalk } from "@/lib/server/ratings/talks";
import { actorFor, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;

beforeAll(async () => {
  drop = await useSeededDatabase("cockpit");
});
afterAll(() => drop());

describe("the cockpit", () => {
  it("gives the committee its units, the year's findings and grades as their own pages count them, and the talks due", async () => {
    const supervisor = await actorFor("supervisor");
    const wc = await orgId("WC");
    const year = (await resolveRatedYear(undefined, TEST_NOW))!;
    const cockpit = await getCockpit(supervisor, TEST_NOW);

    // The units directly under the committee, lowest completion first.
    expect(cockpit.progress.top?.id).toBe(wc);
    const children = await prisma.org.findMany({ where: { parentId: wc, closedAt: null }, select: { id: true } });
    expect(cockpit.progress.rows.map((r) => r.id).sort()).toEqual(children.map((c) => c.id).sort());
    const rates = cockpit.progress.rows.map((r) => r.rate ?? -1);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));

    // The findings as the analysis counts them for the year.
    const analysis = await analyseFindings(supervisor, { periodId: year.id }, new Date(Date.UTC(2026, 10, 25)));
    expect(cockpit.findings).toMatchObject({ total: analysis.totals.total, open: analysis.totals.open, overdue: analysis.totals.overdue, closed: analysis.totals.closed });

    // Last year's published grades, then this year's preview; every rated unit counted once.
    const preview = await previewRatings(supervisor, year.id, TEST_NOW);
    expect(cockpit.grades.map((g) => [g.year, g.published])).toEqual([
      [year.year - 1, true],
      [year.year, false],
    ]);
    const current = cockpit.grades.at(-1)!.counts;
    expect(Object.values(current).reduce((a, b) => a + b, 0)).toBe(preview.units.length);
    expect(current.POOR).toBe(preview.units.filter((u) => u.grade === "POOR").length);
    expect(cockpit.lagging.map((l) => l.orgId).sort()).toEqual(preview.units.filter((u) => u.grade === "AVERAGE" || u.grade === "POOR").map((u) => u.orgId).sort());

    // The demo's projects: one with a milestone past its day, as the projects list counts them.
    expect(cockpit.projects).toEqual({ year: 2026, counts: (await listProjects(supervisor, { year: 2026 }, TEST_NOW)).counts });
    expect(cockpit.projects.counts.red).toBe(1);

    // A talk with no commitments waits for its follow-up at once.
    expect(cockpit.talksDue).toEqual([]);
    await recordAdmonitoryTalk(
      supervisor,
      { orgId: await orgId("U03"), trigger: "GRADE", triggerNote: "等次为差", talkedOn: "2026-11-24", talkedBy: "周督导", talkedWith: "党组书记", issues: "责任落实不到位", commitments: [] },
      TEST_NOW,
    );
    expect((await getCockpit(supervisor, TEST_NOW)).talksDue.map((t) => t.org)).toEqual(["省财政厅党组"]);
  });

  it("gives a unit's secretary their own unit: the level below it, its own grade, no talks of others", async () => {
    const secretary = await actorFor("u01-secretary");
    const u01 = await orgId("U01");
    const cockpit = await getCockpit(secretary, TEST_NOW);
    expect(cockpit.progress.top?.id).toBe(u01);
    const children = await prisma.org.findMany({ where: { parentId: u01 }, select: { id: true } });
    expect(cockpit.progress.rows.map((r) => r.id).sort()).toEqual(children.map((c) => c.id).sort());
    // Only published years count for a unit, and only its own result: the demo published last year.
    expect(cockpit.grades.map((g) => [g.year, Object.values(g.counts).reduce((a, b) => a + b, 0)])).toEqual([[2025, 1]]);
    expect(cockpit.lagging).toEqual([]);
    expect(cockpit.talksDue).toEqual([]);
  });
});
