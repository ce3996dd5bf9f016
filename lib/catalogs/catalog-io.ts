/**
 * Import and export of responsibility lists ("catalogs", see ZCatalogFile) as JSON, YAML or Excel files.
 *
 * Every import either returns the whole catalog or refuses the whole file with every problem found, each
 * as a stable message key (`catalogProblems.<code>` in messages/*.json) plus its params and location.
 *
 * Excel layout (also in docs/catalog-excel-format.md):
 *
 * Sheet 1 "清单": a two-column key/value block, label in column A, value in column B, one row per field:
 *   清单标识 key (required; lowercase letters, digits, "-"), 清单名称 title (required), 英文名称 titleEn,
 *   发布机关 issuer (required), 发布机关（英文） issuerEn, 来源 source (required), 来源说明 sourceNote,
 *   版本 version (required, whole number ≥ 1).
 *
 * Sheet 2 "职责": a header row of Chinese headers, then one duty per row:
 *   编号 code (required), 职责名称 title (required), 英文名称 titleEn, 具体内容 description, 英文说明 descriptionEn,
 *   责任类别 kind (required: 主体责任 / 协助职责 / 指导督促责任 / 具体落实职责),
 *   责任主体 bodyType (required: 机关工委 / 单位党组（党委） / 机关党委 / 党总支 / 党支部),
 *   频次 frequency (required: 每年 / 每半年 / 每季度 / 每月 / 一次性),
 *   需佐证材料 evidenceRequired (是 / 否, default 否), 分值 weight (whole number 0–1000, default 1), 分组 group.
 *
 * Export writes enum cells as the Chinese labels (with drop-down lists), a bold shaded frozen header row
 * with an auto-filter, set column widths and wrapped long texts. Import is lenient where a hand-edited sheet
 * needs it: sheets are found by name; columns by header text (or the field name, "kind"), in any order,
 * unknown columns ignored, optional columns may be absent; the header row is the first of the first ten rows
 * holding a known header, so a title row above it is fine; enum cells take the Chinese label or the code
 * ("MAIN"), booleans 是/否 or true/false; labels, headers and enum cells match ignoring spaces, letter case
 * and full-/half-width forms ("单位党组(党委)"); numbers may be typed as text; blank rows are skipped; a
 * merged cell counts for every row it spans. Problems give the spreadsheet's own 1-based row and the
 * canonical Chinese header (on "清单", the field label) as column.
 */
import ExcelJS from "exceljs";
import { parseDocument, stringify } from "yaml";
import { type z } from "zod";
import { MAX_CATALOG_DUTIES, ZCatalogFile, type TCatalogFile } from "../validation/catalog-file";
import { UNSTORABLE_TEXT } from "../validation/text";
import {
  CATALOG_SHEET,
  DUTIES_SHEET,
  MAX_CATALOG_FILE_BYTES,
  type CatalogFormat,
  type CatalogFormatDetection,
  type CatalogImportResult,
  type CatalogProblem,
  type CatalogProblemCode,
} from "./catalog-problems";
import { forEachRow, zipEntries } from "./xlsx-rows";

/** An .xlsx under the size limit inflates to some tens of MB of XML; more than this is a zip bomb, not a list. */
const MAX_XLSX_INFLATED_BYTES = 100 * 1024 * 1024;

export {
  CATALOG_FILE_EXTENSIONS,
  CATALOG_FORMATS,
  CATALOG_LOCATION_KEYS,
  CATALOG_MEDIA_TYPES,
  CATALOG_PROBLEM_CODES,
  CATALOG_SHEET,
  DUTIES_SHEET,
  MAX_CATALOG_FILE_BYTES,
  catalogProblemLocation,
  type CatalogFormat,
  type CatalogFormatDetection,
  type CatalogImportResult,
  type CatalogLocationKey,
  type CatalogProblem,
  type CatalogProblemCode,
} from "./catalog-problems";

type TDuty = TCatalogFile["duties"][number];
type DutyField = keyof TDuty;
type CatalogField = Exclude<keyof TCatalogFile, "duties">;
type EnumField = "kind" | "bodyType" | "frequency";
type CellKind = "text" | "integer" | "boolean" | EnumField;
type FieldSpec = { header: string; cell: CellKind; required: boolean };
type ColumnSpec = FieldSpec & { width: number; wrap?: boolean };
type Primitive = string | number | boolean;
type Location = Pick<CatalogProblem, "sheet" | "row" | "column" | "path">;
type ProblemBody = Pick<CatalogProblem, "code" | "params">;
type Path = readonly PropertyKey[];

