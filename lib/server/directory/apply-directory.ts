import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashOneTimePassword, oneTimePassword } from "@/lib/server/auth/password";
import { newId, SQL_NEW_ID } from "@/lib/server/db/ids";
import { NotFoundError } from "@/lib/server/errors";
import type { DirectoryPlan } from "@/lib/server/directory/plan-directory";

// No "server-only": the benchmark applies imports too. The app goes through
// import-directory.ts, which checks the actor and plans first.

/** Rows per transaction: a batch is written whole or not at all, and the progress moves per batch. */
export const DIRECTORY_BATCH = 1_000;

export type DirectoryProgress = { step: "orgs" | "users" | "grants"; done: number; total: number };

/** A new account's one-time password, shown once to the administrator who imported it, never stored. */
export type OneTimePassword = { username: string; name: string; password: string };

export type DirectoryResult = {
  orgsCreated: number;
  orgsUpdated: number;
  usersCreated: number;
  usersUpdated: number;
  grantsAdded: number;
  oneTimePasswords: OneTimePassword[];
};

async function inBatches<T>(rows: T[], step: DirectoryProgress["step"], onProgress: ((p: DirectoryProgress) => void) | undefined, write: (batch: T[]) => Promise<void>) {
  for (let i = 0; i < rows.length; i += DIRECTORY_BATCH) {
    await write(rows.slice(i, i + DIRECTORY_BATCH));
    onProgress?.({ step, done: Math.min(i + DIRECTORY_BATCH, rows.length), total: rows.length });
  }
}

/**
 * Writes a checked plan (planDirectoryImport): new organizations parents
 * first, each with its materialized path; changes of names, types and order;
 * new accounts, each with a one-time password it must replace at its first
 * sign-in; changed names and email addresses; added roles. A batch of rows
 * per transaction, each change with its audit row. Running the same plan
 * again (a re-import of the same file plans nothing) changes nothing.
 */
