import type { OrgType, Role } from "@/lib/generated/prisma/enums";
import { ORG_TYPE_WORDS, ROLE_WORDS, USERNAME_PATTERN, type DirectoryProblem } from "@/lib/directory/directory-layout";
import type { DirectoryRow, DirectoryRows } from "@/lib/directory/read-directory";
import type { OrgField, PersonField } from "@/lib/directory/directory-layout";
import { scopePaths } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { mayHold } from "@/lib/orgs/org-rules";

// No "server-only": the benchmark plans and applies imports too.

type Db = PrismaClient | Prisma.TransactionClient;

export type OrgCreate = { code: string; name: string; nameEn: string | null; type: OrgType; parentCode: string; sortOrder: number; row: number };
export type OrgUpdate = {
  id: string;
  code: string;
  before: { name: string; nameEn: string | null; type: OrgType; sortOrder: number };
  after: { name: string; nameEn: string | null; type: OrgType; sortOrder: number };
};
export type UserCreate = { username: string; name: string; email: string | null };
export type UserUpdate = { id: string; username: string; before: { name: string; email: string | null }; after: { name: string; email: string | null } };
export type GrantAdd = { username: string; orgCode: string; role: Role };

/** What an import will do: everything it creates and changes, and how much it leaves alone. */
export type DirectoryPlan = {
  orgs: { create: OrgCreate[]; update: OrgUpdate[]; unchanged: number };
  users: { create: UserCreate[]; update: UserUpdate[]; unchanged: number };
  grants: { add: GrantAdd[]; unchanged: number };
};

export type PlanResult = { ok: true; plan: DirectoryPlan } | { ok: false; problems: DirectoryProblem[] };

const TYPES = Object.keys(ORG_TYPE_WORDS) as OrgType[];
const ROLES = Object.keys(ROLE_WORDS) as Role[];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CHUNK = 5_000;

function wordToType(text: string): OrgType | undefined {
  return TYPES.find((t) => t === text.toUpperCase() || ORG_TYPE_WORDS[t] === text || (t === "PARTY_GROUP" && /^党组(（党委）|\(党委\))?$/.test(text)));
}

function wordToRole(text: string): Role | undefined {
  return ROLES.find((r) => r === text.toUpperCase() || ROLE_WORDS[r] === text);
}

async function chunked<T, R>(values: T[], load: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(...(await load(values.slice(i, i + CHUNK))));
  return out;
}

const within = (roots: string[], path: string) => roots.some((root) => path.startsWith(root));

/**
 * Checks a whole directory file against the database and the actor's reach,
 * and says what importing it would do. Nothing is written. Every problem is
 * listed with its sheet, row and column; a plan comes back only when there
 * is none. Organizations are created under parents in the file or already
 * within the actor's org.manage subtree; an existing organization's parent
 * is never changed by an import (moves are made in the tree, with their plan).
 * Accounts are created and changed, and roles added, within the actor's
 * user.manage subtree; roles missing from the file are left alone.
 */