const ENUM_LABELS: { [F in EnumField]: Record<TDuty[F], string> } = {
  kind: { MAIN: "主体责任", ASSISTING: "协助职责", SUPERVISORY: "指导督促责任", IMPLEMENTING: "具体落实职责" },
  bodyType: {
    WORKING_COMMITTEE: "机关工委",
    PARTY_GROUP: "单位党组（党委）",
    ORGAN_PARTY_COMMITTEE: "机关党委",
    GENERAL_BRANCH: "党总支",
    BRANCH: "党支部",
  },
  frequency: { YEARLY: "每年", HALF_YEARLY: "每半年", QUARTERLY: "每季度", MONTHLY: "每月", ONCE: "一次性" },
};
const YES = "是";
const NO = "否";

// Records keyed by every field, so that a field added to ZCatalogFile fails to compile until it has a cell here.
const CATALOG_FIELD_SPECS = {
  key: { header: "清单标识", cell: "text", required: true },
  title: { header: "清单名称", cell: "text", required: true },
  titleEn: { header: "英文名称", cell: "text", required: false },
  issuer: { header: "发布机关", cell: "text", required: true },
  issuerEn: { header: "发布机关（英文）", cell: "text", required: false },
  source: { header: "来源", cell: "text", required: true },
  sourceNote: { header: "来源说明", cell: "text", required: false },
  version: { header: "版本", cell: "integer", required: true },
} as const satisfies Record<CatalogField, FieldSpec>;

const DUTY_COLUMN_SPECS = {
  code: { header: "编号", cell: "text", required: true, width: 10 },
  title: { header: "职责名称", cell: "text", required: true, width: 32, wrap: true },
  titleEn: { header: "英文名称", cell: "text", required: false, width: 32, wrap: true },
  description: { header: "具体内容", cell: "text", required: false, width: 60, wrap: true },
  descriptionEn: { header: "英文说明", cell: "text", required: false, width: 60, wrap: true },
  kind: { header: "责任类别", cell: "kind", required: true, width: 14 },
  bodyType: { header: "责任主体", cell: "bodyType", required: true, width: 18 },
  frequency: { header: "频次", cell: "frequency", required: true, width: 10 },
  evidenceRequired: { header: "需佐证材料", cell: "boolean", required: false, width: 11 },
  weight: { header: "分值", cell: "integer", required: false, width: 7 },
  group: { header: "分组", cell: "text", required: false, width: 14, wrap: true },
} as const satisfies Record<DutyField, ColumnSpec>;

function specList<F extends string, S>(specs: Record<F, S>): (S & { field: F })[] {
  return (Object.keys(specs) as F[]).map((field) => ({ ...specs[field], field }));
}

const CATALOG_FIELDS = specList<CatalogField, FieldSpec>(CATALOG_FIELD_SPECS);
const DUTY_COLUMNS = specList<DutyField, ColumnSpec>(DUTY_COLUMN_SPECS);

/** Compares labels the way a person reads them: no spaces, full- and half-width forms alike, any letter case. */
function normalizeLabel(text: string): string {
  return text.normalize("NFKC").replace(/[\s*]/g, "").toLowerCase();
}

function labelLookup<F extends string>(fields: readonly { field: F; header: string }[]): Map<string, F> {
  const lookup = new Map<string, F>();
  for (const { field, header } of fields) {
    lookup.set(normalizeLabel(header), field);
    lookup.set(normalizeLabel(field), field);
  }
  return lookup;
}

const CATALOG_LABEL_LOOKUP = labelLookup(CATALOG_FIELDS);
const DUTY_HEADER_LOOKUP = labelLookup(DUTY_COLUMNS);

// ---------------------------------------------------------------------------------------------------------------
// Layout, for the format guide: the same specs that export writes and import reads

export type ExcelLayoutField = { field: string; header: string; required: boolean; choices?: string[] };

/** The Excel layout as import reads it: sheet names, then each field's label or header, in export order. */
export const CATALOG_EXCEL_LAYOUT: {
  catalogSheet: string;
  dutiesSheet: string;
  catalogFields: ExcelLayoutField[];
  dutyColumns: ExcelLayoutField[];
} = {
  catalogSheet: CATALOG_SHEET,
  dutiesSheet: DUTIES_SHEET,
  catalogFields: CATALOG_FIELDS.map(({ field, header, required }) => ({ field, header, required })),
  dutyColumns: DUTY_COLUMNS.map(({ field, header, required, cell }) => ({
    field,
    header,
    required,
    ...(cell === "boolean" ? { choices: [YES, NO] } : cell === "kind" || cell === "bodyType" || cell === "frequency" ? { choices: enumLabels(cell) } : {}),
  })),
};

// ---------------------------------------------------------------------------------------------------------------
// Export

/** The catalog with keys in schema order and undefined optional keys left out. */
function canonical(file: TCatalogFile): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { field } of CATALOG_FIELDS) {
    if (file[field] !== undefined) out[field] = file[field];
  }
  out.duties = file.duties.map((duty) => {
    const entry: Record<string, unknown> = {};
    for (const { field } of DUTY_COLUMNS) {
      if (duty[field] !== undefined) entry[field] = duty[field];
    }
    return entry;
  });
  return out;
}

