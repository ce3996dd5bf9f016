import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { accountabilityNotices, ratingHistory } from "@/lib/server/ratings/history";
import { orgId } from "@/lib/test/actors";
import { useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;

beforeAll(async () => {
  drop = await useSeededDatabase("rating-history");
});
afterAll(() => drop());

describe("a unit's earlier years", () => {
  it("are the published results of the years before, the latest first: the demo's last year ranks every party group", async () => {
    const groups = await prisma.org.findMany({ where: { type: "PARTY_GROUP" }, select: { id: true, code: true }, orderBy: { code: "asc" } });
    const history = await ratingHistory(
      groups.map((g) => g.id),
      2026,
    );
    const last = groups.map((g) => history.get(g.id)!);
    expect(last.every((h) => h.length === 1 && h[0]!.year === 2025 && h[0]!.of === groups.length)).toBe(true);
    expect(last.map((h) => h[0]!.rank).sort((a, b) => a - b)).toEqual(groups.map((_, i) => i + 1));
    // The year rated has no earlier result of itself, and a year further back than asked is left out.
    expect((await ratingHistory([groups[0]!.id], 2025)).get(groups[0]!.id)).toEqual([]);
    expect((await ratingHistory([groups[0]!.id], 2027, 1)).get(groups[0]!.id)).toEqual([]);
    expect((await ratingHistory([groups[0]!.id], 2027, 2)).get(groups[0]!.id)!.map((r) => r.year)).toEqual([2025]);
  });
});

describe("accountability notices", () => {
  it("count the year's notices on findings of each unit's subtree, by the Beijing day they were raised", async () => {
    const [u01, u02] = await Promise.all([orgId("U01"), orgId("U02")]);
    // A finding on a branch below U01: it counts for the unit above.
    const [wc, branch] = await Promise.all([orgId("WC"), orgId("U01-B1")]);
    const round = await prisma.inspectionRound.create({ data: { title: "专项督查", type: "ROUTINE", scopeOrgId: wc, startsOn: new Date("2026-03-02"), endsOn: new Date("2026-03-06") } });
    const report = await prisma.inspectionReport.create({ data: { roundId: round.id, orgId: branch, status: "ISSUED", issuedAt: new Date("2026-03-10") } });
    const finding = await prisma.finding.create({
      data: { reportId: report.id, roundId: round.id, orgId: branch, seq: 1, description: "问题", categoryId: "fcat-other", deadline: new Date("2026-05-31") },
    });
    const raise = (createdAt: string, deadline: string) =>
      prisma.findingEscalation.create({
        data: { findingId: finding.id, level: "ACCOUNTABILITY", deadline: new Date(deadline), daysOverdue: 30, addressedOrgId: u01, createdAt: new Date(createdAt) },
      });
    // 2027-01-01 00:30 in Beijing is still 2026-12-31 in UTC: next year's. 2026-01-01 08:00 Beijing is this year's.
    await raise("2026-12-31T16:30:00Z", "2026-11-01");
    await raise("2026-01-01T00:00:00Z", "2025-12-01");
    await prisma.findingEscalation.create({
      data: { findingId: finding.id, level: "WARNING", deadline: new Date("2026-10-01"), daysOverdue: 10, addressedOrgId: u01, createdAt: new Date("2026-06-01T00:00:00Z") },
    });
    const notices = await accountabilityNotices([u01, u02], 2026);
    expect([notices.get(u01), notices.get(u02)]).toEqual([1, 0]);
  });
});
