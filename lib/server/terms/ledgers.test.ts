import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayOf } from "@/lib/dates";
import type { Actor } from "@/lib/server/auth/actor";
import { ExportTooLargeError, type Translate } from "@/lib/server/checklists/export-checklist";
import { prisma } from "@/lib/server/db";
import { prepareTermExport } from "@/lib/server/terms/export-terms";
import { listHeadLedger, listTalkLedger } from "@/lib/server/terms/list-records";
import { listTermLedger } from "@/lib/server/terms/list-terms";
import { recordHeadChange, recordTalk } from "@/lib/server/terms/record-terms";
import type { TermLedger } from "@/lib/term-ledgers";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { ZRecordHeadChange, ZRecordTalk, type TRecordLedgerFilters, type TTermLedgerFilters } from "@/lib/validation/terms";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

let drop: () => Promise<void>;
let u01: Actor;
let u02: Actor;
let u03: Actor;
let branch: Actor;
let supervisor: Actor;
let u03Id: string;

/** U03's organizations that hold terms, each given a current term due on a day around the boundaries as of TEST_NOW (2026-11-25). */
const BOUNDARIES = {
  "U03-OPC": { due: "2027-05-26", state: "notDue" }, // six months and a day
  "U03-B1": { due: "2027-05-25", state: "green" }, // exactly six months
  "U03-B2": { due: "2027-02-26", state: "green" }, // three months and a day
  "U03-GB1": { due: "2027-02-25", state: "yellow" }, // exactly three months
  "U03-GB1-B1": { due: "2026-11-25", state: "yellow" }, // the due day
  "U03-GB1-B2": { due: "2026-11-24", state: "red" }, // one day overdue
} as const;

beforeAll(async () => {
  drop = await useSeededDatabase("term-ledgers");
  [u01, u02, u03, branch, supervisor] = await Promise.all([
    actorFor("u01-secretary"),
    actorFor("u02-secretary"),
    actorFor("u03-secretary"),
    actorFor("u01-branch"),
    actorFor("supervisor"),
  ]);
  u03Id = await orgId("U03");
  const unit = await prisma.org.findUniqueOrThrow({ where: { code: "U03" }, select: { path: true } });
  await prisma.orgTerm.deleteMany({ where: { org: { path: { startsWith: unit.path } } } });
  for (const [code, { due }] of Object.entries(BOUNDARIES)) {
    const dueOn = dayOf(due);
    const electedOn = new Date(Date.UTC(dueOn.getUTCFullYear() - 3, dueOn.getUTCMonth(), dueOn.getUTCDate()));
    await prisma.orgTerm.create({ data: { orgId: await orgId(code), electedOn, termYears: 3, dueOn, secretaryName: `${code}书记`, members: [`${code}书记`, "委员甲"] } });
  }
  // A branch with none recorded, and a closed one that no longer counts.
  const opc = await prisma.org.findUniqueOrThrow({ where: { code: "U03-OPC" }, select: { id: true, path: true, depth: true } });
  for (const [code, closedAt] of [["U03-B9", null], ["U03-B8", TEST_NOW]] as const) {
    const created = await prisma.org.create({ data: { code, name: `${code}党支部`, type: "BRANCH", parentId: opc.id, path: `pending:${code}`, depth: opc.depth + 1, closedAt } });
    await prisma.org.update({ where: { id: created.id }, data: { path: `${opc.path}${created.id}/` } });
  }
});
afterAll(() => drop());

const byCode = async (rows: { org: { id: string } }[]) => {
  const orgs = await prisma.org.findMany({ where: { id: { in: rows.map((r) => r.org.id) } }, select: { id: true, code: true } });
  const codes = new Map(orgs.map((o) => [o.id, o.code]));
  return rows.map((r) => codes.get(r.org.id));
};

