import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { addAwardBar, barCandidates, listAwardBars, removeAwardBar, writeAwardBarWorkbook } from "@/lib/server/ratings/award-bars";
import { resolveRatedYear } from "@/lib/server/ratings/schemes";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { firstSheetRows, zhTranslator } from "@/lib/test/workbooks";

let drop: () => Promise<void>;
let year: { id: string; year: number };

beforeAll(async () => {
  drop = await useSeededDatabase("award-bars");
  year = (await resolveRatedYear(undefined, TEST_NOW))!;
});
afterAll(() => drop());

describe("bars from the year's awards", () => {
  it("are the committee's to add, for the unit or one of its own secretaries, once each, and to lift", async () => {
    const [supervisor, secretary, unitAdmin, u01, u02] = await Promise.all([actorFor("supervisor"), actorFor("u01-secretary"), actorWithRole("ADMIN", "U01"), orgId("U01"), orgId("U02")]);
    const periodId = year.id;
    for (const outsider of [secretary, unitAdmin]) {
      await expect(addAwardBar(outsider, { periodId, orgId: u01, userId: null, reason: "自行决定" })).rejects.toBeInstanceOf(NotFoundError);
    }
    // Only the unit's own secretaries: U02's secretary is not U01's to bar.
    expect((await barCandidates(u01)).map((u) => u.id)).toEqual([secretary.id]);
    const other = await actorFor("u02-secretary");
    await expect(addAwardBar(supervisor, { periodId, orgId: u01, userId: other.id, reason: "错选" })).rejects.toMatchObject({ fieldErrors: { userId: ["notUnitSecretary"] } });

    const unitBar = await addAwardBar(supervisor, { periodId, orgId: u01, userId: null, reason: "发生严重违纪问题" });
    await addAwardBar(supervisor, { periodId, orgId: u01, userId: secretary.id, reason: "履行第一责任人职责不力，被问责" });
    await expect(addAwardBar(supervisor, { periodId, orgId: u01, userId: null, reason: "再记一次" })).rejects.toMatchObject({ fieldErrors: { userId: ["alreadyBarred"] } });
    await addAwardBar(supervisor, { periodId, orgId: u02, userId: null, reason: "整改不力" });

    // The committee reads them all, by unit, the unit before its secretary; the unit reads its own alone.
    const all = await listAwardBars(supervisor, periodId);
    expect(all.map((b) => [b.orgId, b.person, b.reason, b.decidedBy])).toEqual([
      [u01, null, "发生严重违纪问题", supervisor.name],
      [u01, secretary.name, "履行第一责任人职责不力，被问责", supervisor.name],
      [u02, null, "整改不力", supervisor.name],
    ]);
    expect((await listAwardBars(secretary, periodId)).map((b) => b.reason)).toEqual(["发生严重违纪问题", "履行第一责任人职责不力，被问责"]);
    expect(await listAwardBars(await actorFor("u01-branch"), periodId)).toEqual([]);

    // Lifted under its own unit only, and audited.
    await expect(removeAwardBar(supervisor, { orgId: u02, barId: unitBar })).rejects.toBeInstanceOf(NotFoundError);
    await removeAwardBar(supervisor, { orgId: u01, barId: unitBar });
    expect((await listAwardBars(supervisor, periodId)).map((b) => b.reason)).toEqual(["履行第一责任人职责不力，被问责", "整改不力"]);
    const audit = await prisma.auditLog.findMany({ where: { entityType: "AwardBar" }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["rating.awardBar.add", "rating.awardBar.add", "rating.awardBar.add", "rating.awardBar.remove"]);
  });

  it("export as the reader may see them", async () => {
    const supervisor = await actorFor("supervisor");
    const { t, errors } = zhTranslator();
    let written = 0;
    const rows = await firstSheetRows(async (output) => {
      written = await writeAwardBarWorkbook(supervisor, year, output, { t, locale: "zh", now: TEST_NOW });
    });
    expect(written).toBe(2);
    expect(errors).toEqual([]);
    expect(rows[0]![0]).toBe("2026 年度取消评先评优资格名单 · 导出日期 2026-11-25");
    expect(rows[1]).toEqual(["序号", "单位", "对象", "理由", "决定人", "日期"]);
    expect(rows.slice(2).map((r) => [r[0], r[2], r[3]])).toEqual([
      [1, (await actorFor("u01-secretary")).name, "履行第一责任人职责不力，被问责"],
      [2, "本单位", "整改不力"],
    ]);
  });
});