export async function exportCatalog(file: TCatalogFile, format: CatalogFormat): Promise<Buffer> {
  switch (format) {
    case "json":
      return Buffer.from(`${JSON.stringify(canonical(file), null, 2)}\n`, "utf8");
    case "yaml":
      return Buffer.from(stringify(canonical(file), { lineWidth: 0 }), "utf8");
    case "xlsx":
      return exportXlsx(file);
  }
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const THIN_BORDER: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
const CELL_BORDER: Partial<ExcelJS.Borders> = { top: THIN_BORDER, left: THIN_BORDER, bottom: THIN_BORDER, right: THIN_BORDER };

function dutyCellValue(duty: TDuty, field: DutyField): ExcelJS.CellValue {
  switch (field) {
    case "kind":
    case "bodyType":
    case "frequency":
      return enumLabel(field, duty[field]);
    case "evidenceRequired":
      return duty.evidenceRequired ? YES : NO;
    default:
      return duty[field] ?? null;
  }
}

function enumLabel<F extends EnumField>(field: F, code: TDuty[F]): string {
  const labels: Record<TDuty[F], string> = ENUM_LABELS[field];
  return labels[code];
}

function enumLabels(field: EnumField): string[] {
  return Object.values<string>(ENUM_LABELS[field]);
}

type RangeValidations = { add: (range: string, validation: ExcelJS.DataValidation) => void };

/** exceljs has Worksheet.dataValidations.add(range, …), but its typings leave it out. */
function rangeValidations(sheet: ExcelJS.Worksheet): RangeValidations | undefined {
  const validations: unknown = Reflect.get(sheet, "dataValidations");
  if (typeof validations !== "object" || validations === null) return undefined;
  const add: unknown = Reflect.get(validations, "add");
  if (typeof add !== "function") return undefined;
  return { add: (range, validation) => void Reflect.apply(add, validations, [range, validation]) };
}

async function exportXlsx(file: TCatalogFile): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Duty Ledger";
  const pageSetup: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

  const info = workbook.addWorksheet(CATALOG_SHEET, { pageSetup: { ...pageSetup, orientation: "portrait" } });
  info.columns = [{ width: 20 }, { width: 80 }];
  for (const { field, header } of CATALOG_FIELDS) {
    const row = info.addRow([header, file[field] ?? null]);
    const label = row.getCell(1);
    label.font = { bold: true };
    label.fill = HEADER_FILL;
    label.alignment = { vertical: "top" };
    label.border = CELL_BORDER;
    const value = row.getCell(2);
    value.alignment = { vertical: "top", horizontal: "left", wrapText: true };
    value.border = CELL_BORDER;
    if (field !== "version") value.numFmt = "@";
  }

  const sheet = workbook.addWorksheet(DUTIES_SHEET, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: { ...pageSetup, printTitlesRow: "1:1" },
  });
  sheet.columns = DUTY_COLUMNS.map((column) => ({
    header: column.header,
    key: column.field,
    width: column.width,
    // Keeps codes such as "01" as typed when someone adds a row in Excel.
    style: column.field === "code" ? { numFmt: "@" } : {},
  }));
  for (const duty of file.duties) {
    sheet.addRow(Object.fromEntries(DUTY_COLUMNS.map(({ field }) => [field, dutyCellValue(duty, field)])));
  }
  sheet.eachRow((row, rowNumber) => {
    DUTY_COLUMNS.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      cell.border = CELL_BORDER;
      if (rowNumber === 1) {
        cell.font = { bold: true };
        cell.fill = HEADER_FILL;
        cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
      } else {
        cell.alignment = column.wrap ? { vertical: "top", wrapText: true } : { vertical: "top", horizontal: "center" };
      }
    });
  });
  sheet.getRow(1).height = 24;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: DUTY_COLUMNS.length } };

  // Drop-down lists for the rows people are likely to add; import never relies on them.
  const validations = rangeValidations(sheet);
  const lastRow = Math.max(file.duties.length + 200, 1000);
  DUTY_COLUMNS.forEach((column, index) => {
    const letter = sheet.getColumn(index + 1).letter;
    const range = `${letter}2:${letter}${lastRow}`;
    const warn = { showErrorMessage: true, errorStyle: "warning" };
    if (column.cell === "boolean" || column.cell === "kind" || column.cell === "bodyType" || column.cell === "frequency") {
      const choices = column.cell === "boolean" ? [YES, NO] : enumLabels(column.cell);
      validations?.add(range, { type: "list", allowBlank: !column.required, formulae: [`"${choices.join(",")}"`], ...warn });
    } else if (column.field === "weight") {
      validations?.add(range, { type: "whole", operator: "between", allowBlank: true, formulae: [0, 1000], ...warn });
    }
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------------------------
// Format detection

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const SPREADSHEET_NAME = /\.(xlsx|xlsm|xls|et|ods)$/i;

function problem(code: CatalogProblemCode, params: CatalogProblem["params"] = {}, location: Location = {}): CatalogProblem {
  return { code, params, ...location };
}

function refuse(problems: CatalogProblem | CatalogProblem[]): { ok: false; problems: CatalogProblem[] } {
  return { ok: false, problems: Array.isArray(problems) ? problems : [problems] };
}

function tooLarge(): CatalogProblem {
  return problem("tooLarge", { max: MAX_CATALOG_FILE_BYTES / 1024 / 1024 });
}

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}

/** NUL bytes or a run of control characters mean binary data; text in GBK or UTF-8 has neither. */
function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) control++;
  }
  return control > head.length / 100;
}