export async function applyDirectoryPlan(
  db: PrismaClient,
  plan: DirectoryPlan,
  options: { actorId: string | null; onProgress?: (p: DirectoryProgress) => void; now?: Date },
): Promise<DirectoryResult> {
  const { actorId, onProgress } = options;
  const now = options.now ?? new Date();

  // Organizations: ids and paths known before writing, so that a batch may hold parents and their children.
  const parentCodes = [...new Set(plan.orgs.create.map((c) => c.parentCode))];
  const known = new Map(
    (await db.org.findMany({ where: { code: { in: parentCodes } }, select: { id: true, code: true, path: true, depth: true } })).map((o) => [o.code, o]),
  );
  const orgRows = plan.orgs.create.map((c) => {
    const parent = known.get(c.parentCode);
    if (!parent) throw new NotFoundError(`Parent ${c.parentCode} is gone`);
    const id = newId();
    const row = { id, code: c.code, name: c.name, nameEn: c.nameEn, type: c.type, parentId: parent.id, path: `${parent.path}${id}/`, depth: parent.depth + 1, sortOrder: c.sortOrder };
    known.set(c.code, row);
    return row;
  });
  await inBatches(orgRows, "orgs", onProgress, (batch) =>
    db.$transaction(async (tx) => {
      await tx.$executeRaw`
        INSERT INTO "Org" ("id", "code", "name", "nameEn", "type", "parentId", "path", "depth", "sortOrder", "createdAt", "updatedAt")
        SELECT u.id, u.code, u.name, u.name_en, u.type::"OrgType", u.parent, u.path, u.depth, u.sort, ${now}, ${now}
          FROM unnest(${batch.map((o) => o.id)}::text[], ${batch.map((o) => o.code)}::text[], ${batch.map((o) => o.name)}::text[],
                      ${batch.map((o) => o.nameEn)}::text[], ${batch.map((o) => o.type)}::text[], ${batch.map((o) => o.parentId)}::text[],
                      ${batch.map((o) => o.path)}::text[], ${batch.map((o) => o.depth)}::int[], ${batch.map((o) => o.sortOrder)}::int[])
            AS u(id, code, name, name_en, type, parent, path, depth, sort)`;
      await tx.$executeRaw`
        INSERT INTO "AuditLog" ("id", "actorId", "action", "entityType", "entityId", "orgId", "after", "createdAt")
        SELECT ${SQL_NEW_ID}, ${actorId}, 'org.import.create', 'Org', u.id, u.id, u.after::jsonb, ${now}
          FROM unnest(${batch.map((o) => o.id)}::text[], ${batch.map((o) => JSON.stringify({ code: o.code, name: o.name, type: o.type, parentId: o.parentId }))}::text[]) AS u(id, after)`;
    }),
  );
  await inBatches(plan.orgs.update, "orgs", onProgress, (batch) =>
    db.$transaction(async (tx) => {
      await tx.$executeRaw`
        UPDATE "Org" o SET "name" = u.name, "nameEn" = u.name_en, "type" = u.type::"OrgType", "sortOrder" = u.sort, "version" = o."version" + 1, "updatedAt" = ${now}
          FROM unnest(${batch.map((o) => o.id)}::text[], ${batch.map((o) => o.after.name)}::text[], ${batch.map((o) => o.after.nameEn)}::text[],
                      ${batch.map((o) => o.after.type)}::text[], ${batch.map((o) => o.after.sortOrder)}::int[]) AS u(id, name, name_en, type, sort)
         WHERE o."id" = u.id`;
      await tx.$executeRaw`
        INSERT INTO "AuditLog" ("id", "actorId", "action", "entityType", "entityId", "orgId", "before", "after", "createdAt")
        SELECT ${SQL_NEW_ID}, ${actorId}, 'org.import.update', 'Org', u.id, u.id, u.before::jsonb, u.after::jsonb, ${now}
          FROM unnest(${batch.map((o) => o.id)}::text[], ${batch.map((o) => JSON.stringify(o.before))}::text[], ${batch.map((o) => JSON.stringify(o.after))}::text[])
            AS u(id, before, after)`;
    }),
  );

  // Accounts: each new one with a one-time password, stored as hashOneTimePassword says why.
  const oneTimePasswords: OneTimePassword[] = [];
  const userIds = new Map<string, string>();
  await inBatches(plan.users.create, "users", onProgress, async (batch) => {
    const passwords = batch.map(() => oneTimePassword());
    const hashes = passwords.map(hashOneTimePassword);
    const ids = batch.map((u) => {
      const id = newId();
      userIds.set(u.username, id);
      return id;
    });
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`
        INSERT INTO "User" ("id", "username", "name", "email", "passwordHash", "mustChangePassword", "createdAt", "updatedAt")
        SELECT u.id, u.username, u.name, u.email, u.hash, TRUE, ${now}, ${now}
          FROM unnest(${ids}::text[], ${batch.map((u) => u.username)}::text[], ${batch.map((u) => u.name)}::text[], ${batch.map((u) => u.email)}::text[], ${hashes}::text[])
            AS u(id, username, name, email, hash)`;
      await tx.$executeRaw`
        INSERT INTO "AuditLog" ("id", "actorId", "action", "entityType", "entityId", "after", "createdAt")
        SELECT ${SQL_NEW_ID}, ${actorId}, 'user.import.create', 'User', u.id, u.after::jsonb, ${now}
          FROM unnest(${ids}::text[], ${batch.map((u) => JSON.stringify({ username: u.username, name: u.name, email: u.email }))}::text[]) AS u(id, after)`;
    });
    batch.forEach((u, index) => oneTimePasswords.push({ username: u.username, name: u.name, password: passwords[index]! }));
  });
  await inBatches(plan.users.update, "users", onProgress, (batch) =>
    db.$transaction(async (tx) => {
      await tx.$executeRaw`
        UPDATE "User" x SET "name" = u.name, "email" = u.email, "version" = x."version" + 1, "updatedAt" = ${now}
          FROM unnest(${batch.map((u) => u.id)}::text[], ${batch.map((u) => u.after.name)}::text[], ${batch.map((u) => u.after.email)}::text[]) AS u(id, name, email)
         WHERE x."id" = u.id`;
      await tx.$executeRaw`
        INSERT INTO "AuditLog" ("id", "actorId", "action", "entityType", "entityId", "before", "after", "createdAt")
        SELECT ${SQL_NEW_ID}, ${actorId}, 'user.import.update', 'User', u.id, u.before::jsonb, u.after::jsonb, ${now}
          FROM unnest(${batch.map((u) => u.id)}::text[], ${batch.map((u) => JSON.stringify(u.before))}::text[], ${batch.map((u) => JSON.stringify(u.after))}::text[])
            AS u(id, before, after)`;
    }),
  );

  // Roles, on organizations and accounts that all exist by now.
  const usernames = plan.grants.add.map((g) => g.username).filter((u) => !userIds.has(u));
  for (const u of await db.user.findMany({ where: { username: { in: [...new Set(usernames)] } }, select: { id: true, username: true } })) userIds.set(u.username, u.id);
  const orgCodes = plan.grants.add.map((g) => g.orgCode).filter((c) => !known.has(c));
  const orgIds = new Map([...known].map(([code, o]) => [code, o.id]));
  for (const o of await db.org.findMany({ where: { code: { in: [...new Set(orgCodes)] } }, select: { id: true, code: true } })) orgIds.set(o.code, o.id);
  let grantsAdded = 0;
  await inBatches(plan.grants.add, "grants", onProgress, (batch) =>
    db.$transaction(async (tx) => {
      const rows = batch.map((g) => ({ id: newId(), userId: userIds.get(g.username)!, orgId: orgIds.get(g.orgCode)!, role: g.role }));
      const inserted = await tx.$queryRaw<{ id: string; userId: string; orgId: string; role: string }[]>`
        INSERT INTO "RoleGrant" ("id", "userId", "orgId", "role", "createdAt")
        SELECT u.id, u.user_id, u.org_id, u.role::"Role", ${now}
          FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.userId)}::text[], ${rows.map((r) => r.orgId)}::text[], ${rows.map((r) => r.role)}::text[])
            AS u(id, user_id, org_id, role)
        ON CONFLICT ("userId", "orgId", "role") DO NOTHING
        RETURNING "id", "userId", "orgId", "role"::text AS role`;
      grantsAdded += inserted.length;
      await tx.$executeRaw`
        INSERT INTO "AuditLog" ("id", "actorId", "action", "entityType", "entityId", "orgId", "after", "createdAt")
        SELECT ${SQL_NEW_ID}, ${actorId}, 'user.import.grant', 'User', u.user_id, u.org_id, u.after::jsonb, ${now}
          FROM unnest(${inserted.map((r) => r.userId)}::text[], ${inserted.map((r) => r.orgId)}::text[], ${inserted.map((r) => JSON.stringify({ role: r.role, orgId: r.orgId }))}::text[])
            AS u(user_id, org_id, after)`;
    }),
  );

  return {
    orgsCreated: orgRows.length,
    orgsUpdated: plan.orgs.update.length,
    usersCreated: plan.users.create.length,
    usersUpdated: plan.users.update.length,
    grantsAdded,
    oneTimePasswords,
  };
}
