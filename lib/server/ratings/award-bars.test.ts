import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import { addAwardBar, barCandidates, listAwardBars, removeAwardBar, writeAwardBarWorkbook } from "@/lib/server/ratings/award-bars";
import { resolveRatedYear } from "@/lib/server/ratings/schemes";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import zh from "@/messages/zh.json";

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
    const errors: unknown[] = [];
    const t = createTranslator({ locale: "zh", messages: zh, onError: (e) => errors.push(e) }) as unknown as Translate;
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on("data", (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => output.on("end", resolve));
    expect(await writeAwardBarWorkbook(supervisor, year, output, { t, locale: "zh", now: TEST_NOW })).toBe(2);
    await ended;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.concat(chunks)).buffer);
    const rows = (workbook.worksheets[0]!.getSheetValues().slice(1) as ExcelJS.CellValue[][]).map((r) => r.slice(1));
    expect(errors).toEqual([]);
    expect(rows[0]![0]).toBe("2026 年度取消评先评优资格名单 · 导出日期 2026-11-25");
    expect(rows[1]).toEqual(["序号", "单位", "对象", "理由", "决定人", "日期"]);
    expect(rows.slice(2).map((r) => [r[0], r[2], r[3]])).toEqual([
      [1, (await actorFor("u01-secretary")).name, "履行第一责任人职责不力，被问责"],
      [2, "本单位", "整改不力"],
    ]);
  });
});