describe("the term ledger", () => {
  it("colours terms at the boundaries: six months ahead green, three months and the due day yellow, a day overdue red; none recorded said so", async () => {
    const ledger = await listTermLedger(u03, { org: u03Id }, { now: TEST_NOW });
    const codes = await byCode(ledger.rows);
    const states = Object.fromEntries(codes.map((code, i) => [code, ledger.rows[i]!.state]));
    expect(states).toEqual({ ...Object.fromEntries(Object.entries(BOUNDARIES).map(([code, b]) => [code, b.state])), "U03-B9": "missing" });
    // Red first, then yellow, green, none recorded, not due; by due day within a state.
    expect(codes).toEqual(["U03-GB1-B2", "U03-GB1-B1", "U03-GB1", "U03-B2", "U03-B1", "U03-B9", "U03-OPC"]);
    expect(ledger.rows.find((r) => r.state === "red")?.warning).toEqual({ colour: "red", daysLeft: -1 });
    expect(ledger.rows.find((r) => r.state === "missing")?.term).toBeNull();
    expect(ledger.summary).toEqual({ total: 7, red: 1, yellow: 2, green: 2, missing: 1, notDue: 1 });
  });

  it("filters by state, counting the summary without the state filter, and pages in the database", async () => {
    const yellow = await listTermLedger(u03, { org: u03Id, state: "yellow" }, { now: TEST_NOW });
    expect(await byCode(yellow.rows)).toEqual(["U03-GB1-B1", "U03-GB1"]);
    expect(yellow.total).toBe(2);
    expect(yellow.summary.total).toBe(7);
    const second = await listTermLedger(u03, { org: u03Id }, { now: TEST_NOW, page: 2, pageSize: 3 });
    expect([second.total, second.page, second.pageCount]).toEqual([7, 2, 3]);
    expect(await byCode(second.rows)).toEqual(["U03-B2", "U03-B1", "U03-B9"]);
    const missing = await listTermLedger(u03, { org: u03Id, state: "missing" }, { now: TEST_NOW });
    expect(await byCode(missing.rows)).toEqual(["U03-B9"]);
  });

  it("lists only the organizations the reader reaches", async () => {
    const own = await listTermLedger(u01, {}, { now: TEST_NOW, pageSize: 1000 });
    const codes = await byCode(own.rows);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => c?.startsWith("U01-"))).toBe(true);
    // Another unit's subtree asked for by name gives nothing.
    expect((await listTermLedger(u02, { org: u03Id }, { now: TEST_NOW })).total).toBe(0);
    expect((await listTermLedger(u02, { org: u03Id }, { now: TEST_NOW })).summary.total).toBe(0);
    // A branch secretary reads their own branch's line; staff do not read terms at all.
    expect(await byCode((await listTermLedger(branch, {}, { now: TEST_NOW })).rows)).toEqual(["U01-B1"]);
    expect((await listTermLedger(await actorFor("u01-staff"), {}, { now: TEST_NOW })).total).toBe(0);
    // The committee reads every unit's; party groups and the working committee hold no terms.
    const all = await listTermLedger(supervisor, {}, { now: TEST_NOW, pageSize: 1000 });
    const types = await prisma.org.findMany({ where: { id: { in: all.rows.map((r) => r.org.id) } }, select: { type: true } });
    expect(new Set(types.map((t) => t.type))).toEqual(new Set(["ORGAN_PARTY_COMMITTEE", "GENERAL_BRANCH", "BRANCH"]));
    expect(all.total).toBe(await prisma.org.count({ where: { type: { in: ["ORGAN_PARTY_COMMITTEE", "GENERAL_BRANCH", "BRANCH"] }, closedAt: null } }));
  });
});

describe("the talk and head-change ledgers", () => {
  it("list the records within the reader's reach, newest first, by subtree and range of days", async () => {
    const b1 = await orgId("U01-B1");
    const u02b1 = await orgId("U02-B1");
    await recordTalk(u01, ZRecordTalk.parse({ orgId: b1, appointeeName: "甲", talkedOn: "2026-11-01", talkedBy: "张书记", points: "要点一" }), TEST_NOW);
    await recordTalk(u01, ZRecordTalk.parse({ orgId: b1, appointeeName: "乙", talkedOn: "2026-11-10", talkedBy: "张书记", points: "要点二" }), TEST_NOW);
    await recordTalk(u02, ZRecordTalk.parse({ orgId: u02b1, appointeeName: "丙", talkedOn: "2026-11-05", talkedBy: "李书记", points: "要点三" }), TEST_NOW);
    await recordHeadChange(u01, ZRecordHeadChange.parse({ orgId: b1, changedOn: "2026-11-09", previousName: "", newName: "乙", consultation: "酝酿" }), TEST_NOW);

    const mine = await listTalkLedger(u01, { org: b1 });
    expect(mine.rows.slice(0, 2).map((r) => r.appointeeName)).toEqual(["乙", "甲"]);
    expect(mine.rows.every((r) => r.org.id === b1)).toBe(true);
    const allMine = await listTalkLedger(u01, {});
    expect(allMine.rows.some((r) => r.appointeeName === "丙")).toBe(false);
    expect((await listTalkLedger(u02, {})).rows.map((r) => r.appointeeName)).toContain("丙");
    expect((await listTalkLedger(u02, { org: b1 })).total).toBe(0);

    const ranged = await listTalkLedger(supervisor, { from: "2026-11-05", to: "2026-11-10" });
    expect(ranged.rows.map((r) => r.appointeeName)).toEqual(["乙", "丙"]);
    const paged = await listTalkLedger(supervisor, { from: "2026-11-01" }, { page: 2, pageSize: 2 });
    expect([paged.total, paged.page, paged.rows.map((r) => r.appointeeName)]).toEqual([3, 2, ["甲"]]);

    const heads = await listHeadLedger(u01, { from: "2026-11-09", to: "2026-11-09" });
    expect(heads.rows.map((r) => [r.previousName, r.newName, r.recordedBy])).toEqual([[null, "乙", u01.name]]);
    expect((await listHeadLedger(u02, { from: "2026-11-09", to: "2026-11-09" })).total).toBe(0);
  });
});

