import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { createRequire } from "node:module";
import { createTranslator } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";
import { catalogJson, catalogWorkbook } from "../test/catalog-files";
import { MAX_CATALOG_DUTIES, ZCatalogFile, type TCatalogFile } from "../validation/catalog-file";
import { importCatalogFileInWorker } from "./import-in-worker";
import {
  CATALOG_FORMATS,
  CATALOG_LOCATION_KEYS,
  CATALOG_PROBLEM_CODES,
  MAX_CATALOG_FILE_BYTES,
  catalogProblemLocation,
  detectFormat,
  exportCatalog,
  importCatalog,
  importCatalogFile,
  type CatalogImportResult,
  type CatalogProblem,
} from "./catalog-io";

const CATALOG_DIR = path.join(process.cwd(), "prisma", "catalogs");
/** The temporary files exceljs's streaming reader writes through (a dependency of exceljs, typed here as used). */
type TempFile = (callback: (...args: unknown[]) => void) => void;
const tmp = createRequire(import.meta.url)("tmp") as { file: TempFile };

const SAMPLES = fs
  .readdirSync(CATALOG_DIR)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => ZCatalogFile.parse(JSON.parse(fs.readFileSync(path.join(CATALOG_DIR, name), "utf8"))));

/** Every problem the tests see, to check below that each code is reachable and has a message that formats. */
const emitted: CatalogProblem[] = [];

async function problemsOf(result: CatalogImportResult | Promise<CatalogImportResult>): Promise<CatalogProblem[]> {
  const settled = await result;
  if (settled.ok) throw new Error(`expected the file to be refused, got ${settled.catalog.key}`);
  emitted.push(...settled.problems);
  return settled.problems;
}

function detectionProblems(fileName: string, bytes: Buffer): CatalogProblem[] {
  const detected = detectFormat(fileName, bytes);
  if (detected.ok) throw new Error(`expected ${fileName} to be refused, got ${detected.format}`);
  emitted.push(...detected.problems);
  return detected.problems;
}

function sample(key: string): TCatalogFile {
  const found = SAMPLES.find((catalog) => catalog.key === key);
  if (!found) throw new Error(`no sample ${key}`);
  return found;
}

type Cell = ExcelJS.CellValue;

const INFO_ROWS: Cell[][] = [
  ["清单标识", "hand-edited"],
  ["清单名称", "手工编辑的清单"],
  ["发布机关", "示例：机关党委"],
  ["来源", "sample"],
  ["版本", 1],
];
const REQUIRED_HEADER = ["编号", "职责名称", "责任类别", "责任主体", "频次"];

/** A workbook as someone might build it by hand; sheets in the given order, each row from row 1. */
async function workbook(sheets: Record<string, Cell[][]>, edit?: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    rows.forEach((row, index) => {
      row.forEach((value, column) => {
        if (value !== null && value !== undefined) sheet.getCell(index + 1, column + 1).value = value;
      });
    });
  }
  edit?.(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function dutiesWorkbook(duties: Cell[][], info: Cell[][] = INFO_ROWS): Promise<Buffer> {
  return workbook({ 清单: info, 职责: duties });
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2));
const text = (value: string) => Buffer.from(value, "utf8");

describe("round trip", () => {
  const cases = SAMPLES.flatMap((catalog) => CATALOG_FORMATS.map((format) => [catalog.key, format] as const));

  it.each(cases)("%s as %s imports to the same catalog", async (key, format) => {
    const catalog = sample(key);
    const bytes = await exportCatalog(catalog, format);
    expect(await importCatalog(bytes, format)).toStrictEqual({ ok: true, catalog });
    expect(detectFormat(`${key}.${format}`, bytes)).toStrictEqual({ ok: true, format });
    expect(await importCatalogFile("download", bytes)).toStrictEqual({ ok: true, catalog });
  });
});

