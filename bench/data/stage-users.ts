// People and their roles: a secretary for every organization; administrators, supervisors and
// inspectors at the committee; an administrator and staff (who work on and review items) in every unit.
// Every account signs in with BENCH_PASSWORD, hashed once.
import crypto from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { Role } from "../../lib/generated/prisma/enums";
import { secretaryIdOf, type BenchContext, type BenchOrg } from "./context";
import { insertRows, type Table } from "./insert";
import { benchId, personName, rngFor } from "./random";
import { COMMITTEE_ADMINS, COMMITTEE_SUPERVISORS, type TierShape } from "./tiers";

/** The password of every generated account (it passes lib/validation/password.ts). */
export const BENCH_PASSWORD = "Bench#2026";

/**
 * The app's password hash (argon2id with @node-rs/argon2's defaults, as lib/server/auth/password.ts
 * makes it), computed once, with a salt taken from the seed instead of a random one so that two runs
 * store the same hash. verifyPassword accepts it like any other.
 */
export function benchPasswordHash(seed: number): Promise<string> {
  const salt = crypto.createHash("sha256").update(`duty-ledger-bench:${seed}`).digest().subarray(0, 16);
  return hash(BENCH_PASSWORD, { salt });
}

export type BenchUser = { id: string; username: string; name: string; grants: { orgId: string; role: Role }[] };

const pad = (n: number) => String(n).padStart(2, "0");

/** Usernames follow from organization codes: `u0003-secretary`, `u0003-b02-secretary`, `u0003-opc-staff-1`. */
export function usernameFor(orgCode: string, post: string): string {
  return `${orgCode.toLowerCase()}-${post}`;
}

/** Everyone, in a fixed order: the committee's officers, then per organization its secretary and (for units) the unit's staff. */
export function buildUsers(seed: number, shape: TierShape, orgs: readonly BenchOrg[]): BenchUser[] {
  const rng = rngFor(seed, "users");
  const users: BenchUser[] = [];
  let extra = 0;
  const root = orgs[0]!;
  const officer = (username: string, name: string, orgId: string, role: Role) => {
    users.push({ id: benchId(seed, "ux", extra++), username, name, grants: [{ orgId, role }] });
  };
  for (let i = 1; i <= COMMITTEE_ADMINS; i++) officer(i === 1 ? "wc-admin" : `wc-admin-${i}`, `${personName(rng)}`, root.id, "ADMIN");
  for (let i = 1; i <= COMMITTEE_SUPERVISORS; i++) officer(i === 1 ? "wc-supervisor" : `wc-supervisor-${i}`, `${personName(rng)}`, root.id, "SUPERVISOR");
  for (let i = 1; i <= shape.inspectors; i++) officer(`wc-inspector-${pad(i)}`, personName(rng), root.id, "INSPECTOR");
  for (const org of orgs) {
    users.push({ id: secretaryIdOf(org.id), username: usernameFor(org.code, "secretary"), name: personName(rng), grants: [{ orgId: org.id, role: "SECRETARY" }] });
    if (org.type === "PARTY_GROUP") {
      officer(usernameFor(org.code, "admin"), personName(rng), org.id, "ADMIN");
      officer(usernameFor(org.code, "staff"), personName(rng), org.id, "STAFF");
    }
    if (org.type === "ORGAN_PARTY_COMMITTEE") {
      officer(usernameFor(org.code, "staff-1"), personName(rng), org.id, "STAFF");
      officer(usernameFor(org.code, "staff-2"), personName(rng), org.id, "STAFF");
    }
  }
  return users;
}

type UserRow = BenchUser & { passwordHash: string; at: Date };
type GrantRow = { id: string; userId: string; orgId: string; role: Role; at: Date };

const USER_TABLE: Table<UserRow> = {
  name: "User",
  columns: [
    ["id", "text", (u) => u.id],
    ["username", "text", (u) => u.username],
    ["name", "text", (u) => u.name],
    ["passwordHash", "text", (u) => u.passwordHash],
    ["createdAt", "timestamp", (u) => u.at],
    ["updatedAt", "timestamp", (u) => u.at],
  ],
};

