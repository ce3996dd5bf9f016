// The light half of catalog import and export: formats, limits and problem
// types, safe to import from client components (no exceljs, no yaml).
import type { TCatalogFile } from "../validation/catalog-file";

export const CATALOG_FORMATS = ["json", "yaml", "xlsx"] as const;
export type CatalogFormat = (typeof CATALOG_FORMATS)[number];

export const CATALOG_FILE_EXTENSIONS: Record<CatalogFormat, string> = { json: ".json", yaml: ".yaml", xlsx: ".xlsx" };
export const CATALOG_MEDIA_TYPES: Record<CatalogFormat, string> = {
  json: "application/json",
  yaml: "application/yaml",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export const MAX_CATALOG_FILE_BYTES = 5 * 1024 * 1024;

export const CATALOG_SHEET = "清单";
export const DUTIES_SHEET = "职责";

/** Every code a problem can carry; each has a message `catalogProblems.<code>` in messages/*.json. */
export const CATALOG_PROBLEM_CODES = [
  "tooLarge",
  "unknownFormat",
  "legacyExcel",
  "notASpreadsheet",
  "notUtf8",
  "invalidJson",
  "invalidYaml",
  "notACatalog",
  "sheetMissing",
  "emptySheet",
  "missingColumn",
  "duplicateColumn",
  "missingField",
  "duplicateField",
  "required",
  "tooLong",
  "tooSmall",
  "tooBig",
  "notANumber",
  "notAnInteger",
  "notABoolean",
  "notText",
  "unstorableText",
  "unknownValue",
  "invalidKey",
  "duplicateCode",
  "noDuties",
  "tooManyDuties",
  "tooManyRows",
  "tooComplex",
  "invalid",
] as const;
export type CatalogProblemCode = (typeof CATALOG_PROBLEM_CODES)[number];

/**
 * One thing wrong with an imported file. `code` is a message key under `catalogProblems`, `params` its ICU
 * params. Excel problems carry `sheet`, the 1-based spreadsheet `row` and the Chinese header (or, on the
 * "清单" sheet, the field label) as `column`; JSON/YAML problems carry a `path` like `duties[3].kind`.
 */
export type CatalogProblem = {
  code: CatalogProblemCode;
  params: Record<string, string | number>;
  sheet?: string;
  row?: number;
  column?: string;
  path?: string;
};

export type CatalogImportResult = { ok: true; catalog: TCatalogFile } | { ok: false; problems: CatalogProblem[] };
export type CatalogFormatDetection = { ok: true; format: CatalogFormat } | { ok: false; problems: CatalogProblem[] };

/** Message keys (under `catalogProblems`) that describe where a problem is, for the UI to show beside it. */
export const CATALOG_LOCATION_KEYS = ["at.cell", "at.row", "at.sheet", "at.path"] as const;
export type CatalogLocationKey = (typeof CATALOG_LOCATION_KEYS)[number];


/** The message (under `catalogProblems`) saying where a problem is, or undefined for a problem with the whole file. */
export function catalogProblemLocation(item: CatalogProblem): { key: CatalogLocationKey; params: Record<string, string | number> } | undefined {
  if (item.path !== undefined) return { key: "at.path", params: { path: item.path } };
  if (item.sheet === undefined) return undefined;
  if (item.row !== undefined && item.column !== undefined) {
    return { key: "at.cell", params: { sheet: item.sheet, row: item.row, column: item.column } };
  }
  if (item.row !== undefined) return { key: "at.row", params: { sheet: item.sheet, row: item.row } };
  return { key: "at.sheet", params: { sheet: item.sheet } };
}