describe("export", () => {
  const catalog = sample("organ-party-committee-art10-sample");

  it("writes JSON indented by two spaces, keys in schema order, without absent optional keys", async () => {
    const written = (await exportCatalog(catalog, "json")).toString("utf8");
    expect(written.startsWith('{\n  "key": "organ-party-committee-art10-sample",\n  "title": ')).toBe(true);
    expect(written.endsWith("}\n")).toBe(true);
    expect(written).toContain('\n    {\n      "code": "OPC-01",\n      "title": ');
    expect(written).not.toContain('"group"');
    expect(JSON.parse(written)).toStrictEqual(catalog);
  });

  it("writes YAML in block style with the same keys", async () => {
    const written = (await exportCatalog(catalog, "yaml")).toString("utf8");
    expect(written.startsWith("key: organ-party-committee-art10-sample\ntitle: ")).toBe(true);
    expect(written).toContain("\nduties:\n  - code: OPC-01\n    title: 宣传执行党的路线方针政策\n");
    expect(written).toContain("\n    evidenceRequired: true\n    weight: 10\n");
    expect(written).not.toContain("group:");
    expect(written).not.toMatch(/: [[{]/);
  });

  it("writes an Excel workbook with a key/value sheet and a styled duties table in Chinese", async () => {
    const shandong = sample("shandong-style-sample");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(await exportCatalog(shandong, "xlsx")).buffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["清单", "职责"]);

    const info = book.getWorksheet("清单");
    const duties = book.getWorksheet("职责");
    if (!info || !duties) throw new Error("sheets missing");
    const infoRows = info.getSheetValues().slice(1).map((row) => (Array.isArray(row) ? row.slice(1) : row));
    expect(infoRows).toEqual([
      ["清单标识", shandong.key],
      ["清单名称", shandong.title],
      ["英文名称", shandong.titleEn],
      ["发布机关", shandong.issuer],
      ["发布机关（英文）", shandong.issuerEn],
      ["来源", shandong.source],
      ["来源说明", shandong.sourceNote],
      ["版本", 1],
    ]);
    expect(info.getCell("A1").font?.bold).toBe(true);
    expect(info.getColumn(2).width).toBe(80);

    const header = duties.getRow(1);
    expect(Array.from({ length: 11 }, (_, index) => header.getCell(index + 1).value)).toEqual([
      "编号",
      "职责名称",
      "英文名称",
      "具体内容",
      "英文说明",
      "责任类别",
      "责任主体",
      "频次",
      "需佐证材料",
      "分值",
      "分组",
    ]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(1).fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(duties.getColumn(4).width).toBe(60);
    expect(duties.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

    const first = duties.getRow(2);
    expect([6, 7, 8, 9, 10].map((column) => first.getCell(column).value)).toEqual(["主体责任", "单位党组（党委）", "每年", "是", 10]);
    expect(duties.rowCount).toBe(shandong.duties.length + 1);
  });
});

describe("hand-edited Excel", () => {
  it("reads columns by header in any order, enum codes, spaces, merged cells and blank rows", async () => {
    const bytes = await workbook(
      {
        清单: [
          ["  清单标识 ", " hand-edited "],
          ["清单名称", "手工编辑的清单"],
          ["发布机关", "示例：机关党委"],
          ["发布机关(英文)", "Sample: organ party committee"],
          ["备注", "ignored"],
          ["来源", "sample"],
          ["版本", " 3 "],
        ],
        职责: [
          ["某单位责任清单（手工编辑）"],
          ["频次", "责任主体", " 职责名称 ", "编号", "责任类别", "weight", "需佐证材料", "备注", "分组"],
          ["每季度", "PARTY_GROUP", " 研究部署年度工作 ", "A-01", "main", "5", "TRUE", "随便写", "第一组"],
          [" yearly ", "单位党组(党委)", "第二项", 2, " 协助职责 ", 10, true],
          [],
          ["一次性", "党 支 部", "第三项", "A-03", "IMPLEMENTING", null, "否", null, "第二组"],
          [null, null, null, null, null, null, null, "only a remark"],
          [" "],
        ],
      },
      (book) => {
        const sheet = book.getWorksheet("职责");
        if (!sheet) throw new Error("sheet missing");
        sheet.mergeCells("A1:I1");
        sheet.mergeCells("I3:I4");
        sheet.getCell("C12").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
      },
    );
    expect(await importCatalog(bytes, "xlsx")).toStrictEqual({
      ok: true,
      catalog: {
        key: "hand-edited",
        title: "手工编辑的清单",
        issuer: "示例：机关党委",
        issuerEn: "Sample: organ party committee",
        source: "sample",
        version: 3,
        duties: [
          { code: "A-01", title: "研究部署年度工作", description: "", kind: "MAIN", bodyType: "PARTY_GROUP", frequency: "QUARTERLY", evidenceRequired: true, weight: 5, group: "第一组" },
          { code: "2", title: "第二项", description: "", kind: "ASSISTING", bodyType: "PARTY_GROUP", frequency: "YEARLY", evidenceRequired: true, weight: 10, group: "第一组" },
          { code: "A-03", title: "第三项", description: "", kind: "IMPLEMENTING", bodyType: "BRANCH", frequency: "ONCE", evidenceRequired: false, weight: 1, group: "第二组" },
        ],
      },
    });
  });
});

describe("refused Excel files", () => {
  it("names each missing required column", async () => {
    const bytes = await dutiesWorkbook([
      ["编号", "职责名称", "责任主体", "分值"],
      ["A-01", "研究部署", "党支部", 3],
    ]);
    expect(await problemsOf(importCatalog(bytes, "xlsx"))).toStrictEqual([
      { code: "missingColumn", params: { column: "责任类别" }, sheet: "职责", column: "责任类别" },
      { code: "missingColumn", params: { column: "频次" }, sheet: "职责", column: "频次" },
    ]);
  });

  it("reports an unknown kind at its row and column", async () => {
    const bytes = await dutiesWorkbook([REQUIRED_HEADER, ["A-01", "研究部署", "主体责任", "党支部", "每年"], ["A-02", "督促落实", "重点责任", "党支部", "每年"]]);
    expect(await problemsOf(importCatalog(bytes, "xlsx"))).toStrictEqual([
      {
        code: "unknownValue",
        params: { value: "重点责任", allowed: "主体责任 / 协助职责 / 指导督促责任 / 具体落实职责" },
        sheet: "职责",
        row: 3,
        column: "责任类别",
      },
    ]);
  });

  it("reports both rows of a duplicate code", async () => {
    const bytes = await dutiesWorkbook([
      REQUIRED_HEADER,
      ["D-01", "第一项", "主体责任", "党支部", "每年"],
      ["D-02", "第二项", "主体责任", "党支部", "每年"],
      [" D-01 ", "第三项", "主体责任", "党支部", "每年"],
    ]);
    expect(await problemsOf(importCatalog(bytes, "xlsx"))).toStrictEqual([
      { code: "duplicateCode", params: { value: "D-01" }, sheet: "职责", row: 2, column: "编号" },
      { code: "duplicateCode", params: { value: "D-01" }, sheet: "职责", row: 4, column: "编号" },
    ]);
  });

  it("refuses a duties sheet with a header but no duties", async () => {
    const bytes = await workbook({ 清单: INFO_ROWS, 职责: [REQUIRED_HEADER] }, (book) => {
      const sheet = book.getWorksheet("职责");
      if (!sheet) throw new Error("sheet missing");
      sheet.getCell("B5").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
      sheet.getCell("C6").value = "   ";
    });
    expect(await problemsOf(importCatalog(bytes, "xlsx"))).toStrictEqual([{ code: "emptySheet", params: { sheet: "职责" }, sheet: "职责" }]);
  });

  it("refuses a workbook without the duties sheet, or with neither sheet", async () => {
    expect(await problemsOf(importCatalog(await workbook({ 清单: INFO_ROWS }), "xlsx"))).toStrictEqual([
      { code: "sheetMissing", params: { sheet: "职责" }, sheet: "职责" },
    ]);
    expect(await problemsOf(importCatalog(await workbook({ Sheet1: [["编号"]] }), "xlsx"))).toStrictEqual([
      { code: "sheetMissing", params: { sheet: "清单" }, sheet: "清单" },
      { code: "sheetMissing", params: { sheet: "职责" }, sheet: "职责" },
    ]);
  });

  it("lists every problem of both sheets in reading order", async () => {
    const bytes = await dutiesWorkbook(
      [
        ["编号", "职责名称", "责任类别", "责任主体", "频次", "分值", "需佐证材料", "编号"],
        ["P-01", "长".repeat(201), "主体责任", "党小组", "每年", "十", "也许"],
        ["P-02", "标题", "主体责任", "党支部", "每月", 2000],
        [null, "标题", "主体责任", "党支部", "每月", 1.5],
        ["P-05", "标题", "MAIN", "BRANCH", "ONCE", -1],
      ],
      [
        ["清单标识", "Bad Key"],
        ["发布机关", "示例"],
        ["来源", "sample"],
        ["来源", "sample again"],
        ["版本", "第一版"],
      ],
    );
    expect(await problemsOf(importCatalog(bytes, "xlsx"))).toStrictEqual([
      { code: "missingField", params: { field: "清单名称" }, sheet: "清单", column: "清单名称" },
      { code: "invalidKey", params: { value: "Bad Key" }, sheet: "清单", row: 1, column: "清单标识" },
      { code: "duplicateField", params: { field: "来源" }, sheet: "清单", row: 4, column: "来源" },
      { code: "notANumber", params: { value: "第一版" }, sheet: "清单", row: 5, column: "版本" },
      { code: "duplicateColumn", params: { column: "编号" }, sheet: "职责", row: 1, column: "编号" },
      { code: "tooLong", params: { max: 200 }, sheet: "职责", row: 2, column: "职责名称" },
      { code: "unknownValue", params: { value: "党小组", allowed: "机关工委 / 单位党组（党委） / 机关党委 / 党总支 / 党支部" }, sheet: "职责", row: 2, column: "责任主体" },
      { code: "notANumber", params: { value: "十" }, sheet: "职责", row: 2, column: "分值" },
      { code: "notABoolean", params: { value: "也许", allowed: "是 / 否" }, sheet: "职责", row: 2, column: "需佐证材料" },
      { code: "tooBig", params: { max: 1000 }, sheet: "职责", row: 3, column: "分值" },
      { code: "required", params: {}, sheet: "职责", row: 4, column: "编号" },
      { code: "notAnInteger", params: { value: "1.5" }, sheet: "职责", row: 4, column: "分值" },
      { code: "tooSmall", params: { min: 0 }, sheet: "职责", row: 5, column: "分值" },
    ]);
  });

  it("refuses a file over 5 MB without reading it, in every format", async () => {
    const big = Buffer.alloc(MAX_CATALOG_FILE_BYTES + 1, 0x20);
    const expected = [{ code: "tooLarge", params: { max: 5 } }];
    for (const format of CATALOG_FORMATS) expect(await problemsOf(importCatalog(big, format))).toStrictEqual(expected);
    expect(await problemsOf(importCatalogFile("清单.xlsx", big))).toStrictEqual(expected);
  });

  it("refuses a zip that declares more inflated data than any list needs", async () => {
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(0x7fffffff, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(local.length + name.length, 16);
    const bomb = Buffer.concat([local, name, central, name, end]);
    expect(await problemsOf(importCatalogFile("bomb.xlsx", bomb))).toStrictEqual([{ code: "tooLarge", params: { max: 5 } }]);
  });

  it("refuses images and random bytes", async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("0000000d49484452000000010000000108060000001f15c489", "hex")]);
    let seed = 42;
    const random = Buffer.from(Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23));

    expect(detectionProblems("photo.png", png)).toStrictEqual([{ code: "unknownFormat", params: {} }]);
    expect(detectionProblems("photo.xlsx", png)).toStrictEqual([{ code: "notASpreadsheet", params: {} }]);
    expect(detectionProblems("data.bin", random)).toStrictEqual([{ code: "unknownFormat", params: {} }]);
    expect(await problemsOf(importCatalog(png, "xlsx"))).toStrictEqual([{ code: "notASpreadsheet", params: {} }]);
    expect(await problemsOf(importCatalog(random, "xlsx"))).toStrictEqual([{ code: "notASpreadsheet", params: {} }]);
    expect(await problemsOf(importCatalog(png, "json"))).toStrictEqual([{ code: "unknownFormat", params: {} }]);
    expect(await problemsOf(importCatalog(random, "yaml"))).toStrictEqual([{ code: "unknownFormat", params: {} }]);
  });

  it("refuses a text file named .xlsx", async () => {
    const csv = text("编号,职责名称\nA-01,研究部署\n");
    expect(detectionProblems("责任清单.xlsx", csv)).toStrictEqual([{ code: "notASpreadsheet", params: {} }]);
    expect(await problemsOf(importCatalog(csv, "xlsx"))).toStrictEqual([{ code: "notASpreadsheet", params: {} }]);
    expect(await problemsOf(importCatalogFile("责任清单.xlsx", csv))).toStrictEqual([{ code: "notASpreadsheet", params: {} }]);
  });

  it("asks to save an old .xls or .et file as .xlsx", async () => {
    const xls = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]);
    expect(detectionProblems("旧清单.xls", xls)).toStrictEqual([{ code: "legacyExcel", params: {} }]);
    expect(await problemsOf(importCatalog(xls, "xlsx"))).toStrictEqual([{ code: "legacyExcel", params: {} }]);
  });
});