type Decoded = { ok: true; text: string } | { ok: false; problem: CatalogProblem };

/** UTF-8 with or without BOM, or UTF-16 with BOM (what Windows Notepad calls "Unicode"). */
function decodeText(bytes: Buffer): Decoded {
  try {
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : undefined;
    if (utf16) return { ok: true, text: new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2)) };
  } catch {
    return { ok: false, problem: problem("unknownFormat") };
  }
  if (looksBinary(bytes)) return { ok: false, problem: problem("unknownFormat") };
  try {
    // ignoreBOM: false (the default) drops a leading UTF-8 BOM.
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: problem("notUtf8") };
  }
}

/**
 * Which format a file is in, by its content first: a zip is Excel, text starting with "{" is JSON, other
 * text is YAML. The name only settles text that could be either, and flags text posing as a spreadsheet.
 */
export function detectFormat(fileName: string, bytes: Buffer): CatalogFormatDetection {
  if (startsWith(bytes, ZIP_MAGIC)) return { ok: true, format: "xlsx" };
  if (startsWith(bytes, OLE2_MAGIC)) return refuse(problem("legacyExcel"));
  const spreadsheetName = SPREADSHEET_NAME.test(fileName.trim());
  const decoded = decodeText(bytes);
  if (!decoded.ok) return refuse(spreadsheetName ? problem("notASpreadsheet") : decoded.problem);
  if (decoded.text.trimStart().startsWith("{")) return { ok: true, format: "json" };
  if (spreadsheetName) return refuse(problem("notASpreadsheet"));
  if (/\.json$/i.test(fileName.trim())) return { ok: true, format: "json" };
  return { ok: true, format: "yaml" };
}

/** detectFormat then importCatalog, for an uploaded file. */
export async function importCatalogFile(fileName: string, bytes: Buffer): Promise<CatalogImportResult> {
  if (bytes.length > MAX_CATALOG_FILE_BYTES) return refuse(tooLarge());
  const detected = detectFormat(fileName, bytes);
  if (!detected.ok) return detected;
  return importCatalog(bytes, detected.format);
}

// ---------------------------------------------------------------------------------------------------------------
// Import

export async function importCatalog(bytes: Buffer, format: CatalogFormat): Promise<CatalogImportResult> {
  if (bytes.length > MAX_CATALOG_FILE_BYTES) return refuse(tooLarge());
  switch (format) {
    case "json":
      return importJson(bytes);
    case "yaml":
      return importYaml(bytes);
    case "xlsx":
      return importXlsx(bytes);
  }
}

function importJson(bytes: Buffer): CatalogImportResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return refuse(decoded.problem);
  let raw: unknown;
  try {
    raw = JSON.parse(decoded.text);
  } catch (error) {
    return refuse(problem("invalidJson", { line: jsonErrorLine(decoded.text, error) }));
  }
  return validateData(raw);
}

/** The line of a JSON syntax error, or 0 when the engine's message does not say. */
function jsonErrorLine(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : "";
  const line = /\(line (\d+) column \d+\)/.exec(message);
  if (line) return Number(line[1]);
  const position = /at position (\d+)/.exec(message);
  if (position) return text.slice(0, Number(position[1])).split("\n").length;
  return 0;
}

function importYaml(bytes: Buffer): CatalogImportResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return refuse(decoded.problem);
  const document = parseDocument(decoded.text);
  if (document.errors.length > 0) {
    const lines = [...new Set(document.errors.map((error) => error.linePos?.[0]?.line ?? 0))];
    return refuse(lines.map((line) => problem("invalidYaml", { line })));
  }
  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount: 100 });
  } catch {
    return refuse(problem("invalidYaml", { line: 0 }));
  }
  return validateData(raw);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function withoutNulls(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null));
}

