import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AcceptanceParty } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { countAcceptanceQueue, listAcceptanceQueue } from "@/lib/server/inspections/acceptance-queue";
import { getFinding } from "@/lib/server/inspections/queries";
import { acceptRectification, saveRectification, submitRectification } from "@/lib/server/inspections/rectification";
import { issueReport, saveFinding, saveReport } from "@/lib/server/inspections/reports";
import { acceptsAsSql, canAcceptAs } from "@/lib/server/inspections/scope";
import { actorFor, actorWithRole } from "@/lib/test/actors";
import { reportOn, roundOn } from "@/lib/test/inspections";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let actors: Record<string, Actor>;

beforeAll(async () => {
  drop = await useSeededDatabase("acceptance-queue");
  const names = ["inspector", "supervisor", "admin", "wc-secretary", "u01-secretary", "u01-staff", "u01-branch", "u02-secretary"];
  actors = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await actorFor(n)] as const)));
  actors["other-inspector"] = await actorWithRole("INSPECTOR", "WC");
});
afterAll(() => drop());

/** A round on `codes` with one finding each, issued; the first `submit` of them submitted by the unit's secretary. */
async function submittedFindings(codes: string[], submit: number, draftToo = false) {
  const inspector = actors.inspector!;
  const roundId = await roundOn(inspector, codes, "验收队列测试");
  const ids: string[] = [];
  for (const [index, code] of codes.entries()) {
    const report = await reportOn(roundId, code);
    await saveReport(inspector, { reportId: report.id, expectedVersion: report.version, summary: "概况", inspectedOn: "2026-11-20", inspectorIds: [] }, TEST_NOW);
    const { findingId, version } = await saveFinding(inspector, { reportId: report.id, description: `问题 ${code}`, categoryId: "fcat-org-life", severity: "LOW" });
    ids.push(findingId);
    if (draftToo && index === codes.length - 1) continue;
    await issueReport(inspector, { reportId: report.id, expectedVersion: version.to }, TEST_NOW);
    if (index >= submit) continue;
    const unit = actors["u01-secretary"]!;
    const current = await prisma.finding.findUniqueOrThrow({ where: { id: findingId }, select: { version: true } });
    const saved = await saveRectification(unit, { findingId, expectedVersion: current.version, measures: "立即整改", ownerId: unit.id });
    await submitRectification(unit, { findingId, expectedVersion: saved.version.to, text: "" }, TEST_NOW);
  }
  return ids;
}