describe("JSON and YAML", () => {
  it("reports invalid JSON with its line", async () => {
    const bytes = text('{\n  "key": "a-b",\n  "title": "x",\n}\n');
    expect(await problemsOf(importCatalog(bytes, "json"))).toStrictEqual([{ code: "invalidJson", params: { line: 4 } }]);
  });

  it("reports invalid YAML with its line", async () => {
    expect(await problemsOf(importCatalog(text("key: a-b\ntitle: [不完整\nissuer: 示例\n"), "yaml"))).toStrictEqual([
      { code: "invalidYaml", params: { line: 3 } },
    ]);
    expect(await problemsOf(importCatalog(text("key: a-b\ntitle: 一\ntitle: 二\n"), "yaml"))).toStrictEqual([{ code: "invalidYaml", params: { line: 3 } }]);
  });

  it("maps wrong types onto problem codes with paths", async () => {
    const bytes = json({
      key: "Sample Key",
      title: 42,
      issuer: "示例",
      source: "",
      version: "1",
      duties: [
        { code: "A", title: "t", kind: "PRIMARY", bodyType: "BRANCH", frequency: "ONCE", evidenceRequired: "yes", weight: "10" },
        "not a duty",
        { code: "A", title: "t2", kind: "MAIN", bodyType: "BRANCH", frequency: "ONCE", weight: 2.5 },
      ],
    });
    expect(await problemsOf(importCatalog(bytes, "json"))).toStrictEqual([
      { code: "invalidKey", params: { value: "Sample Key" }, path: "key" },
      { code: "notText", params: {}, path: "title" },
      { code: "required", params: {}, path: "source" },
      { code: "notANumber", params: { value: "1" }, path: "version" },
      { code: "duplicateCode", params: { value: "A" }, path: "duties[0].code" },
      { code: "unknownValue", params: { value: "PRIMARY", allowed: "MAIN / ASSISTING / SUPERVISORY / IMPLEMENTING" }, path: "duties[0].kind" },
      { code: "notABoolean", params: { value: "yes", allowed: "true / false" }, path: "duties[0].evidenceRequired" },
      { code: "notANumber", params: { value: "10" }, path: "duties[0].weight" },
      { code: "invalid", params: {}, path: "duties[1]" },
      { code: "duplicateCode", params: { value: "A" }, path: "duties[2].code" },
      { code: "notAnInteger", params: { value: "2.5" }, path: "duties[2].weight" },
    ]);
  });

  it("refuses data that is no catalog, a list without duties and a version below 1", async () => {
    const base = { key: "a-b", title: "标题", issuer: "示例", source: "sample", version: 1 };
    expect(await problemsOf(importCatalog(text("[1, 2]"), "json"))).toStrictEqual([{ code: "notACatalog", params: {} }]);
    expect(await problemsOf(importCatalog(text("只是一句话\n"), "yaml"))).toStrictEqual([{ code: "notACatalog", params: {} }]);
    expect(await problemsOf(importCatalog(json({ ...base, duties: [] }), "json"))).toStrictEqual([{ code: "noDuties", params: {}, path: "duties" }]);
    expect(await problemsOf(importCatalog(json({ ...base, version: 0, duties: {} }), "json"))).toStrictEqual([
      { code: "tooSmall", params: { min: 1 }, path: "version" },
      { code: "invalid", params: {}, path: "duties" },
    ]);
  });

  it("treats empty YAML values as absent", async () => {
    const yaml = [
      "key: a-b",
      "title:",
      "titleEn:",
      "issuer: 示例",
      "source: sample",
      "version: 1",
      "duties:",
      "  - code: X-1",
      "    title: 研究部署",
      "    group:",
      "    kind: MAIN",
      "    bodyType: BRANCH",
      "    frequency: ONCE",
      "",
    ].join("\n");
    expect(await problemsOf(importCatalog(text(yaml), "yaml"))).toStrictEqual([{ code: "required", params: {}, path: "title" }]);
    const fixed = await importCatalog(text(yaml.replace("title:\n", "title: 标题\n")), "yaml");
    expect(fixed).toStrictEqual({
      ok: true,
      catalog: {
        key: "a-b",
        title: "标题",
        issuer: "示例",
        source: "sample",
        version: 1,
        duties: [{ code: "X-1", title: "研究部署", description: "", kind: "MAIN", bodyType: "BRANCH", frequency: "ONCE", evidenceRequired: false, weight: 1 }],
      },
    });
  });

  it("refuses text PostgreSQL cannot store (a NUL written as \\u0000), where it stands", async () => {
    const duty = { code: "X-1", title: "研究部署", kind: "MAIN", bodyType: "BRANCH", frequency: "ONCE" };
    const bytes = json({ key: "a-b", title: "标\u0000题", issuer: "示例", source: "sample", version: 1, duties: [{ ...duty, description: "内容\u0000" }] });
    expect(bytes.includes(0)).toBe(false);
    expect(await problemsOf(importCatalog(bytes, "json"))).toStrictEqual([
      { code: "unstorableText", params: {}, path: "title" },
      { code: "unstorableText", params: {}, path: "duties[0].description" },
    ]);
  });

  it("refuses text that is not UTF-8", async () => {
    const gbk = Buffer.concat([text("title: "), Buffer.from("b1eacce2", "hex"), text("\n")]);
    expect(detectionProblems("清单.yaml", gbk)).toStrictEqual([{ code: "notUtf8", params: {} }]);
    expect(await problemsOf(importCatalog(gbk, "yaml"))).toStrictEqual([{ code: "notUtf8", params: {} }]);
  });
});