/** JSON or YAML data: a null (in YAML, an empty `titleEn:`) counts as an absent key. */
function validateData(raw: unknown): CatalogImportResult {
  let data = raw;
  if (isRecord(raw)) {
    const top = withoutNulls(raw);
    if (Array.isArray(top.duties)) top.duties = top.duties.map((duty: unknown) => (isRecord(duty) ? withoutNulls(duty) : duty));
    data = top;
  }
  return validate(data, [], {
    covered: () => false,
    locate: (path) => (path.length > 0 ? { path: formatPath(path) } : {}),
  });
}

function formatPath(path: Path): string {
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join("");
}

function pathKey(path: Path): string {
  return path.map(String).join("\u0000");
}

function displayValue(input: unknown): string {
  const text = typeof input === "string" ? input : (JSON.stringify(input) ?? String(input));
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

type ValidationContext = {
  /** Paths whose problem is already reported (or whose sheet or column is missing), so zod's issue would repeat it. */
  covered: (path: Path) => boolean;
  locate: (path: Path) => Location;
  /** Where a column stands in the file, so that problems follow the user's column order. */
  columnPosition?: (sheet: string, column: string) => number | undefined;
};

/** Runs ZCatalogFile over the raw data and merges its issues with the problems already found while reading. */
function validate(raw: unknown, found: CatalogProblem[], context: ValidationContext): CatalogImportResult {
  // Too many duties is the one thing to say about such a file, before checking each of them.
  if (isRecord(raw) && Array.isArray(raw.duties) && raw.duties.length > MAX_CATALOG_DUTIES) {
    return refuse(problem("tooManyDuties", { count: raw.duties.length, max: MAX_CATALOG_DUTIES }));
  }
  const problems = [...found];
  const duplicates = duplicateCodePaths(raw);
  for (const { path, code } of duplicates) problems.push(problem("duplicateCode", { value: code }, context.locate(path)));
  const duplicateKeys = new Set(duplicates.map(({ path }) => pathKey(path)));

  const result = ZCatalogFile.safeParse(raw, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (context.covered(issue.path) || duplicateKeys.has(pathKey(issue.path))) continue;
      problems.push({ ...problemFromIssue(issue), ...context.locate(issue.path) });
    }
  }
  if (problems.length > 0 || !result.success) return refuse(sortProblems(problems, context.columnPosition));
  return { ok: true, catalog: result.data };
}

/** Every duty whose code another duty also has, so that the user sees both rows, not only the later one. */
function duplicateCodePaths(raw: unknown): { path: Path; code: string }[] {
  if (!isRecord(raw) || !Array.isArray(raw.duties)) return [];
  const byCode = new Map<string, number[]>();
  raw.duties.forEach((duty: unknown, index) => {
    if (!isRecord(duty) || typeof duty.code !== "string") return;
    const code = duty.code.trim();
    if (code === "") return;
    const indexes = byCode.get(code);
    if (indexes) indexes.push(index);
    else byCode.set(code, [index]);
  });
  return [...byCode.entries()]
    .filter(([, indexes]) => indexes.length > 1)
    .flatMap(([code, indexes]) => indexes.map((index) => ({ path: ["duties", index, "code"], code })));
}

function problemFromIssue(issue: z.core.$ZodIssue): ProblemBody {
  const field = issue.path.at(-1);
  switch (issue.code) {
    case "invalid_type":
      if (issue.path.length === 0) return { code: "notACatalog", params: {} };
      if (issue.input === undefined) return { code: "required", params: {} };
      switch (issue.expected) {
        case "number":
          return { code: "notANumber", params: { value: displayValue(issue.input) } };
        case "int":
          return { code: "notAnInteger", params: { value: displayValue(issue.input) } };
        case "boolean":
          return { code: "notABoolean", params: { value: displayValue(issue.input), allowed: "true / false" } };
        case "string":
          return { code: "notText", params: {} };
        default:
          return { code: "invalid", params: {} };
      }
    case "too_small":
      if (issue.origin === "string") return { code: "required", params: {} };
      if (issue.origin === "array") return { code: "noDuties", params: {} };
      return { code: "tooSmall", params: { min: Number(issue.minimum) } };
    case "too_big":
      if (issue.origin === "string") return { code: "tooLong", params: { max: Number(issue.maximum) } };
      return { code: "tooBig", params: { max: Number(issue.maximum) } };
    case "invalid_format":
      if (field === "key" && issue.path.length === 1) return { code: "invalidKey", params: { value: displayValue(issue.input) } };
      return { code: "invalid", params: {} };
    case "invalid_value":
      return { code: "unknownValue", params: { value: displayValue(issue.input), allowed: issue.values.map(String).join(" / ") } };
    case "custom":
      if (issue.message === UNSTORABLE_TEXT) return { code: "unstorableText", params: {} };
      return { code: "invalid", params: {} };
    default:
      return { code: "invalid", params: {} };
  }
}

