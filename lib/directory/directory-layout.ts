// The light half of the directory import (organizations and accounts): the
// file layout, its words and its limits, safe for client components. The
// headers and values are part of the file format, like the list file's
// (lib/catalogs/catalog-io.ts): Chinese by default, English accepted.
import type { OrgType, Role } from "../generated/prisma/enums";

export const ORGS_SHEET = "组织";
export const PEOPLE_SHEET = "人员";
export const DIRECTORY_SHEETS = [ORGS_SHEET, PEOPLE_SHEET] as const;
export type DirectorySheet = (typeof DIRECTORY_SHEETS)[number];

/** The English names a sheet or a CSV file may carry instead. */
export const SHEET_ALIASES: Record<DirectorySheet, string[]> = { [ORGS_SHEET]: ["orgs", "organizations"], [PEOPLE_SHEET]: ["people", "accounts", "users"] };

export type DirectoryColumn = { field: string; header: string; aliases: string[]; required: boolean; max: number };

export const ORG_COLUMNS = [
  { field: "code", header: "组织编码", aliases: ["code"], required: true, max: 64 },
  { field: "name", header: "组织名称", aliases: ["name"], required: true, max: 100 },
  { field: "nameEn", header: "英文名称", aliases: ["name_en", "nameen", "english name"], required: false, max: 200 },
  { field: "type", header: "组织类型", aliases: ["type"], required: true, max: 20 },
  // Empty only for the top of the tree; a new organization needs one.
  { field: "parentCode", header: "上级组织编码", aliases: ["parent", "parent code", "parent_code", "parentcode"], required: false, max: 64 },
  { field: "sortOrder", header: "排序", aliases: ["sort", "order", "sort order", "sortorder"], required: false, max: 9 },
] as const satisfies readonly DirectoryColumn[];

export const PERSON_COLUMNS = [
  { field: "username", header: "用户名", aliases: ["username", "user"], required: true, max: 64 },
  { field: "name", header: "姓名", aliases: ["name", "full name"], required: true, max: 50 },
  { field: "email", header: "邮箱", aliases: ["email", "e-mail"], required: false, max: 200 },
  { field: "orgCode", header: "组织编码", aliases: ["org", "org code", "org_code", "orgcode", "organization code"], required: true, max: 64 },
  { field: "role", header: "角色", aliases: ["role"], required: true, max: 20 },
] as const satisfies readonly DirectoryColumn[];

export type OrgField = (typeof ORG_COLUMNS)[number]["field"];
export type PersonField = (typeof PERSON_COLUMNS)[number]["field"];

/** The organization types as the file writes them; the enum names are read too. */
export const ORG_TYPE_WORDS: Record<OrgType, string> = {
  WORKING_COMMITTEE: "机关工委",
  PARTY_GROUP: "党组",
  ORGAN_PARTY_COMMITTEE: "机关党委",
  GENERAL_BRANCH: "党总支",
  BRANCH: "党支部",
};

/** The roles as the file writes them; the enum names are read too. */
export const ROLE_WORDS: Record<Role, string> = {
  ADMIN: "管理员",
  SUPERVISOR: "督导员",
  INSPECTOR: "督查员",
  SECRETARY: "书记",
  STAFF: "干事",
};

export const MAX_DIRECTORY_FILE_BYTES = 10 * 1024 * 1024;
/** Rows per sheet: a province's 20,000 organizations and 25,000 accounts with their roles fit. */
export const MAX_DIRECTORY_ROWS = 60_000;

/** Every code a problem can carry; each has a message `directoryImport.problem.<code>`. */
export const DIRECTORY_PROBLEM_CODES = [
  "tooLarge",
  "unknownFormat",
  "unreadable",
  "noSheet",
  "tooManyRows",
  "missingColumn",
  "required",
  "tooLong",
  "unstorable",
  "notANumber",
  "unknownType",
  "unknownRole",
  "duplicateCode",
  "unknownParent",
  "cycle",
  "typeUnderParent",
  "outsideScope",
  "parentChanged",
  "badUsername",
  "badEmail",
  "conflictingPerson",
  "conflictingRoles",
  "unknownOrg",
  "personOutsideScope",
] as const;
export type DirectoryProblemCode = (typeof DIRECTORY_PROBLEM_CODES)[number];

/**
 * One thing wrong with a file: where (sheet or CSV file, 1-based row as the
 * spreadsheet numbers it, column header) and a code with its values.
 */
export type DirectoryProblem = { code: DirectoryProblemCode; sheet?: string; row?: number; column?: string; params?: Record<string, string | number> };

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,62}$/i;