describe("limits", () => {
  afterEach(() => vi.restoreAllMocks());

  it("takes a list of as many duties as the editor allows, and refuses one more without checking each", async () => {
    const full = await importCatalog(catalogJson(MAX_CATALOG_DUTIES), "json");
    expect(full.ok && full.catalog.duties.length).toBe(MAX_CATALOG_DUTIES);
    expect(await problemsOf(importCatalog(catalogJson(MAX_CATALOG_DUTIES + 1), "json"))).toStrictEqual([
      { code: "tooManyDuties", params: { count: 501, max: 500 } },
    ]);
    // 30,000 duties, each also wrong: one problem, not 30,000.
    const wrong = JSON.parse(catalogJson(30_000).toString()) as { duties: Record<string, unknown>[] };
    wrong.duties = wrong.duties.map((duty) => ({ ...duty, kind: "NONE" }));
    expect(await problemsOf(importCatalog(json(wrong), "json"))).toStrictEqual([{ code: "tooManyDuties", params: { count: 30_000, max: 500 } }]);
    const yaml = ["key: a-b", "title: 标题", "issuer: 示例", "source: sample", "version: 1", "duties:", ...Array.from({ length: 501 }, (_, i) => `  - code: D${i}`)].join("\n");
    expect(await problemsOf(importCatalog(text(yaml), "yaml"))).toStrictEqual([{ code: "tooManyDuties", params: { count: 501, max: 500 } }]);
  });

  it("takes a workbook of 500 duties and refuses one of 501 rows before loading it whole", async () => {
    const full = await importCatalog(await catalogWorkbook(MAX_CATALOG_DUTIES), "xlsx");
    expect(full.ok && full.catalog.duties.length).toBe(MAX_CATALOG_DUTIES);
    const over = await catalogWorkbook(MAX_CATALOG_DUTIES + 1);
    const wholeLoads = vi.spyOn(ExcelJS.Workbook.prototype, "xlsx", "get");
    expect(await problemsOf(importCatalog(over, "xlsx"))).toStrictEqual([{ code: "tooManyRows", params: { max: 500 }, sheet: "职责" }]);
    expect(wholeLoads).not.toHaveBeenCalled();
  });

  it("refuses a workbook of 100,000 rows, or with another sheet of them, without ever loading it whole", async () => {
    const huge = await catalogWorkbook(100_000);
    const withNotes = await catalogWorkbook(10, { extraSheet: 100_000 });
    const wholeLoads = vi.spyOn(ExcelJS.Workbook.prototype, "xlsx", "get");
    expect(await problemsOf(importCatalogFile("大清单.xlsx", huge))).toStrictEqual([{ code: "tooManyRows", params: { max: 500 }, sheet: "职责" }]);
    expect(await problemsOf(importCatalogFile("大清单.xlsx", withNotes))).toStrictEqual([{ code: "tooManyRows", params: { max: 500 }, sheet: "备注" }]);
    expect(wholeLoads).not.toHaveBeenCalled();
    // The same spy sees a workbook that passes the count being loaded.
    expect((await importCatalog(await catalogWorkbook(3), "xlsx")).ok).toBe(true);
    expect(wholeLoads).toHaveBeenCalled();
  });
});