const SHEET_ORDER = [CATALOG_SHEET, DUTIES_SHEET];
const CATALOG_FIELD_ORDER: string[] = CATALOG_FIELDS.map(({ field }) => field);
const DUTY_FIELD_ORDER: string[] = DUTY_COLUMNS.map(({ field }) => field);
const COLUMN_ORDER: Record<string, string[]> = {
  [CATALOG_SHEET]: CATALOG_FIELDS.map(({ header }) => header),
  [DUTIES_SHEET]: DUTY_COLUMNS.map(({ header }) => header),
};

/** Problems in reading order: sheet, row, column; or catalog fields first, then duty by duty. */
function sortKey(item: CatalogProblem, columnPosition: ValidationContext["columnPosition"]): number[] {
  if (item.path !== undefined) {
    const duty = /^duties\[(\d+)\](?:\.(\w+))?/.exec(item.path);
    if (duty) return [Number(duty[1]) + 1, DUTY_FIELD_ORDER.indexOf(duty[2] ?? "")];
    const field = /^\w+/.exec(item.path)?.[0] ?? "";
    return [0, field === "duties" ? CATALOG_FIELD_ORDER.length : CATALOG_FIELD_ORDER.indexOf(field)];
  }
  if (item.sheet === undefined) return [-1];
  const column =
    item.column === undefined ? -1 : (columnPosition?.(item.sheet, item.column) ?? (COLUMN_ORDER[item.sheet] ?? []).indexOf(item.column));
  return [SHEET_ORDER.indexOf(item.sheet), item.row ?? 0, column];
}