describe("who accepts a close-out", () => {
  it("is one rule in TypeScript and SQL, for every kind of user, party and report state", async () => {
    await submittedFindings(["U01-B1", "U01-OPC", "U01"], 1, true);
    const findings = await prisma.finding.findMany({
      select: { id: true, roundId: true, report: { select: { status: true } }, org: { select: { path: true } }, round: { select: { scopeOrg: { select: { path: true } }, members: { select: { userId: true } } } } },
    });
    expect(findings.some((f) => f.report.status === "DRAFT")).toBe(true);
    const columns = { status: Prisma.sql`r."status"`, orgPath: Prisma.sql`o."path"`, scopePath: Prisma.sql`s."path"`, roundId: Prisma.sql`f."roundId"` };
    for (const actor of Object.values(actors)) {
      for (const party of ["GROUP", "COMMITTEE", "UNIT"] as const satisfies readonly AcceptanceParty[]) {
        const rows = await prisma.$queryRaw<{ id: string; accepts: boolean }[]>`
          SELECT f."id", ${acceptsAsSql(actor, party, columns)} AS accepts
            FROM "Finding" f JOIN "InspectionReport" r ON r."id" = f."reportId" JOIN "InspectionRound" rd ON rd."id" = f."roundId"
            JOIN "Org" o ON o."id" = f."orgId" JOIN "Org" s ON s."id" = rd."scopeOrgId"`;
        const bySql = new Map(rows.map((r) => [r.id, r.accepts]));
        for (const f of findings) {
          const facts = { status: f.report.status, orgPath: f.org.path, scopePath: f.round.scopeOrg.path, memberIds: f.round.members.map((m) => m.userId) };
          expect(bySql.get(f.id), `${actor.username} as ${party} on ${f.id}`).toBe(canAcceptAs(actor, party, facts));
        }
      }
    }
  });

  it("queues a submission for the group and the committee until each has accepted, never for the committee's secretary or the unit", async () => {
    const [findingId] = await submittedFindings(["U01-B2"], 1);
    const queued = async (name: string) => (await listAcceptanceQueue(actors[name]!)).rows.filter((r) => r.id === findingId);
    expect(await queued("inspector")).toEqual([expect.objectContaining({ parties: ["GROUP"] })]);
    expect(await queued("supervisor")).toEqual([expect.objectContaining({ parties: ["COMMITTEE"] })]);
    expect(await queued("admin")).toEqual([expect.objectContaining({ parties: ["COMMITTEE"] })]);
    for (const name of ["wc-secretary", "u01-secretary", "u01-branch", "u02-secretary", "other-inspector"]) expect(await queued(name), name).toEqual([]);

    // The finding's page names who accepts, party by party.
    const page = await getFinding(actors.inspector!, findingId!, TEST_NOW);
    expect(page.acceptors.GROUP).toEqual([actors.inspector!.name]);
    expect(page.acceptors.COMMITTEE).toEqual(expect.arrayContaining([actors.supervisor!.name, actors.admin!.name]));
    expect(page.acceptors.COMMITTEE).not.toContain(actors["wc-secretary"]!.name);

    const before = await countAcceptanceQueue(actors.supervisor!);
    const { version } = await prisma.finding.findUniqueOrThrow({ where: { id: findingId }, select: { version: true } });
    await acceptRectification(actors.inspector!, { findingId: findingId!, expectedVersion: version, party: "GROUP" }, TEST_NOW);
    expect(await queued("inspector")).toEqual([]);
    expect(await queued("supervisor")).toHaveLength(1);
    expect(await countAcceptanceQueue(actors.supervisor!)).toBe(before);
  });

  it("counts and lists for each user exactly the submissions canAcceptAs gives them, with all three parties required", async () => {
    const saved = process.env.CLOSEOUT_PARTIES;
    try {
      process.env.CLOSEOUT_PARTIES = "GROUP,COMMITTEE,UNIT";
      await submittedFindings(["U01-B1", "U01-OPC", "U01", "U02"], 3);
      const submitted = await prisma.finding.findMany({
        where: { state: "SUBMITTED" },
        select: {
          id: true, cycle: true, submittedById: true, report: { select: { status: true } }, org: { select: { path: true } },
          acceptances: { select: { party: true, cycle: true } },
          round: { select: { scopeOrg: { select: { path: true } }, members: { select: { userId: true } } } },
        },
      });
      let queuedAnywhere = 0;
      for (const actor of Object.values(actors)) {
        const expected = submitted
          .filter((f) => f.submittedById !== actor.id)
          .filter((f) =>
            (["GROUP", "COMMITTEE", "UNIT"] as const).some(
              (party) =>
                !f.acceptances.some((a) => a.party === party && a.cycle === f.cycle) &&
                canAcceptAs(actor, party, { status: f.report.status, orgPath: f.org.path, scopePath: f.round.scopeOrg.path, memberIds: f.round.members.map((m) => m.userId) }),
            ),
          )
          .map((f) => f.id)
          .sort();
        expect(await countAcceptanceQueue(actor), actor.username).toBe(expected.length);
        expect(await countAcceptanceQueue(actor, { upTo: 1 }), actor.username).toBe(Math.min(1, expected.length));
        const listed: string[] = [];
        for (let page = 1; ; page++) {
          const result = await listAcceptanceQueue(actor, page);
          listed.push(...result.rows.map((r) => r.id));
          if (page >= result.pageCount) break;
        }
        expect(listed.sort(), actor.username).toEqual(expected);
        queuedAnywhere += expected.length;
      }
      expect(queuedAnywhere).toBeGreaterThan(0);
    } finally {
      if (saved === undefined) delete process.env.CLOSEOUT_PARTIES;
      else process.env.CLOSEOUT_PARTIES = saved;
    }
  });
});