export async function planDirectoryImport(db: Db, actor: Actor, rows: DirectoryRows): Promise<PlanResult> {
  const problems: DirectoryProblem[] = [];
  const at = (r: { sheet: string; row: number }, column: string) => ({ sheet: r.sheet, row: r.row, column });
  const orgRoots = scopePaths(actor, "org.manage");
  const userRoots = scopePaths(actor, "user.manage");

  // Organizations: one row per code; the parent from the file or the database.
  const fileOrgs = new Map<string, DirectoryRow<OrgField>>();
  for (const r of rows.orgs) {
    const code = r.values.code;
    if (fileOrgs.has(code)) problems.push({ code: "duplicateCode", ...at(r, "组织编码"), params: { code } });
    else fileOrgs.set(code, r);
  }
  const codes = [...new Set([...fileOrgs.keys(), ...rows.orgs.map((r) => r.values.parentCode).filter(Boolean), ...rows.people.map((r) => r.values.orgCode)])];
  const existing = new Map(
    (
      await chunked(codes, (chunk) =>
        db.org.findMany({
          where: { code: { in: chunk } },
          select: { id: true, code: true, name: true, nameEn: true, type: true, sortOrder: true, path: true, closedAt: true, parent: { select: { code: true } } },
        }),
      )
    ).map((o) => [o.code, o]),
  );

  const create: OrgCreate[] = [];
  const update: OrgUpdate[] = [];
  let orgsUnchanged = 0;
  for (const [code, r] of fileOrgs) {
    const type = wordToType(r.values.type);
    if (!type) problems.push({ code: "unknownType", ...at(r, "组织类型"), params: { value: r.values.type } });
    const sortText = r.values.sortOrder;
    const sortOrder = sortText ? Number(sortText) : undefined;
    if (sortText && !Number.isInteger(sortOrder)) problems.push({ code: "notANumber", ...at(r, "排序") });
    const found = existing.get(code);
    if (found) {
      if (!within(orgRoots, found.path)) {
        problems.push({ code: "outsideScope", ...at(r, "组织编码"), params: { code } });
        continue;
      }
      if ((found.parent?.code ?? "") !== r.values.parentCode) {
        problems.push({ code: "parentChanged", ...at(r, "上级组织编码"), params: { code, parent: found.parent?.code ?? "" } });
        continue;
      }
      if (!type) continue;
      const after = { name: r.values.name, nameEn: r.values.nameEn || null, type, sortOrder: sortOrder ?? found.sortOrder };
      const before = { name: found.name, nameEn: found.nameEn, type: found.type, sortOrder: found.sortOrder };
      if (JSON.stringify(before) === JSON.stringify(after)) orgsUnchanged += 1;
      else update.push({ id: found.id, code, before, after });
      continue;
    }
    if (!r.values.parentCode) {
      problems.push({ code: "required", ...at(r, "上级组织编码") });
      continue;
    }
    if (type) create.push({ code, name: r.values.name, nameEn: r.values.nameEn || null, type, parentCode: r.values.parentCode, sortOrder: sortOrder ?? 0, row: r.row });
  }

  // Every new organization hangs, through other new ones, from one already within the actor's reach: parents first.
  const ordered: OrgCreate[] = [];
  const state = new Map<string, "visiting" | "done" | "bad">();
  const byCode = new Map(create.map((c) => [c.code, c]));
  const visit = (c: OrgCreate): boolean => {
    const seen = state.get(c.code);
    if (seen === "done") return true;
    if (seen === "bad") return false;
    if (seen === "visiting") {
      problems.push({ code: "cycle", sheet: fileOrgs.get(c.code)?.sheet, row: c.row, column: "上级组织编码", params: { code: c.code } });
      state.set(c.code, "bad");
      return false;
    }
    state.set(c.code, "visiting");
    const parentRow = byCode.get(c.parentCode);
    const parent = existing.get(c.parentCode);
    let ok: boolean;
    if (parentRow) ok = visit(parentRow);
    else if (parent && !parent.closedAt) {
      ok = within(orgRoots, parent.path);
      if (!ok) problems.push({ code: "outsideScope", sheet: fileOrgs.get(c.code)?.sheet, row: c.row, column: "上级组织编码", params: { code: c.parentCode } });
    } else {
      ok = false;
      if (!fileOrgs.has(c.parentCode) || !problems.some((p) => p.params?.code === c.parentCode)) {
        problems.push({ code: "unknownParent", sheet: fileOrgs.get(c.code)?.sheet, row: c.row, column: "上级组织编码", params: { code: c.parentCode } });
      }
    }
    if (state.get(c.code) === "bad") return false;
    state.set(c.code, ok ? "done" : "bad");
    if (ok) ordered.push(c);
    return ok;
  };
  create.forEach(visit);

  // Each new organization, and each changed type, where the tree's type rule allows it (lib/orgs/org-rules.ts).
  const fileTypes = new Map<string, OrgType>([...create.map((c) => [c.code, c.type] as const), ...update.map((u) => [u.code, u.after.type] as const)]);
  const typeOf = (code: string): OrgType | undefined => fileTypes.get(code) ?? existing.get(code)?.type;
  for (const c of ordered) {
    const parentType = typeOf(c.parentCode);
    if (parentType && !mayHold(parentType, c.type)) {
      problems.push({ code: "typeUnderParent", ...at(fileOrgs.get(c.code)!, "组织类型"), params: { code: c.code, parent: c.parentCode } });
    }
  }
  for (const u of update) {
    const parentCode = existing.get(u.code)?.parent?.code;
    const parentType = parentCode ? typeOf(parentCode) : null;
    if (u.after.type !== u.before.type && parentType !== undefined && !mayHold(parentType, u.after.type)) {
      problems.push({ code: "typeUnderParent", ...at(fileOrgs.get(u.code)!, "组织类型"), params: { code: u.code, parent: parentCode ?? "" } });
    }
  }

  // People: one account per username, its rows agreeing on name and email; roles on organizations in reach.
  type Person = { username: string; name: string; email: string | null; rows: DirectoryRow<PersonField>[]; grants: Map<string, { orgCode: string; role: Role }> };
  const people = new Map<string, Person>();
  for (const r of rows.people) {
    const { username, name, email, orgCode } = r.values;
    if (!USERNAME_PATTERN.test(username)) problems.push({ code: "badUsername", ...at(r, "用户名"), params: { value: username } });
    if (email && !EMAIL.test(email)) problems.push({ code: "badEmail", ...at(r, "邮箱"), params: { value: email } });
    const role = wordToRole(r.values.role);
    if (!role) problems.push({ code: "unknownRole", ...at(r, "角色"), params: { value: r.values.role } });
    const org = existing.get(orgCode);
    const isNewOrg = byCode.has(orgCode);
    if (!org && !isNewOrg) problems.push({ code: "unknownOrg", ...at(r, "组织编码"), params: { code: orgCode } });
    else if (org && (org.closedAt || !within(userRoots, org.path))) problems.push({ code: "outsideScope", ...at(r, "组织编码"), params: { code: orgCode } });
    const key = username;
    const person: Person = people.get(key) ?? { username, name, email: email || null, rows: [], grants: new Map() };
    if (person.name !== name || person.email !== (email || null)) problems.push({ code: "conflictingPerson", ...at(r, "姓名"), params: { username } });
    person.rows.push(r);
    if (role) person.grants.set(`${orgCode}|${role}`, { orgCode, role });
    people.set(key, person);
  }
  for (const person of people.values()) {
    const orgsWith = (role: Role) => new Set([...person.grants.values()].filter((g) => g.role === role).map((g) => g.orgCode));
    const secretaryOf = orgsWith("SECRETARY");
    for (const code of orgsWith("STAFF")) {
      if (!secretaryOf.has(code)) continue;
      const r = person.rows.find((x) => x.values.orgCode === code) ?? person.rows[0]!;
      problems.push({ code: "conflictingRoles", ...at(r, "角色"), params: { username: person.username, code } });
    }
  }

  const users = new Map(
    (
      await chunked([...people.values()].map((p) => p.username), (chunk) =>
        db.user.findMany({
          where: { username: { in: chunk } },
          select: { id: true, username: true, name: true, email: true, roles: { select: { role: true, org: { select: { code: true, path: true } } } } },
        }),
      )
    ).map((u) => [u.username, u]),
  );
  const userCreate: UserCreate[] = [];
  const userUpdate: UserUpdate[] = [];
  const grantAdd: GrantAdd[] = [];
  let usersUnchanged = 0;
  let grantsUnchanged = 0;
  for (const [key, person] of people) {
    const found = users.get(key);
    if (found && found.roles.some((g) => !within(userRoots, g.org.path))) {
      problems.push({ code: "personOutsideScope", ...at(person.rows[0]!, "用户名"), params: { username: person.username } });
      continue;
    }
    const username = found?.username ?? person.username;
    if (!found) userCreate.push({ username, name: person.name, email: person.email });
    else if (found.name !== person.name || found.email !== person.email) {
      userUpdate.push({ id: found.id, username, before: { name: found.name, email: found.email }, after: { name: person.name, email: person.email } });
    } else usersUnchanged += 1;
    for (const grant of person.grants.values()) {
      if (found?.roles.some((g) => g.role === grant.role && g.org.code === grant.orgCode)) grantsUnchanged += 1;
      else grantAdd.push({ username, ...grant });
    }
  }

  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => (a.sheet ?? "").localeCompare(b.sheet ?? "") || (a.row ?? 0) - (b.row ?? 0)) };
  return {
    ok: true,
    plan: {
      orgs: { create: ordered, update, unchanged: orgsUnchanged },
      users: { create: userCreate, update: userUpdate, unchanged: usersUnchanged },
      grants: { add: grantAdd, unchanged: grantsUnchanged },
    },
  };
}
