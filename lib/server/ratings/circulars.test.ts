import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import { openNotification } from "@/lib/server/notifications/mark-read";
import { createCircular, getCircular, issueCircular, listCirculars, saveCircular } from "@/lib/server/ratings/circulars";
import { resolveRatedYear } from "@/lib/server/ratings/schemes";
import { actorFor, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let periodId: string;

beforeAll(async () => {
  drop = await useSeededDatabase("circulars");
  periodId = (await resolveRatedYear(undefined, TEST_NOW))!.id;
});
afterAll(() => drop());

/** This year's findings by hand: theory study on U01 and on a branch of U02 (common), a membership-fee one on U03 alone, and last year's. */
async function findings(): Promise<void> {
  const [wc, u01, u02b, u03] = await Promise.all([orgId("WC"), orgId("U01"), orgId("U02-B1"), orgId("U03")]);
  const round = (startsOn: string) => prisma.inspectionRound.create({ data: { title: `督查 ${startsOn}`, type: "SPOT_CHECK", scopeOrgId: wc, startsOn: new Date(startsOn), endsOn: new Date(startsOn) } });
  const [thisYear, lastYear] = await Promise.all([round("2026-04-01"), round("2025-10-01")]);
  let seq = 0;
  for (const [roundId, org, categoryId, description, state] of [
    [thisYear.id, u01, "fcat-theory", "学习计划未制定", "CLOSED"],
    [thisYear.id, u02b, "fcat-theory", "学习记录不完整", "OPEN"],
    [thisYear.id, u03, "fcat-members", "党费未按月收缴", "OPEN"],
    [lastYear.id, u03, "fcat-members", "去年的问题", "OPEN"],
  ] as const) {
    const report = await prisma.inspectionReport.create({ data: { roundId, orgId: org, status: "ISSUED", issuedAt: new Date("2026-04-10") } });
    seq += 1;
    await prisma.finding.create({ data: { reportId: report.id, roundId, orgId: org, seq, description, categoryId, state, deadline: new Date("2026-06-30") } });
  }
}

describe("a circular", () => {
  it("is drafted from the year's findings, common before individual, naming the units found", async () => {
    await findings();
    const supervisor = await actorFor("supervisor");
    await expect(createCircular(await actorFor("u01-secretary"), periodId)).rejects.toMatchObject({ code: "forbidden" });
    const id = await createCircular(supervisor, periodId);
    const circular = await getCircular(supervisor, id);
    const names = await prisma.org.findMany({ where: { code: { in: ["U01", "U02", "U03"] } }, select: { code: true, name: true, id: true }, orderBy: { code: "asc" } });
    expect(circular).toMatchObject({ status: "DRAFT", version: 1, canEdit: true, title: "关于2026年度机关党建工作督查检查情况的通报" });
    expect(circular.named.map((n) => n.id)).toEqual(names.map((n) => n.id));
    // The branch's finding is named by its unit; last year's finding is left out.
    expect(circular.body).toContain(`共发现问题 3 个，涉及 3 个单位。\n\n（一）共性问题\n\n1. 理论学习：2 个单位存在，共 2 个问题（${names[0]!.name}、${names[1]!.name}）。`);
    expect(circular.body).toContain(`（二）个性问题\n\n1. ${names[2]!.name}：党费未按月收缴（党员教育管理）`);
    expect(circular.body).toContain("已整改销号 1 个，整改率 33.3%。");
    expect(circular.body).not.toContain("去年的问题");
  });

  it("is edited as a draft, frozen on issue, and shown to the units it names alone", async () => {
    const [supervisor, u01, u02, u02b, u04] = await Promise.all([
      actorFor("supervisor"),
      actorFor("u01-secretary"),
      actorFor("u02-secretary"),
      actorFor("u02-branch"),
      actorFor("u04-secretary"),
    ]);
    const id = (await listCirculars(supervisor, periodId))[0]?.id;
    // A draft is the committee's alone.
    await expect(getCircular(u01, id!)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listCirculars(u01, periodId)).toEqual([]);

    const named = [await orgId("U01"), await orgId("U02")];
    await saveCircular(supervisor, { id: id!, title: "督查情况通报", number: "机关工委通报〔2026〕3号", body: "通报正文", namedOrgIds: named, expectedVersion: 1 });
    await expect(saveCircular(supervisor, { id: id!, title: "旧稿", number: "", body: "旧稿", namedOrgIds: named, expectedVersion: 1 })).rejects.toBeInstanceOf(ConflictError);
    await issueCircular(supervisor, { id: id!, expectedVersion: 2 });
    await expect(saveCircular(supervisor, { id: id!, title: "改", number: "", body: "改", namedOrgIds: named, expectedVersion: 3 })).rejects.toMatchObject({ fieldErrors: { body: ["circularIssued"] } });
    await expect(issueCircular(supervisor, { id: id!, expectedVersion: 3 })).rejects.toMatchObject({ fieldErrors: { body: ["circularIssued"] } });

    // Issued: the named units' readers read it; U04, not named, does not, nor a branch below a named unit.
    for (const reader of [u01, u02]) {
      expect((await listCirculars(reader, periodId)).map((c) => c.id)).toEqual([id]);
      expect(await getCircular(reader, id!)).toMatchObject({ title: "督查情况通报", number: "机关工委通报〔2026〕3号", body: "通报正文", status: "ISSUED", canEdit: false });
    }
    for (const outsider of [u04, u02b]) {
      expect(await listCirculars(outsider, periodId)).toEqual([]);
      await expect(getCircular(outsider, id!)).rejects.toBeInstanceOf(NotFoundError);
    }

    // The named units' secretaries hear of it, and the notice opens the circular; nobody else hears.
    const notices = await prisma.notification.findMany({ where: { kind: "CIRCULAR_ISSUED" }, select: { id: true, userId: true } });
    expect(notices.map((n) => n.userId).sort()).toEqual([u01.id, u02.id].sort());
    const opened = await openNotification(u01, notices.find((n) => n.userId === u01.id)!.id);
    expect(opened?.target).toBe(`/ratings/circulars/${id}`);
  });
});
