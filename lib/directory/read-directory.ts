// Reads a directory file (organizations and accounts) into rows, with every
// problem of its shape listed. No "server-only": the benchmark reads files too.
import ExcelJS from "exceljs";
import { hasUnstorableText } from "../validation/text";
import { parseCsv } from "./csv";
import {
  DIRECTORY_SHEETS,
  MAX_DIRECTORY_FILE_BYTES,
  MAX_DIRECTORY_ROWS,
  ORG_COLUMNS,
  ORGS_SHEET,
  PEOPLE_SHEET,
  PERSON_COLUMNS,
  SHEET_ALIASES,
  type DirectoryColumn,
  type DirectoryProblem,
  type DirectorySheet,
  type OrgField,
  type PersonField,
} from "./directory-layout";
import { cellText } from "../sheets/cell-text";

/** One data row: where it stands (sheet and 1-based row) and its cells by field, trimmed. */
export type DirectoryRow<F extends string> = { sheet: string; row: number; values: Record<F, string> };

export type DirectoryRows = { orgs: DirectoryRow<OrgField>[]; people: DirectoryRow<PersonField>[] };

/**
 * The rows read and every problem of shape. With a problem of the whole
 * file (its format, a sheet or column missing) the rows are not worth
 * checking further; with problems of single cells they still are, so that
 * one look lists everything wrong.
 */
export type ReadResult = { rows: DirectoryRows; problems: DirectoryProblem[]; isReadable: boolean };

export type DirectoryFile = { name: string; bytes: Uint8Array };

const normalize = (text: string) => text.replace(/[\s*＊（）()]/g, "").toLowerCase();

/** Which sheet a name means: 组织 / 人员, or their English names. */
function sheetOf(name: string): DirectorySheet | undefined {
  const key = normalize(name.replace(/\.(csv|xlsx)$/i, ""));
  return DIRECTORY_SHEETS.find((sheet) => normalize(sheet) === key || SHEET_ALIASES[sheet].some((alias) => normalize(alias) === key));
}

/** A header row's columns by field; a CSV file says by its headers which sheet it is. */
function columnsOf(header: string[], columns: readonly DirectoryColumn[]): Map<string, number> {
  const found = new Map<string, number>();
  header.forEach((text, index) => {
    const key = normalize(text);
    const column = columns.find((c) => normalize(c.header) === key || c.aliases.some((a) => normalize(a) === key));
    if (column && !found.has(column.field)) found.set(column.field, index);
  });
  return found;
}

function sheetFromHeader(header: string[]): DirectorySheet | undefined {
  const orgs = columnsOf(header, ORG_COLUMNS);
  const people = columnsOf(header, PERSON_COLUMNS);
  if (people.has("username")) return PEOPLE_SHEET;
  if (orgs.has("parentCode") || orgs.has("type")) return ORGS_SHEET;
  return undefined;
}


type Table = { sheet: DirectorySheet; label: string; rows: string[][] };

async function tablesOf(file: DirectoryFile): Promise<{ tables: Table[]; problems: DirectoryProblem[] }> {
  const problems: DirectoryProblem[] = [];
  const tables: Table[] = [];
  if (file.bytes.length > MAX_DIRECTORY_FILE_BYTES) return { tables, problems: [{ code: "tooLarge", params: { max: MAX_DIRECTORY_FILE_BYTES / 1024 / 1024 } }] };
  const isZip = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;
  if (/\.xlsx$/i.test(file.name) || isZip) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer);
    } catch {
      return { tables, problems: [{ code: "unreadable", sheet: file.name }] };
    }
    for (const worksheet of workbook.worksheets) {
      const sheet = sheetOf(worksheet.name);
      if (!sheet) continue;
      if (worksheet.actualRowCount > MAX_DIRECTORY_ROWS + 1) {
        problems.push({ code: "tooManyRows", sheet: worksheet.name, params: { max: MAX_DIRECTORY_ROWS } });
        continue;
      }
      const rows: string[][] = [];
      worksheet.eachRow({ includeEmpty: true }, (row, number) => {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        rows[number - 1] = values.map((v) => cellText(v as ExcelJS.CellValue).trim());
      });
      tables.push({ sheet, label: worksheet.name, rows: Array.from(rows, (r) => r ?? []) });
    }
    return { tables, problems };
  }
  if (/\.csv$/i.test(file.name)) {
    const text = new TextDecoder("utf-8", { fatal: false }).decode(file.bytes);
    const rows = parseCsv(text).map((r) => r.map((c) => c.trim()));
    if (rows.length > MAX_DIRECTORY_ROWS + 1) return { tables, problems: [{ code: "tooManyRows", sheet: file.name, params: { max: MAX_DIRECTORY_ROWS } }] };
    const sheet = sheetOf(file.name) ?? sheetFromHeader(rows[0] ?? []);
    if (!sheet) return { tables, problems: [{ code: "noSheet", sheet: file.name }] };
    tables.push({ sheet, label: file.name, rows });
    return { tables, problems };
  }
  return { tables, problems: [{ code: "unknownFormat", sheet: file.name }] };
}

function rowsOf<F extends string>(table: Table, columns: readonly DirectoryColumn[], problems: DirectoryProblem[]): DirectoryRow<F>[] {
  const [header = [], ...body] = table.rows;
  const found = columnsOf(header, columns);
  const missing = columns.filter((c) => c.required && !found.has(c.field));
  for (const column of missing) problems.push({ code: "missingColumn", sheet: table.label, column: column.header });
  if (missing.length > 0) return [];
  const rows: DirectoryRow<F>[] = [];
  body.forEach((cells, index) => {
    if (cells.every((c) => !c)) return;
    const row = index + 2;
    const values = {} as Record<F, string>;
    for (const column of columns) {
      const at = found.get(column.field);
      const text = at === undefined ? "" : (cells[at] ?? "");
      values[column.field as F] = text;
      const where = { sheet: table.label, row, column: column.header };
      if (column.required && !text) problems.push({ code: "required", ...where });
      else if (text.length > column.max) problems.push({ code: "tooLong", ...where, params: { max: column.max } });
      else if (hasUnstorableText(text)) problems.push({ code: "unstorable", ...where });
    }
    rows.push({ sheet: table.label, row, values });
  });
  return rows;
}

/**
 * Reads the files of one import: a workbook with the sheets 组织 and 人员
 * (either may be left out), or CSV files named or headed as one of them.
 * Every problem of shape is listed; the rows come back only when there is none.
 */
export async function readDirectoryFiles(files: DirectoryFile[]): Promise<ReadResult> {
  const problems: DirectoryProblem[] = [];
  const rows: DirectoryRows = { orgs: [], people: [] };
  let tablesSeen = 0;
  for (const file of files) {
    const { tables, problems: fileProblems } = await tablesOf(file);
    problems.push(...fileProblems);
    for (const table of tables) {
      tablesSeen += 1;
      if (table.sheet === ORGS_SHEET) rows.orgs.push(...rowsOf<OrgField>(table, ORG_COLUMNS, problems));
      else rows.people.push(...rowsOf<PersonField>(table, PERSON_COLUMNS, problems));
    }
  }
  if (tablesSeen === 0 && problems.length === 0) problems.push({ code: "noSheet" });
  return { rows, problems, isReadable: !problems.some((p) => p.row === undefined) };
}