const GRANT_TABLE: Table<GrantRow> = {
  name: "RoleGrant",
  columns: [
    ["id", "text", (g) => g.id],
    ["userId", "text", (g) => g.userId],
    ["orgId", "text", (g) => g.orgId],
    ["role", "Role", (g) => g.role],
    ["createdAt", "timestamp", (g) => g.at],
  ],
};

export async function insertUsers(ctx: BenchContext, users: readonly BenchUser[], createdAt: Date): Promise<void> {
  const passwordHash = await benchPasswordHash(ctx.seed);
  const grants: GrantRow[] = users.flatMap((u) => u.grants.map((g) => ({ ...g, userId: u.id, at: createdAt, id: "" })));
  grants.forEach((g, i) => (g.id = benchId(ctx.seed, "rg", i)));
  const total = users.length + grants.length;
  let done = 0;
  for (let start = 0; start < users.length; start += 5000) {
    const batch = users.slice(start, start + 5000);
    await ctx.db.$transaction(async (tx) => {
      await insertRows(tx, USER_TABLE, batch.map((u) => ({ ...u, passwordHash, at: createdAt })));
    }, { timeout: 300_000 });
    done += batch.length;
    ctx.progress({ stage: "users", done, total });
  }
  for (let start = 0; start < grants.length; start += 5000) {
    const batch = grants.slice(start, start + 5000);
    await ctx.db.$transaction((tx) => insertRows(tx, GRANT_TABLE, batch), { timeout: 300_000 });
    done += batch.length;
    ctx.progress({ stage: "users", done, total });
  }
}

export type BenchAccount = { username: string; role: Role; orgCode: string; what: string };

/**
 * Accounts a later benchmark can sign in with (all with BENCH_PASSWORD): the committee's officers,
 * and the posts of the first, a middle and the last unit. Pure: the same for every seed of a tier.
 */
export function benchAccounts(shape: TierShape): BenchAccount[] {
  const accounts: BenchAccount[] = [
    { username: "wc-admin", role: "ADMIN", orgCode: "WC", what: "administrator of the whole tree" },
    { username: "wc-supervisor", role: "SUPERVISOR", orgCode: "WC", what: "supervisor (inspection office)" },
    { username: "wc-secretary", role: "SECRETARY", orgCode: "WC", what: "the committee's secretary; reviews the units' items" },
    { username: "wc-inspector-01", role: "INSPECTOR", orgCode: "WC", what: "inspector, member of inspection groups" },
  ];
  if (shape.committeeBranches > 0) accounts.push({ username: "wc-b01-secretary", role: "SECRETARY", orgCode: "WC-B01", what: "secretary of a branch under the committee" });
  const units = [...new Set([0, Math.floor(shape.units / 2), shape.units - 1])];
  for (const u of units) {
    const code = `U${String(u + 1).padStart(4, "0")}`;
    accounts.push(
      { username: usernameFor(code, "secretary"), role: "SECRETARY", orgCode: code, what: "unit party group secretary" },
      { username: usernameFor(code, "admin"), role: "ADMIN", orgCode: code, what: "unit administrator" },
      { username: usernameFor(code, "staff"), role: "STAFF", orgCode: code, what: "unit staff; reviews the organ party committee's items" },
      { username: usernameFor(`${code}-OPC`, "secretary"), role: "SECRETARY", orgCode: `${code}-OPC`, what: "organ party committee secretary" },
      { username: usernameFor(`${code}-OPC`, "staff-1"), role: "STAFF", orgCode: `${code}-OPC`, what: "organ party committee staff; reviews the branches' items" },
      { username: usernameFor(`${code}-B01`, "secretary"), role: "SECRETARY", orgCode: `${code}-B01`, what: "branch secretary" },
    );
    if (shape.generalBranchesPerUnit > 0 && shape.branchesPerGeneralBranch > 0) {
      accounts.push({ username: usernameFor(`${code}-GB01-B01`, "secretary"), role: "SECRETARY", orgCode: `${code}-GB01-B01`, what: "secretary of a branch in a general branch" });
    }
  }
  return accounts;
}
