import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { prepareRatingExport } from "@/lib/server/ratings/export-ratings";
import { DEFAULT_RATING_SCHEME } from "@/lib/ratings/scheme";
import { prisma } from "@/lib/server/db";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import {
  addDemocraticBallot,
  addRatingAdjustment,
  ratingSheet,
  removeDemocraticBallot,
  removeRatingAdjustment,
  saveSelfRating,
  saveSuperiorRating,
} from "@/lib/server/ratings/entries";
import { previewRatings, publishedRatings, publishRatings } from "@/lib/server/ratings/preview";
import { getRatingScheme, resolveRatedYear, saveRatingScheme } from "@/lib/server/ratings/schemes";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { openNotification } from "@/lib/server/notifications/mark-read";
import { firstSheetRows, zhTranslator } from "@/lib/test/workbooks";

let drop: () => Promise<void>;
let periodId: string;
let u01: string;

beforeAll(async () => {
  drop = await useSeededDatabase("rating-entries");
  periodId = (await resolveRatedYear(undefined, TEST_NOW))!.id;
  u01 = await orgId("U01");
});
afterAll(() => drop());

const scores = (political: number, duties: number, rectification: number) => ({ political, duties, rectification });

describe("rating a unit's year", () => {
  it("takes the self-rating from the unit's own secretary alone, and freezes the scheme at the first rating", async () => {
    const [secretary, other, branch, supervisor] = await Promise.all([actorFor("u01-secretary"), actorFor("u02-secretary"), actorFor("u01-branch"), actorFor("supervisor")]);
    expect((await getRatingScheme(supervisor, periodId)).frozenAt).toBeNull();

    // Another unit's secretary, a branch's below, and the committee itself do not self-rate U01.
    for (const outsider of [other, branch, supervisor]) {
      await expect(saveSelfRating(outsider, { periodId, orgId: u01, scores: scores(90, 80, 70) })).rejects.toBeInstanceOf(NotFoundError);
    }
    // A score for each of the scheme's dimensions, whole, 0 to 100, and nothing else.
    await expect(saveSelfRating(secretary, { periodId, orgId: u01, scores: { political: 90, duties: 80 } })).rejects.toMatchObject({
      fieldErrors: { "scores.rectification": ["required"] },
    });
    await expect(saveSelfRating(secretary, { periodId, orgId: u01, scores: { ...scores(90, 80, 101), extra: 5 } })).rejects.toMatchObject({
      fieldErrors: { "scores.rectification": ["percentRange"], "scores.extra": ["unknownDimension"] },
    });
    await expect(saveSelfRating(secretary, { periodId, orgId: u01, scores: scores(90, 80.5, 70) })).rejects.toBeInstanceOf(ValidationError);
    expect(await prisma.ratingEntry.count()).toBe(0);
    expect((await getRatingScheme(supervisor, periodId)).frozenAt).toBeNull();

    await saveSelfRating(secretary, { periodId, orgId: u01, scores: scores(70, 70, 70) });
    // Changed before publication: one self-rating, the latest.
    await saveSelfRating(secretary, { periodId, orgId: u01, scores: scores(90, 80, 70) });
    const sheet = await ratingSheet(periodId, u01);
    expect(sheet.self).toMatchObject({ scores: scores(90, 80, 70), by: secretary.name });

    // The first rating froze the scheme as it stood (the default, never saved): it can no longer change.
    const frozen = await getRatingScheme(supervisor, periodId);
    expect(frozen).toMatchObject({ config: DEFAULT_RATING_SCHEME, version: 1 });
    expect(frozen.frozenAt).not.toBeNull();
    await expect(saveRatingScheme(supervisor, { periodId, config: DEFAULT_RATING_SCHEME, expectedVersion: 1 })).rejects.toMatchObject({ fieldErrors: { config: ["frozen"] } });
    const audit = await prisma.auditLog.findMany({ where: { action: { startsWith: "rating." } }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["rating.scheme.freeze", "rating.self.save", "rating.self.save"]);
  });

  it("takes the superior's rating, the democratic ballots and the adjustments from the committee alone", async () => {
    const [secretary, unitAdmin, supervisor] = await Promise.all([actorFor("u01-secretary"), actorWithRole("ADMIN", "U01"), actorFor("supervisor")]);
    for (const outsider of [secretary, unitAdmin]) {
      await expect(saveSuperiorRating(outsider, { periodId, orgId: u01, scores: scores(100, 90, 80) })).rejects.toBeInstanceOf(NotFoundError);
      await expect(addDemocraticBallot(outsider, { periodId, orgId: u01, scores: scores(100, 90, 80) })).rejects.toBeInstanceOf(NotFoundError);
      await expect(addRatingAdjustment(outsider, { periodId, orgId: u01, points: 5, reason: "自加" })).rejects.toBeInstanceOf(NotFoundError);
    }
    // A branch is not rated under the default scheme.
    await expect(saveSuperiorRating(supervisor, { periodId, orgId: await orgId("U01-B1"), scores: scores(100, 90, 80) })).rejects.toMatchObject({
      fieldErrors: { orgId: ["notRated"] },
    });

    await saveSuperiorRating(supervisor, { periodId, orgId: u01, scores: scores(100, 90, 80) });
    expect(await addDemocraticBallot(supervisor, { periodId, orgId: u01, scores: scores(60, 70, 80) })).toBe(1);
    expect(await addDemocraticBallot(supervisor, { periodId, orgId: u01, scores: scores(0, 0, 0) })).toBe(2);
    expect(await addDemocraticBallot(supervisor, { periodId, orgId: u01, scores: scores(100, 100, 100) })).toBe(3);
    // The second was a slip: taken back, the others keep their numbers, the next is 4.
    await removeDemocraticBallot(supervisor, { periodId, orgId: u01, ballot: 2 });
    await expect(removeDemocraticBallot(supervisor, { periodId, orgId: u01, ballot: 2 })).rejects.toBeInstanceOf(NotFoundError);
    const bonus = await addRatingAdjustment(supervisor, { periodId, orgId: u01, points: 2, reason: "获评市级先进基层党组织" });
    await addRatingAdjustment(supervisor, { periodId, orgId: u01, points: -1.5, reason: "材料报送迟缓" });
    const slip = await addRatingAdjustment(supervisor, { periodId, orgId: u01, points: 9, reason: "录错" });
    await removeRatingAdjustment(supervisor, { periodId, orgId: u01, adjustmentId: slip });
    // An adjustment is removed under the unit it belongs to, not another.
    await expect(removeRatingAdjustment(supervisor, { periodId, orgId: await orgId("U02"), adjustmentId: bonus })).rejects.toBeInstanceOf(NotFoundError);

    const sheet = await ratingSheet(periodId, u01);
    expect(sheet.superior?.scores).toEqual(scores(100, 90, 80));
    expect(sheet.ballots.map((b) => b.ballot)).toEqual([1, 3]);
    expect(sheet.adjustments.map((a) => [a.points, a.reason, a.by])).toEqual([
      [2, "获评市级先进基层党组织", supervisor.name],
      [-1.5, "材料报送迟缓", supervisor.name],
    ]);
  });

  it("scores what was rated: each rating the mean of its dimensions, shared by the scheme, then the adjustments", async () => {
    const supervisor = await actorFor("supervisor");
    const preview = await previewRatings(supervisor, periodId, TEST_NOW);
    const unit = preview.units.find((u) => u.orgId === u01)!;
    // Self (90+80+70)/3 = 80, superior (100+90+80)/3 = 90, democratic the mean of ballots 70 and 100 = 85.
    // The default gives the 40 rated points 40% to self and 60% to the superior: 80×0.4×0.4 + 90×0.6×0.4 = 12.8 + 21.6.
    expect(unit.rated).toEqual({ self: 80, superior: 90, democratic: 85, points: 34.4, complete: true });
    expect(unit.adjustments).toEqual([
      { points: 2, reason: "获评市级先进基层党组织", by: supervisor.name },
      { points: -1.5, reason: "材料报送迟缓", by: supervisor.name },
    ]);
    const ledger = unit.indicators.reduce((sum, i) => sum + i.points, 0);
    expect(unit.base).toBeCloseTo(ledger - unit.deductions.points + 34.4, 2);
    expect(unit.total).toBeCloseTo(Math.min(100, unit.base + 0.5), 2);
    // Units nobody rated keep their rated part at nothing.
    const others = preview.units.filter((u) => u.orgId !== u01);
    expect(others.every((u) => u.rated.points === 0 && !u.rated.complete)).toBe(true);
  });
});

describe("publishing the year's results", () => {
  it("is the committee's, keeps every unit's result as previewed, and closes the year to ratings", async () => {
    const [secretary, supervisor] = await Promise.all([actorFor("u01-secretary"), actorFor("supervisor")]);
    // Before publication a unit sees nothing, not even its own.
    expect((await publishedRatings(secretary, periodId)).units).toEqual([]);
    await expect(publishRatings(secretary, periodId, TEST_NOW)).rejects.toMatchObject({ code: "forbidden" });

    const preview = await previewRatings(supervisor, periodId, TEST_NOW);
    expect(await publishRatings(supervisor, periodId, TEST_NOW)).toBe(preview.units.length);
    const published = await previewRatings(supervisor, periodId, TEST_NOW);
    expect(published.scheme.publishedAt).not.toBeNull();
    expect(published.scheme.publishedBy).toBe(supervisor.name);
    expect(published.units).toEqual(preview.units);
    const kept = await prisma.ratingResult.findUniqueOrThrow({ where: { periodId_orgId: { periodId, orgId: u01 } } });
    const unit = preview.units.find((u) => u.orgId === u01)!;
    expect({ total: Number(kept.total), grade: kept.grade, rank: kept.rank, of: kept.of }).toEqual({ total: unit.total, grade: unit.grade, rank: unit.rank, of: unit.of });

    // Each rated unit's readers hear of it, once, and the notice opens their unit's result; the committee does not.
    const notices = await prisma.notification.findMany({ where: { kind: "RATINGS_PUBLISHED" }, select: { id: true, userId: true, orgId: true } });
    expect(new Set(notices.map((n) => n.orgId)).size).toBeGreaterThan(1);
    expect(notices.every((n) => preview.units.some((u) => u.orgId === n.orgId))).toBe(true);
    expect(notices.filter((n) => n.userId === secretary.id).map((n) => n.orgId)).toEqual([u01]);
    expect(notices.some((n) => n.userId === supervisor.id)).toBe(false);
    const opened = await openNotification(secretary, notices.find((n) => n.userId === secretary.id)!.id);
    expect(opened?.target).toBe(`/ratings/${u01}?period=${periodId}`);

    // Nothing is rated, adjusted or published again after.
    await expect(saveSelfRating(secretary, { periodId, orgId: u01, scores: scores(100, 100, 100) })).rejects.toMatchObject({ fieldErrors: { periodId: ["published"] } });
    await expect(saveSuperiorRating(supervisor, { periodId, orgId: u01, scores: scores(100, 100, 100) })).rejects.toMatchObject({ fieldErrors: { periodId: ["published"] } });
    await expect(addRatingAdjustment(supervisor, { periodId, orgId: u01, points: 3, reason: "补录" })).rejects.toMatchObject({ fieldErrors: { periodId: ["published"] } });
    await expect(publishRatings(supervisor, periodId, TEST_NOW)).rejects.toMatchObject({ fieldErrors: { periodId: ["published"] } });

    // The ledger moving on does not move a published result.
    await prisma.checklistItem.updateMany({ where: { org: { code: "U01" }, status: { not: "DONE" } }, data: { status: "DONE", completedAt: TEST_NOW } });
    expect((await previewRatings(supervisor, periodId, TEST_NOW)).units).toEqual(preview.units);
  });

  it("shows each unit its own result and rank among its type, and nobody another's outside their scope", async () => {
    const [secretary, staff, branch, inspector, supervisor] = await Promise.all([
      actorFor("u01-secretary"),
      actorWithRole("STAFF", "U01"),
      actorFor("u01-branch"),
      actorWithRole("INSPECTOR", "WC"),
      actorFor("supervisor"),
    ]);
    for (const reader of [secretary, staff]) {
      const { units } = await publishedRatings(reader, periodId);
      expect(units.map((u) => u.orgId)).toEqual([u01]);
      expect(units[0]!.of).toBe(await prisma.org.count({ where: { type: "PARTY_GROUP", closedAt: null } }));
      // Every computed indicator is kept with the result, the ones the scheme gives no points to as well.
      expect(units[0]!.indicators.map((i) => i.key)).toEqual(["completion", "onTime", "evidence", "findingsOnTime", "tourRectification"]);
    }
    // A branch's secretary sits below the unit; an inspector holds no reading of ratings.
    for (const reader of [branch, inspector]) expect((await publishedRatings(reader, periodId)).units).toEqual([]);
    expect((await publishedRatings(supervisor, periodId)).units).toHaveLength(await prisma.org.count({ where: { type: "PARTY_GROUP", closedAt: null } }));
  });
});

/** The workbook a reader downloads, read back: the title, the headers and the rows' values. */
async function exportToSheet(actor: Actor) {
  const { t, errors } = zhTranslator();
  const prepared = await prepareRatingExport(actor, periodId, { t, locale: "zh", now: TEST_NOW });
  const rows = await firstSheetRows((output) => prepared.writeTo(output));
  return { errors, title: String(rows[0]?.[0] ?? ""), header: rows[1] ?? [], body: rows.slice(2) };
}

describe("the year's results in Excel", () => {
  it("lists what the reader's page lists: every unit for the committee, a unit's own result for its secretary, as numbers", async () => {
    const [secretary, supervisor] = await Promise.all([actorFor("u01-secretary"), actorFor("supervisor")]);
    const { units } = await previewRatings(supervisor, periodId, TEST_NOW);
    const all = await exportToSheet(supervisor);
    expect(all.errors).toEqual([]);
    expect(all.title).toMatch(/^2026 年度述职评议考核结果 · \d{4}-\d{2}-\d{2} 公布 · 导出日期 2026-11-25$/);
    expect(all.header).toEqual(["排名", "单位", "类型", "职责完成", "按时完成", "佐证齐全", "问题按期销号", "扣分", "自评", "上级评价", "民主测评", "评议得分", "加减分", "总分", "等次", "确定等次的依据"]);
    expect(all.body.map((r) => [r[0], r[13], r[14]])).toEqual(units.map((u) => [u.rank, u.total, { GOOD: "好", FAIRLY_GOOD: "较好", AVERAGE: "一般", POOR: "差" }[u.grade]]));

    const own = await exportToSheet(secretary);
    const unit = units.find((u) => u.orgId === u01)!;
    expect(own.body).toHaveLength(1);
    expect(own.body[0]!.slice(8, 14)).toEqual([80, 90, 85, 34.4, "+2 获评市级先进基层党组织（周督导）；-1.5 材料报送迟缓（周督导）", unit.total]);
  });
});