describe("reading Excel", () => {
  afterEach(() => vi.restoreAllMocks());

  it("takes a valid workbook however slow the disk is", async () => {
    // exceljs's streaming reader parks the sheets stored before the workbook part in temporary files; when
    // those come slowly, it loses the workbook part and throws on a valid file (exceljs#3064). The import
    // reads no temporary file.
    const file = tmp.file.bind(tmp);
    vi.spyOn(tmp, "file").mockImplementation((callback) => void setTimeout(() => file(callback), 30));
    const bytes = await dutiesWorkbook([REQUIRED_HEADER, ["A-01", "研究部署", "主体责任", "党支部", "每年"], ["A-02", "督促落实", "主体责任", "党支部", "每年"]]);
    const results = await Promise.all(Array.from({ length: 8 }, () => importCatalog(bytes, "xlsx")));
    expect(results.map((result) => result.ok && result.catalog.duties.length)).toStrictEqual(Array(8).fill(2));
  });
});

describe("reading on a worker thread", () => {
  it("answers as importCatalogFile does", async () => {
    const catalog = sample("branch-five-basics-sample");
    expect(await importCatalogFileInWorker("清单.xlsx", await exportCatalog(catalog, "xlsx"))).toStrictEqual({ ok: true, catalog });
    expect(await problemsOf(importCatalogFileInWorker("清单.json", catalogJson(501)))).toStrictEqual([{ code: "tooManyDuties", params: { count: 501, max: 500 } }]);
  });

  it("stops a reader that runs out of its time and refuses the file as too complex", async () => {
    // No file reads in no time: the worker has not even loaded its modules.
    expect(await problemsOf(importCatalogFileInWorker("清单.json", catalogJson(3), 0))).toStrictEqual([{ code: "tooComplex", params: {} }]);
  });
});

