import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RATING_SCHEME, type RatingScheme } from "@/lib/ratings/scheme";
import { scoreUnits } from "@/lib/ratings/score";
import { prisma } from "@/lib/server/db";
import { DomainError, NotFoundError, ValidationError, ConflictError } from "@/lib/server/errors";
import { previewRatings } from "@/lib/server/ratings/preview";
import { getRatingScheme, managesRatings, resolveRatedYear, saveRatingScheme } from "@/lib/server/ratings/schemes";
import { unitFacts } from "@/lib/server/ratings/unit-facts";
import { actorFor, actorWithRole } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let yearId: string;

beforeAll(async () => {
  drop = await useSeededDatabase("ratings");
  const year = await resolveRatedYear(undefined, TEST_NOW);
  if (!year) throw new Error("no year period");
  expect(year.year).toBe(2026);
  yearId = year.id;
});
afterAll(() => drop());

describe("the year's rating scheme", () => {
  it("is the working committee's: a supervisor on the tree's top manages it; a unit's administrator or secretary does not", async () => {
    const [supervisor, unitAdmin, secretary] = await Promise.all([actorFor("supervisor"), actorWithRole("ADMIN", "U01"), actorFor("u01-secretary")]);
    expect(managesRatings(supervisor)).toBe(true);
    for (const outsider of [unitAdmin, secretary]) {
      expect(managesRatings(outsider)).toBe(false);
      await expect(getRatingScheme(outsider, yearId)).rejects.toBeInstanceOf(DomainError);
      await expect(saveRatingScheme(outsider, { periodId: yearId, config: DEFAULT_RATING_SCHEME, expectedVersion: 0 })).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("starts as the default, unsaved, and exists only for a year", async () => {
    const supervisor = await actorFor("supervisor");
    expect(await getRatingScheme(supervisor, yearId)).toMatchObject({ periodId: yearId, year: 2026, config: DEFAULT_RATING_SCHEME, version: 0, frozenAt: null });
    const quarter = await prisma.period.findFirstOrThrow({ where: { year: 2026, quarter: 1 }, select: { id: true } });
    await expect(getRatingScheme(supervisor, quarter.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is saved against the version seen, audited, refused when it does not add up, and frozen for good", async () => {
    const supervisor = await actorFor("supervisor");
    const stricter: RatingScheme = { ...DEFAULT_RATING_SCHEME, bands: { good: 95, fairlyGood: 85, average: 70 } };
    expect(await saveRatingScheme(supervisor, { periodId: yearId, config: stricter, expectedVersion: 0 })).toEqual({ from: 0, to: 1 });
    expect(await getRatingScheme(supervisor, yearId)).toMatchObject({ config: stricter, version: 1, savedBy: supervisor.name });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "RatingScheme", entityId: yearId }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ action: "rating.scheme.save", actorId: supervisor.id, before: null, after: stricter });

    // Someone who still holds version 0 saves on top of it: a conflict, nothing changed.
    await expect(saveRatingScheme(supervisor, { periodId: yearId, config: DEFAULT_RATING_SCHEME, expectedVersion: 0 })).rejects.toBeInstanceOf(ConflictError);
    // Points that do not make 100, named at the field that would mend them.
    const short = { ...stricter, computed: { ...stricter.computed, completion: 20 } };
    await expect(saveRatingScheme(supervisor, { periodId: yearId, config: short, expectedVersion: 1 })).rejects.toMatchObject({ fieldErrors: { "config.rated.points": ["pointsNot100"] } });
    expect((await getRatingScheme(supervisor, yearId)).version).toBe(1);

    await prisma.ratingScheme.update({ where: { periodId: yearId }, data: { frozenAt: TEST_NOW } });
    await expect(saveRatingScheme(supervisor, { periodId: yearId, config: DEFAULT_RATING_SCHEME, expectedVersion: 1 })).rejects.toMatchObject({ fieldErrors: { config: ["frozen"] } });
    await expect(saveRatingScheme(supervisor, { periodId: yearId, config: DEFAULT_RATING_SCHEME, expectedVersion: 1 })).rejects.toBeInstanceOf(ValidationError);
    await prisma.ratingScheme.update({ where: { periodId: yearId }, data: { frozenAt: null } });
  });
});

describe("the year's scores, previewed", () => {
  it("scores every unit's party group within the committee's reach by the saved scheme and the ledger, by rank", async () => {
    const supervisor = await actorFor("supervisor");
    const preview = await previewRatings(supervisor, yearId, TEST_NOW);
    const groups = await prisma.org.findMany({ where: { type: "PARTY_GROUP", closedAt: null }, select: { id: true } });
    expect(preview.units.map((u) => u.orgId).sort()).toEqual(groups.map((g) => g.id).sort());
    expect(preview.units.length).toBeGreaterThanOrEqual(8);

    // The same as scoring the ledger's facts afresh under the scheme in force.
    const periods = await prisma.period.findMany({ where: { year: 2026 }, select: { id: true } });
    const whole = await prisma.period.findUniqueOrThrow({ where: { id: yearId }, select: { startsOn: true, endsOn: true } });
    const facts = await unitFacts(
      groups.map((g) => g.id),
      { periodIds: periods.map((p) => p.id), ...whole },
      TEST_NOW,
    );
    const expected = scoreUnits(
      preview.scheme.config,
      groups.map((g) => ({ orgId: g.id, orgType: "PARTY_GROUP" as const, facts: facts.get(g.id)!, ratings: { self: null, superior: null, democratic: null }, adjustments: [] })),
    );
    for (const unit of preview.units) {
      const { name: _name, nameEn: _nameEn, code: _code, ...score } = unit;
      expect(score).toEqual(expected.find((e) => e.orgId === unit.orgId));
    }
    expect(preview.units.map((u) => u.rank)).toEqual([...preview.units.map((u) => u.rank)].sort((a, b) => a - b));
    // The demo's units differ in diligence: the preview tells them apart.
    expect(new Set(preview.units.map((u) => u.total)).size).toBeGreaterThan(1);
  });

  it("moves with the scheme: lower bands lift the same points to better grades", async () => {
    const supervisor = await actorFor("supervisor");
    const before = await previewRatings(supervisor, yearId, TEST_NOW);
    const { version } = await getRatingScheme(supervisor, yearId);
    const generous: RatingScheme = { ...before.scheme.config, bands: { good: 30, fairlyGood: 20, average: 10 }, topGradeCap: null, vetoes: [] };
    await saveRatingScheme(supervisor, { periodId: yearId, config: generous, expectedVersion: version });
    const after = await previewRatings(supervisor, yearId, TEST_NOW);
    for (const unit of after.units) {
      expect(unit.total).toBe(before.units.find((u) => u.orgId === unit.orgId)!.total);
      expect(unit.grade).toBe(unit.total >= 30 ? "GOOD" : unit.total >= 20 ? "FAIRLY_GOOD" : unit.total >= 10 ? "AVERAGE" : "POOR");
    }
    expect(after.units.some((u) => u.grade === "GOOD")).toBe(true);
  });

  it("is the committee's alone", async () => {
    const secretary = await actorFor("u01-secretary");
    await expect(previewRatings(secretary, yearId, TEST_NOW)).rejects.toMatchObject({ code: "forbidden" });
  });
});