async function exportToSheet(actor: Actor, ledger: TermLedger, filters: TTermLedgerFilters & TRecordLedgerFilters, locale: "zh" | "en" = "zh", limit?: number) {
  const errors: unknown[] = [];
  const t = createTranslator({ locale, messages: locale === "zh" ? zh : en, onError: (e) => errors.push(e) }) as unknown as Translate;
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => output.on("end", resolve));
  const prepared = await prepareTermExport(actor, ledger, filters, { t, locale, now: TEST_NOW, limit });
  await prepared.writeTo(output);
  await ended;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.concat(chunks)).buffer);
  const sheet = workbook.worksheets[0]!;
  const rows = sheet.getSheetValues().slice(1) as ExcelJS.CellValue[][];
  return { errors, sheet, rows: prepared.rows, title: String(rows[0]?.[1] ?? ""), header: (rows[1] ?? []).slice(1), body: rows.slice(2).map((r) => Array.from(r.slice(1), (v) => v ?? null)) };
}

describe("the Excel exports", () => {
  it("write the term ledger with Chinese headers, one row per line in ledger order, states in words", async () => {
    const { errors, sheet, title, header, body, rows } = await exportToSheet(u03, "terms", { org: u03Id });
    expect(errors).toEqual([]);
    expect(sheet.name).toBe("换届台账");
    expect(title).toContain("换届台账 · 省财政厅党组 · 导出日期 2026-11-25");
    expect(header).toEqual(["序号", "组织", "组织类型", "上级组织", "换届状态", "选举日期", "任期", "届满日期", "书记", "委员", "批复日期", "批复意见"]);
    expect(rows).toBe(7);
    expect(body).toHaveLength(7);
    expect(body.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(body[0]!.slice(1, 3)).toEqual(["省财政厅离退休干部第二党支部", "党支部"]);
    expect(body.map((r) => r[4])).toEqual([
      "逾期未换届 · 逾期 1 天",
      "3个月内届满 · 今天到期",
      "3个月内届满 · 剩 92 天",
      "6个月内届满 · 剩 93 天",
      "6个月内届满 · 剩 181 天",
      "未录入",
      "任期内",
    ]);
    expect(body[0]![7]).toEqual(dayOf("2026-11-24"));
    expect(body[0]![9]).toBe("U03-GB1-B2书记、委员甲");
    // None recorded: the organization and its state, nothing else (empty cells read back as none).
    expect(body[5]!.slice(1, 5)).toEqual(["U03-B9党支部", "党支部", "省财政厅机关党委", "未录入"]);
    expect(body[5]!.slice(5).filter((v) => v !== null)).toEqual([]);
  });

  it("write the talk and head-change ledgers within the reader's reach, in English for an English reader", async () => {
    const talks = await exportToSheet(u02, "talks", {});
    expect(talks.header).toEqual(["序号", "组织", "谈话日期", "谈话对象", "谈话人", "谈话要点", "记录人"]);
    expect(talks.body).toHaveLength((await listTalkLedger(u02, {})).total);
    expect(talks.body.every((r) => String(r[1]).startsWith("省教育厅"))).toBe(true);
    expect(talks.body.map((r) => r[3])).toContain("丙");
    const heads = await exportToSheet(u01, "heads", { from: "2026-11-09", to: "2026-11-09" }, "en");
    expect(heads.errors).toEqual([]);
    expect(heads.sheet.name).toBe("Head changes");
    expect(heads.header).toEqual(["No.", "Organization", "Changed on", "Previous head", "New head", "Consultation", "Recorded by"]);
    expect(heads.body).toEqual([[1, "Branch of the General Office, Provincial Development and Reform Commission", dayOf("2026-11-09"), null, "乙", "酝酿", u01.name]]);
  });

  it("refuse a selection over the limit", async () => {
    const t = createTranslator({ locale: "zh", messages: zh }) as unknown as Translate;
    const refused = await prepareTermExport(u03, "terms", { org: u03Id }, { t, locale: "zh", now: TEST_NOW, limit: 6 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ExportTooLargeError);
    expect(refused).toMatchObject({ total: 7, limit: 6 });
  });
});

describe("a secretary of an organ party committee", () => {
  it("reads the ledger of the committee's whole subtree", async () => {
    const opcSecretary = await actorWithRole("SECRETARY", "U03-OPC");
    const ledger = await listTermLedger(opcSecretary, {}, { now: TEST_NOW });
    expect(ledger.total).toBe(7);
  });
});