describe("detectFormat", () => {
  it("goes by content first and by the name only for ambiguous text", async () => {
    const xlsx = await exportCatalog(sample("branch-five-basics-sample"), "xlsx");
    expect(detectFormat("清单.json", xlsx)).toStrictEqual({ ok: true, format: "xlsx" });
    expect(detectFormat("清单.yaml", text('\ufeff \n\t{"key": 1}'))).toStrictEqual({ ok: true, format: "json" });
    expect(detectFormat("清单.txt", text("key: a-b\n"))).toStrictEqual({ ok: true, format: "yaml" });
    expect(detectFormat("清单.yml", text("# 注释\nkey: a-b\n"))).toStrictEqual({ ok: true, format: "yaml" });
    expect(detectFormat("清单.JSON", text("[]"))).toStrictEqual({ ok: true, format: "json" });
  });

  it("reads JSON saved as UTF-8 with BOM or as UTF-16 (Notepad's “Unicode”)", async () => {
    const catalog = sample("branch-five-basics-sample");
    const exported = (await exportCatalog(catalog, "json")).toString("utf8");
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text(exported)]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(exported, "utf16le")]);
    for (const bytes of [withBom, utf16]) {
      expect(detectFormat("清单.json", bytes)).toStrictEqual({ ok: true, format: "json" });
      expect(await importCatalog(bytes, "json")).toStrictEqual({ ok: true, catalog });
    }
  });
});

