import "server-only";
import ExcelJS from "exceljs";
import { ORG_COLUMNS, ORG_TYPE_WORDS, ORGS_SHEET, PEOPLE_SHEET, PERSON_COLUMNS, ROLE_WORDS } from "@/lib/directory/directory-layout";
import { can } from "@/lib/server/access/permissions";
import { orgScopeWhere } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";

type Sheets = { orgs: (string | number | null)[][]; people: (string | number | null)[][] };

async function workbookOf({ orgs, people }: Sheets): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, columns, rows] of [
    [ORGS_SHEET, ORG_COLUMNS, orgs],
    [PEOPLE_SHEET, PERSON_COLUMNS, people],
  ] as const) {
    const sheet = workbook.addWorksheet(name);
    sheet.columns = columns.map((c) => ({ header: c.header, key: c.field, width: Math.max(12, c.header.length * 3) }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The organizations and accounts within the actor's subtree, in the layout
 * the import reads (lib/directory/directory-layout.ts), so that a province
 * can take its data out and bring it back. Parents come before children;
 * closed organizations and password hashes are never written.
 */
export async function exportDirectory(actor: Actor): Promise<Buffer> {
  if (!can(actor, "org.manage") || !can(actor, "user.manage")) throw new NotFoundError();
  const [orgs, grants] = await Promise.all([
    prisma.org.findMany({
      where: { AND: [orgScopeWhere(actor, "org.manage"), { closedAt: null }] },
      orderBy: [{ depth: "asc" }, { sortOrder: "asc" }, { code: "asc" }],
      select: { code: true, name: true, nameEn: true, type: true, sortOrder: true, parent: { select: { code: true } } },
    }),
    prisma.roleGrant.findMany({
      where: { org: { AND: [orgScopeWhere(actor, "user.manage"), { closedAt: null }] }, user: { isActive: true } },
      orderBy: [{ user: { username: "asc" } }, { org: { code: "asc" } }, { role: "asc" }],
      select: { role: true, org: { select: { code: true } }, user: { select: { username: true, name: true, email: true } } },
    }),
  ]);
  return workbookOf({
    orgs: orgs.map((o) => [o.code, o.name, o.nameEn, ORG_TYPE_WORDS[o.type], o.parent?.code ?? null, o.sortOrder]),
    people: grants.map((g) => [g.user.username, g.user.name, g.user.email, g.org.code, ROLE_WORDS[g.role]]),
  });
}

/** An empty file in the import's layout, with one example row on each sheet under the actor's own top organization. */
export async function exportDirectoryTemplate(actor: Actor): Promise<Buffer> {
  if (!can(actor, "org.manage")) throw new NotFoundError();
  const [top] = await prisma.org.findMany({ where: orgScopeWhere(actor, "org.manage"), orderBy: { depth: "asc" }, take: 1, select: { code: true } });
  const parent = top?.code ?? "";
  return workbookOf({
    orgs: [["示例-支部1", "示例党支部", "Example Branch", ORG_TYPE_WORDS.BRANCH, parent, 1]],
    people: [["zhang.san", "张三", "zhangsan@example.org", "示例-支部1", ROLE_WORDS.SECRETARY]],
  });
}
