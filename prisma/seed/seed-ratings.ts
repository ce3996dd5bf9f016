import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { OrgType } from "../../lib/generated/prisma/enums";
import { DEFAULT_RATING_SCHEME } from "../../lib/ratings/scheme";
import { scoreUnits, type UnitInput } from "../../lib/ratings/score";
import { periodRange } from "../../lib/server/checklists/recurrence";

type SeedOrg = { id: string; type: OrgType };

/**
 * A finished previous year for the rating pages: its year period and a
 * published rating of every demo party group, scored under the default
 * scheme from made-up but plausible facts (the demo ledger has no items
 * for that year), so that this year's ranking shows where each unit stood
 * before. The facts vary by the unit's place in the demo tree, so the demo
 * reads the same on every machine. A year already published is left as it
 * is. Returns the number of results published.
 */
export async function seedPreviousYearRatings(prisma: PrismaClient, orgs: Map<string, SeedOrg>, year: number): Promise<number> {
  const { startsOn, endsOn } = periodRange(year, 0);
  const period = await prisma.period.upsert({
    where: { year_quarter: { year, quarter: 0 } },
    create: { year, quarter: 0, kind: "YEAR", startsOn, endsOn },
    update: {},
    select: { id: true, ratingScheme: { select: { publishedAt: true } } },
  });
  if (period.ratingScheme?.publishedAt) return 0;

  const groups = [...orgs.entries()].filter(([, o]) => o.type === "PARTY_GROUP").sort(([a], [b]) => a.localeCompare(b));
  const inputs: UnitInput[] = groups.map(([, org], i) => {
    // Diligence from 0.95 down by unit; the fourth unit left a finding overdue.
    const share = (of: number, rate: number) => ({ done: Math.round(of * rate), of });
    const rate = 0.95 - i * 0.06;
    return {
      orgId: org.id,
      orgType: "PARTY_GROUP",
      facts: {
        completion: share(2200, rate),
        onTime: share(200, rate - 0.03),
        evidence: share(180, rate - 0.1),
        findingsOnTime: share(4, i % 3 === 0 ? 1 : 0.75),
        tourRectification: share(0, 1),
        overdueFindings: { LOW: i === 3 ? 1 : 0, MEDIUM: 0, HIGH: 0 },
        vetoes: { OPEN_SERIOUS_FINDING: false, OPEN_DISCIPLINE_FINDING: false },
      },
      ratings: { self: 92 - i, superior: 90 - i * 2, democratic: 88 - i },
      adjustments: i === 1 ? [{ points: 1, reason: "获评全省先进基层党组织", by: "周督导" }] : [],
    };
  });
  const scores = scoreUnits(DEFAULT_RATING_SCHEME, inputs);
  const publishedAt = new Date(Date.UTC(year, 11, 28, 2));
  await prisma.$transaction([
    prisma.ratingScheme.upsert({
      where: { periodId: period.id },
      create: { periodId: period.id, config: DEFAULT_RATING_SCHEME as unknown as Prisma.InputJsonValue, frozenAt: publishedAt, publishedAt },
      update: { frozenAt: publishedAt, publishedAt },
    }),
    prisma.ratingResult.createMany({
      data: scores.map((s) => ({
        periodId: period.id,
        orgId: s.orgId,
        orgType: s.orgType,
        total: s.total.toFixed(2),
        grade: s.grade,
        rank: s.rank,
        of: s.of,
        score: s as unknown as Prisma.InputJsonValue,
      })),
      skipDuplicates: true,
    }),
  ]);
  return scores.length;
}