describe("catalogProblemLocation", () => {
  it("describes a cell, a row, a sheet, a path, or nothing", () => {
    expect(catalogProblemLocation({ code: "required", params: {}, sheet: "职责", row: 4, column: "编号" })).toStrictEqual({
      key: "at.cell",
      params: { sheet: "职责", row: 4, column: "编号" },
    });
    expect(catalogProblemLocation({ code: "invalid", params: {}, sheet: "职责", row: 4 })).toStrictEqual({ key: "at.row", params: { sheet: "职责", row: 4 } });
    expect(catalogProblemLocation({ code: "missingColumn", params: { column: "频次" }, sheet: "职责", column: "频次" })).toStrictEqual({
      key: "at.sheet",
      params: { sheet: "职责" },
    });
    expect(catalogProblemLocation({ code: "required", params: {}, path: "duties[3].kind" })).toStrictEqual({ key: "at.path", params: { path: "duties[3].kind" } });
    expect(catalogProblemLocation({ code: "tooLarge", params: { max: 5 } })).toBeUndefined();
  });
});

describe("messages", () => {
  const catalogs = { zh, en };

  it.each(Object.entries(catalogs))("%s has a message for every problem code and location", (_locale, messages) => {
    const section: Record<string, unknown> = messages.catalogProblems;
    const at: Record<string, unknown> = messages.catalogProblems.at;
    for (const code of CATALOG_PROBLEM_CODES) expect(typeof section[code], code).toBe("string");
    for (const key of CATALOG_LOCATION_KEYS) expect(typeof at[key.replace(/^at\./, "")], key).toBe("string");
  });

  // Runs after the tests above in this file, which fill `emitted`.
  it("every problem code is emitted by some test above", () => {
    expect(new Set(emitted.map(({ code }) => code))).toEqual(new Set(CATALOG_PROBLEM_CODES));
  });

  it.each(Object.entries(catalogs))("%s formats every emitted problem and its location with its params", (locale, messages) => {
    const errors: unknown[] = [];
    const t = createTranslator({ locale, messages, namespace: "catalogProblems", onError: (error) => errors.push(error) });
    for (const item of emitted) {
      const message = t(item.code, item.params);
      expect(message, item.code).not.toMatch(/[{}]|catalogProblems/);
      const location = catalogProblemLocation(item);
      if (location) expect(t(location.key, location.params)).not.toMatch(/[{}]|catalogProblems/);
    }
    expect(errors).toEqual([]);
  });
});
