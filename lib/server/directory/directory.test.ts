import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvLine } from "@/lib/directory/csv";
import type { DirectoryProblemCode } from "@/lib/directory/directory-layout";
import { readDirectoryFiles, type DirectoryFile } from "@/lib/directory/read-directory";
import type { Actor } from "@/lib/server/auth/actor";
import { signInWithPassword } from "@/lib/server/auth/sign-in";
import { prisma } from "@/lib/server/db";
import { exportDirectory } from "@/lib/server/directory/export-directory";
import { importDirectory, previewDirectoryImport } from "@/lib/server/directory/import-directory";
import { actorFor, actorWithRole } from "@/lib/test/actors";
import { useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let admin: Actor;

beforeAll(async () => {
  drop = await useSeededDatabase("directory");
  admin = await actorFor("admin");
});
afterAll(() => drop());

type Cell = string | number | null;

async function workbook(orgs: Cell[][] | null, people: Cell[][] | null, headers = { orgs: ["组织编码", "组织名称", "英文名称", "组织类型", "上级组织编码", "排序"], people: ["用户名", "姓名", "邮箱", "组织编码", "角色"] }): Promise<DirectoryFile> {
  const book = new ExcelJS.Workbook();
  if (orgs) {
    const sheet = book.addWorksheet("组织");
    sheet.addRow(headers.orgs);
    orgs.forEach((r) => sheet.addRow(r));
  }
  if (people) {
    const sheet = book.addWorksheet("人员");
    sheet.addRow(headers.people);
    people.forEach((r) => sheet.addRow(r));
  }
  return { name: "directory.xlsx", bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
}

const counts = async () => ({ orgs: await prisma.org.count(), users: await prisma.user.count(), grants: await prisma.roleGrant.count() });

async function problemsOf(actor: Actor, file: DirectoryFile): Promise<{ code: DirectoryProblemCode; row?: number; column?: string }[]> {
  const outcome = await previewDirectoryImport(actor, [file]);
  expect(outcome.ok, "the file is refused").toBe(false);
  return outcome.ok ? [] : outcome.problems.map((p) => ({ code: p.code, row: p.row, column: p.column }));
}

describe("importing organizations and accounts", () => {
  const file = () =>
    workbook(
      [
        ["T-GB", "测试党总支", null, "党总支", "U03-OPC", 9],
        ["T-GB-B1", "测试第一党支部", "First Test Branch", "党支部", "T-GB", 1],
        ["T-GB-B2", "测试第二党支部", null, "BRANCH", "T-GB", 2],
      ],
      [
        ["t.secretary", "测试书记", "t.secretary@example.org", "T-GB-B1", "书记"],
        ["t.secretary", "测试书记", "t.secretary@example.org", "T-GB", "干事"],
        ["t.staff", "测试干事", null, "T-GB-B2", "STAFF"],
      ],
    );

  it("previews, then creates the tree and the accounts with their roles, each account with a one-time password it must replace", async () => {
    const preview = await previewDirectoryImport(admin, [await file()]);
    expect(preview.ok && preview.preview.counts).toEqual({
      orgs: { create: 3, update: 0, unchanged: 0 },
      users: { create: 2, update: 0, unchanged: 0 },
      grants: { add: 3, unchanged: 0 },
    });
    const progress: string[] = [];
    const outcome = await importDirectory(admin, [await file()], (p) => progress.push(`${p.step} ${p.done}/${p.total}`));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.result).toMatchObject({ orgsCreated: 3, usersCreated: 2, grantsAdded: 3 });
    expect(progress).toEqual(["orgs 3/3", "users 2/2", "grants 3/3"]);

    const [opc, gb, b1] = await Promise.all(["U03-OPC", "T-GB", "T-GB-B1"].map((code) => prisma.org.findUniqueOrThrow({ where: { code }, select: { id: true, path: true, depth: true } })));
    expect(gb!.path).toBe(`${opc!.path}${gb!.id}/`);
    expect(b1).toMatchObject({ path: `${gb!.path}${b1!.id}/`, depth: opc!.depth + 2 });

    const secretary = await prisma.user.findUniqueOrThrow({
      where: { username: "t.secretary" },
      select: { mustChangePassword: true, email: true, roles: { select: { role: true, org: { select: { code: true } } }, orderBy: { role: "asc" } } },
    });
    expect(secretary).toMatchObject({ mustChangePassword: true, email: "t.secretary@example.org" });
    expect(secretary.roles.map((r) => `${r.org.code} ${r.role}`)).toEqual(["T-GB-B1 SECRETARY", "T-GB STAFF"]);
    const password = outcome.result.oneTimePasswords.find((p) => p.username === "t.secretary")!.password;
    expect(password).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    expect((await signInWithPassword("t.secretary", password)).status).toBe("ok");
    // Audited, and never with a password.
    const audits = await prisma.auditLog.findMany({ where: { action: { startsWith: "user.import" } }, select: { after: true } });
    expect(audits.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(audits)).not.toContain(password);
  });

  it("changes nothing when the same file comes again, and only what differs in a corrected one", async () => {
    const before = await counts();
    const again = await importDirectory(admin, [await file()]);
    expect(again.ok && again.result).toMatchObject({ orgsCreated: 0, orgsUpdated: 0, usersCreated: 0, usersUpdated: 0, grantsAdded: 0, oneTimePasswords: [] });
    expect(await counts()).toEqual(before);

    const corrected = await workbook(
      [
        ["T-GB", "测试党总支（更名）", null, "党总支", "U03-OPC", 9],
        ["T-GB-B1", "测试第一党支部", "First Test Branch", "党支部", "T-GB", 1],
        ["T-GB-B2", "测试第二党支部", null, "BRANCH", "T-GB", 2],
      ],
      [
        ["t.secretary", "测试书记", "secretary@example.org", "T-GB-B1", "书记"],
        ["t.staff", "测试干事", null, "T-GB-B2", "STAFF"],
        ["t.staff", "测试干事", null, "T-GB-B1", "STAFF"],
      ],
    );
    const preview = await previewDirectoryImport(admin, [corrected]);
    expect(preview.ok && preview.preview.counts).toEqual({
      orgs: { create: 0, update: 1, unchanged: 2 },
      users: { create: 0, update: 1, unchanged: 1 },
      grants: { add: 1, unchanged: 2 },
    });
    const applied = await importDirectory(admin, [corrected]);
    expect(applied.ok && applied.result).toMatchObject({ orgsUpdated: 1, usersUpdated: 1, grantsAdded: 1 });
    expect((await prisma.org.findUniqueOrThrow({ where: { code: "T-GB" } })).name).toBe("测试党总支（更名）");
    // A role the file no longer names is left alone.
    expect(await prisma.roleGrant.count({ where: { user: { username: "t.secretary" }, org: { code: "T-GB" }, role: "STAFF" } })).toBe(1);
  });

  it("reads CSV files with English headers", async () => {
    const orgs = [csvLine(["code", "name", "type", "parent"]), csvLine(["T-CSV", "“引号,逗号”党支部", "BRANCH", "U04-OPC"])].join("\r\n");
    const people = [csvLine(["username", "name", "org", "role"]), csvLine(["t.csv", "测试 CSV", "T-CSV", "SECRETARY"])].join("\n");
    const files = [
      { name: "orgs.csv", bytes: new TextEncoder().encode("\uFEFF" + orgs) },
      { name: "人员.csv", bytes: new TextEncoder().encode(people) },
    ];
    const read = await readDirectoryFiles(files);
    expect(read.problems).toEqual([]);
    expect(read.rows.orgs[0]?.values).toMatchObject({ code: "T-CSV", name: "“引号,逗号”党支部", type: "BRANCH", parentCode: "U04-OPC", nameEn: "" });
    const outcome = await importDirectory(admin, files);
    expect(outcome.ok && outcome.result).toMatchObject({ orgsCreated: 1, usersCreated: 1, grantsAdded: 1 });
  });

  it("round-trips: what it exports imports again as it is", async () => {
    const bytes = await exportDirectory(admin);
    const exported: DirectoryFile = { name: "export.xlsx", bytes: new Uint8Array(bytes) };
    expect(Buffer.from(bytes).toString("latin1")).not.toContain("$argon2");
    const read = await readDirectoryFiles([exported]);
    expect(read.rows.orgs.length).toBe(await prisma.org.count({ where: { closedAt: null } }));
    const preview = await previewDirectoryImport(admin, [exported]);
    if (!preview.ok) throw new Error(JSON.stringify(preview.problems.slice(0, 5)));
    expect(preview.preview.counts.orgs.create + preview.preview.counts.orgs.update).toBe(0);
    expect(preview.preview.counts.users.create + preview.preview.counts.users.update + preview.preview.counts.grants.add).toBe(0);
  });
});

describe("a file with problems", () => {
  it("is refused whole, every problem listed by sheet, row and column, and nothing written", async () => {
    const before = await counts();
    const file = await workbook(
      [
        ["R-1", "重复", null, "党支部", "U05-OPC", null],
        ["R-1", "重复", null, "党支部", "U05-OPC", null],
        ["R-2", "无上级", null, "党支部", "NOWHERE", null],
        ["R-3", "循环甲", null, "党支部", "R-4", null],
        ["R-4", "循环乙", null, "党支部", "R-3", null],
        ["R-5", "类型", null, "支委会", "U05-OPC", null],
        ["R-6", "", null, "党支部", "U05-OPC", "x"],
        ["U05-B1", "改隶", null, "党支部", "U06-OPC", null],
        ["R-7", "支部下的党委", null, "机关党委", "U05-B2", null],
      ],
      [
        ["r.one", "甲", "bad-email", "U05-B1", "书记"],
        ["r.one", "乙", null, "U05-B1", "干事"],
        ["r two", "丙", null, "NOPE", "局长"],
      ],
    );
    const problems = await problemsOf(admin, file);
    const codes = problems.map((p) => p.code);
    for (const code of ["duplicateCode", "unknownParent", "cycle", "unknownType", "required", "notANumber", "parentChanged", "badEmail", "conflictingPerson", "conflictingRoles", "badUsername", "unknownOrg", "unknownRole", "typeUnderParent"] as const) {
      expect(codes, code).toContain(code);
    }
    expect(problems).toContainEqual({ code: "duplicateCode", row: 3, column: "组织编码" });
    expect(problems).toContainEqual({ code: "required", row: 8, column: "组织名称" });
    expect(problems).toContainEqual({ code: "typeUnderParent", row: 10, column: "组织类型" });
    expect((await importDirectory(admin, [file])).ok).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("keeps an administrator of a unit within it, for organizations and for people", async () => {
    const unitAdmin = await actorWithRole("ADMIN", "U01");
    const outside = await workbook([["S-1", "外单位支部", null, "党支部", "U02-OPC", null]], [["u02-branch", "王支书", null, "U01-B1", "书记"]]);
    const problems = await problemsOf(unitAdmin, outside);
    expect(problems.map((p) => p.code).sort()).toEqual(["outsideScope", "personOutsideScope"]);
    const inside = await workbook([["S-2", "本单位支部", null, "党支部", "U01-OPC", null]], null);
    const outcome = await importDirectory(unitAdmin, [inside]);
    expect(outcome.ok && outcome.result.orgsCreated).toBe(1);
  });

  it("names a missing column and an unknown file, and refuses a reader without both permissions", async () => {
    const noCode = await workbook([["X", "党支部", "U01-OPC"]], null, { orgs: ["组织名称", "组织类型", "上级组织编码"], people: [] });
    expect(await problemsOf(admin, noCode)).toContainEqual({ code: "missingColumn", row: undefined, column: "组织编码" });
    expect(await problemsOf(admin, { name: "notes.txt", bytes: new Uint8Array([1, 2, 3]) })).toEqual([{ code: "unknownFormat", row: undefined, column: undefined }]);
    await expect(previewDirectoryImport(await actorFor("supervisor"), [noCode])).rejects.toThrow();
  });
});