function sortProblems(problems: CatalogProblem[], columnPosition?: ValidationContext["columnPosition"]): CatalogProblem[] {
  const keyed = problems.map((item) => ({ item, key: sortKey(item, columnPosition) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < Math.max(a.key.length, b.key.length); i++) {
      const diff = (a.key[i] ?? 0) - (b.key[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return 0;
  });
  return keyed.map(({ item }) => item);
}

// ---------------------------------------------------------------------------------------------------------------
// Excel import

/** The total inflated size an .xlsx (zip) declares in its central directory, or undefined if it has none. */
function inflatedZipSize(bytes: Buffer): number | undefined {
  const entries = zipEntries(bytes);
  if (entries === "zip64") return Infinity; // far beyond any list
  return entries?.reduce((total, entry) => total + entry.size, 0);
}

function cellPrimitive(value: ExcelJS.CellValue): Primitive | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return cellPrimitive(value.text);
  if ("error" in value) return value.error;
  if ("result" in value) return cellPrimitive(value.result);
  return undefined;
}

type SheetRow = { row: number; cells: Map<number, Primitive> };

/** The non-blank rows of a sheet, each with its non-blank cells; text is trimmed with line ends as "\n". */
function readRows(sheet: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = new Map<number, Primitive>();
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const value = cellPrimitive(cell.value);
      if (typeof value === "string") {
        const text = value.replace(/\r\n?/g, "\n").trim();
        if (text !== "") cells.set(column, text);
      } else if (value !== undefined) {
        cells.set(column, value);
      }
    });
    if (cells.size > 0) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

type Converted = { ok: true; value: unknown } | { ok: false; problem: ProblemBody };

function convertCell(kind: CellKind, value: Primitive | undefined): Converted {
  if (value === undefined) return { ok: true, value: undefined };
  const text = String(value);
  switch (kind) {
    case "text":
      return { ok: true, value: text };
    case "integer": {
      if (typeof value === "number") return { ok: true, value };
      const digits = text.normalize("NFKC").trim();
      if (typeof value === "string" && /^[+-]?\d+(\.\d+)?$/.test(digits)) return { ok: true, value: Number(digits) };
      return { ok: false, problem: { code: "notANumber", params: { value: text } } };
    }
    case "boolean": {
      if (typeof value === "boolean") return { ok: true, value };
      const label = normalizeLabel(text);
      if (label === YES || label === "true") return { ok: true, value: true };
      if (label === NO || label === "false") return { ok: true, value: false };
      return { ok: false, problem: { code: "notABoolean", params: { value: text, allowed: `${YES} / ${NO}` } } };
    }
    default: {
      const label = normalizeLabel(text);
      const match = Object.entries<string>(ENUM_LABELS[kind]).find(
        ([code, name]) => normalizeLabel(code) === label || normalizeLabel(name) === label,
      );
      if (match) return { ok: true, value: match[0] };
      return { ok: false, problem: { code: "unknownValue", params: { value: text, allowed: enumLabels(kind).join(" / ") } } };
    }
  }
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((sheet) => normalizeLabel(sheet.name) === normalizeLabel(name));
}

async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook | CatalogProblem> {
  if (!startsWith(bytes, ZIP_MAGIC)) return problem(startsWith(bytes, OLE2_MAGIC) ? "legacyExcel" : "notASpreadsheet");
  const inflated = inflatedZipSize(bytes);
  if (inflated === undefined) return problem("notASpreadsheet");
  if (inflated > MAX_XLSX_INFLATED_BYTES) return tooLarge();
  const oversized = await oversizedSheet(bytes);
  if (oversized) return oversized;
  const workbook = new ExcelJS.Workbook();
  try {
    // Validation lists and conditional formats over whole columns would expand to a million cells each.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer, { ignoreNodes: ["dataValidations", "conditionalFormatting", "extLst"] });
  } catch {
    return problem("notASpreadsheet");
  }
  if (workbook.worksheets.length === 0) return problem("notASpreadsheet");
  return workbook;
}

/** The duties' header is the first of this many non-blank rows that holds a known header. */
const HEADER_SEARCH_ROWS = 10;
/** Non-blank rows a sheet may hold: the duties, their header and a title block above it. */
const MAX_SHEET_ROWS = MAX_CATALOG_DUTIES + HEADER_SEARCH_ROWS;

/**
 * Reading a workbook whole holds every cell of every sheet in memory. This
 * streams through it first (forEachRow), one row at a time and keeping none, and stops at
 * the first sheet with more rows than a list can have: more than
 * MAX_SHEET_ROWS non-blank rows on any sheet, or more than
 * MAX_CATALOG_DUTIES duty rows below the duties' header (found as
 * readDutiesSheet finds it).
 * Merged cells do not count here (a sheet stores their value once), so
 * this count is a floor; validate() counts the duties again once read.
 */
async function oversizedSheet(bytes: Buffer): Promise<CatalogProblem | undefined> {
  let found: CatalogProblem | undefined;
  try {
    await forEachRow(bytes, (name) => {
      const isDuties = normalizeLabel(name) === normalizeLabel(DUTIES_SHEET);
      let seen = 0;
      let headerAt: number | undefined;
      let columns: number[] = [];
      let dutyRows = 0;
      const tooMany = () => {
        found = problem("tooManyRows", { max: MAX_CATALOG_DUTIES }, { sheet: name });
        return true;
      };
      return (row) => {
        const cells = new Map([...row].filter(([, value]) => typeof value !== "string" || value.trim() !== ""));
        if (cells.size === 0) return;
        seen += 1;
        if (seen > MAX_SHEET_ROWS) return tooMany();
        if (!isDuties) return;
        if (headerAt === undefined && seen <= HEADER_SEARCH_ROWS && [...cells.values()].some(isDutyHeader)) {
          headerAt = seen;
          columns = [...cells].filter(([, value]) => isDutyHeader(value)).map(([column]) => column);
          return;
        }
        if (headerAt === undefined) return;
        if (columns.some((column) => cells.has(column))) dutyRows += 1;
        if (dutyRows > MAX_CATALOG_DUTIES) return tooMany();
      };
    });
  } catch {
    return problem("notASpreadsheet");
  }
  return found;
}

function isDutyHeader(value: Primitive | undefined): boolean {
  return typeof value === "string" && DUTY_HEADER_LOOKUP.has(normalizeLabel(value));
}

async function importXlsx(bytes: Buffer): Promise<CatalogImportResult> {
  const loaded = await loadWorkbook(bytes);
  if (!(loaded instanceof ExcelJS.Workbook)) return refuse(loaded);

  const catalog = readCatalogSheet(findSheet(loaded, CATALOG_SHEET));
  const duties = readDutiesSheet(findSheet(loaded, DUTIES_SHEET));
  const raw = { ...catalog.values, duties: duties.values };

  return validate(raw, [...catalog.problems, ...duties.problems], {
    covered: (path) => {
      const [first, index, field] = path;
      if (first !== "duties") return catalog.covered.has(String(first));
      if (path.length === 1) return duties.covered.emptyOrMissing;
      return duties.covered.fields.has(String(field)) || duties.covered.cells.has(pathKey(["duties", String(index), String(field)]));
    },
    locate: (path) => {
      const [first, index, field] = path;
      if (first === "duties") {
        const column = DUTY_COLUMNS.find((spec) => spec.field === field);
        const row = typeof index === "number" ? duties.rows[index] : undefined;
        return { sheet: DUTIES_SHEET, ...(row === undefined ? {} : { row }), ...(column ? { column: column.header } : {}) };
      }
      const spec = CATALOG_FIELDS.find((candidate) => candidate.field === first);
      const row = spec ? catalog.rows.get(spec.field) : undefined;
      return { sheet: CATALOG_SHEET, ...(row === undefined ? {} : { row }), ...(spec ? { column: spec.header } : {}) };
    },
    columnPosition: (sheet, column) => (sheet === DUTIES_SHEET ? duties.positions.get(column) : undefined),
  });
}

type CatalogSheet = { values: Record<string, unknown>; problems: CatalogProblem[]; rows: Map<CatalogField, number>; covered: Set<string> };

function readCatalogSheet(sheet: ExcelJS.Worksheet | undefined): CatalogSheet {
  const result: CatalogSheet = { values: {}, problems: [], rows: new Map(), covered: new Set() };
  if (!sheet) {
    result.problems.push(problem("sheetMissing", { sheet: CATALOG_SHEET }, { sheet: CATALOG_SHEET }));
    CATALOG_FIELDS.forEach(({ field }) => result.covered.add(field));
    return result;
  }
  for (const { row, cells } of readRows(sheet)) {
    const label = cells.get(1);
    const field = typeof label === "string" ? CATALOG_LABEL_LOOKUP.get(normalizeLabel(label)) : undefined;
    if (field === undefined) continue;
    const { header, cell } = CATALOG_FIELD_SPECS[field];
    const location = { sheet: CATALOG_SHEET, row, column: header };
    if (result.rows.has(field)) {
      result.problems.push(problem("duplicateField", { field: header }, location));
      continue;
    }
    result.rows.set(field, row);
    const converted = convertCell(cell, cells.get(2));
    if (converted.ok) {
      if (converted.value !== undefined) result.values[field] = converted.value;
    } else {
      result.problems.push({ ...converted.problem, ...location });
      result.covered.add(field);
    }
  }
  for (const { field, header, required } of CATALOG_FIELDS) {
    if (required && !result.rows.has(field)) {
      result.problems.push(problem("missingField", { field: header }, { sheet: CATALOG_SHEET, column: header }));
      result.covered.add(field);
    }
  }
  return result;
}

type DutiesSheet = {
  values: Record<string, unknown>[];
  problems: CatalogProblem[];
  /** The spreadsheet row of each duty. */
  rows: number[];
  /** The spreadsheet column of each header found, by its canonical text. */
  positions: Map<string, number>;
  covered: { emptyOrMissing: boolean; fields: Set<string>; cells: Set<string> };
};

function readDutiesSheet(sheet: ExcelJS.Worksheet | undefined): DutiesSheet {
  const result: DutiesSheet = {
    values: [],
    problems: [],
    rows: [],
    positions: new Map(),
    covered: { emptyOrMissing: false, fields: new Set(), cells: new Set() },
  };
  const where = { sheet: DUTIES_SHEET };
  if (!sheet) {
    result.problems.push(problem("sheetMissing", { sheet: DUTIES_SHEET }, where));
    result.covered.emptyOrMissing = true;
    return result;
  }
  const rows = readRows(sheet);
  const isHeader = (value: Primitive) => typeof value === "string" && DUTY_HEADER_LOOKUP.has(normalizeLabel(value));
  const header = rows.slice(0, HEADER_SEARCH_ROWS).find(({ cells }) => [...cells.values()].some(isHeader)) ?? rows[0];
  if (!header) {
    result.problems.push(problem("emptySheet", { sheet: DUTIES_SHEET }, where));
    result.covered.emptyOrMissing = true;
    return result;
  }

  const columns = new Map<DutyField, number>();
  for (const [column, value] of header.cells) {
    const field = typeof value === "string" ? DUTY_HEADER_LOOKUP.get(normalizeLabel(value)) : undefined;
    if (field === undefined) continue;
    if (columns.has(field)) {
      const name = DUTY_COLUMN_SPECS[field].header;
      result.problems.push(problem("duplicateColumn", { column: name }, { ...where, row: header.row, column: name }));
    } else {
      columns.set(field, column);
      result.positions.set(DUTY_COLUMN_SPECS[field].header, column);
    }
  }
  for (const { field, header: name, required } of DUTY_COLUMNS) {
    if (required && !columns.has(field)) {
      result.problems.push(problem("missingColumn", { column: name }, { ...where, column: name }));
      result.covered.fields.add(field);
    }
  }

  const dataRows = rows.filter(({ row, cells }) => row > header.row && [...columns.values()].some((column) => cells.has(column)));
  if (dataRows.length === 0) {
    if (columns.size > 0) result.problems.push(problem("emptySheet", { sheet: DUTIES_SHEET }, where));
    result.covered.emptyOrMissing = true;
    return result;
  }
  dataRows.forEach(({ row, cells }, index) => {
    const duty: Record<string, unknown> = {};
    for (const [field, column] of columns) {
      const spec = DUTY_COLUMN_SPECS[field];
      const converted = convertCell(spec.cell, cells.get(column));
      if (converted.ok) {
        if (converted.value !== undefined) duty[field] = converted.value;
      } else {
        result.problems.push({ ...converted.problem, ...where, row, column: spec.header });
        result.covered.cells.add(pathKey(["duties", String(index), field]));
      }
    }
    result.values.push(duty);
    result.rows.push(row);
  });
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Presentation helpers

