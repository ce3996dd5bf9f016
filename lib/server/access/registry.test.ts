import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { authorize, type Target } from "@/lib/server/access/authorize";
import { ALL_ROLES, rolesOf } from "@/lib/server/access/permissions";
import { registry, type EntryKey, type EntryPoint } from "@/lib/server/access/registry";
import { NotFoundError, PasswordChangeRequiredError, UnauthenticatedError } from "@/lib/server/errors";
import { actorWithRole, itemOf, orgId } from "@/lib/test/actors";
import { useSeededDatabase } from "@/lib/test/seeded-database";

const ENTRY_DIRS = [path.resolve("app"), path.resolve("lib/actions")];
const entries = Object.entries(registry) as [EntryKey, EntryPoint][];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? walk(full) : [full];
  });
}

const files = ENTRY_DIRS.flatMap(walk).map((f) => path.relative(process.cwd(), f).split(path.sep).join("/"));

describe("the registry lists every entry point", () => {
  it("has an entry for every page and route handler", () => {
    const entryFiles = files.filter((f) => /\/(page\.tsx|route\.ts)$/.test(f));
    expect(entryFiles.length).toBeGreaterThan(0);
    for (const file of entryFiles) {
      expect(entries.some(([, e]) => e.file === file), `${file} has no registry entry`).toBe(true);
    }
  });

  it("has an entry for every exported server action", () => {
    const actionFiles = files.filter((f) => /actions\.ts$/.test(f) || fs.readFileSync(f, "utf8").startsWith('"use server"'));
    expect(actionFiles.length).toBeGreaterThan(0);
    for (const file of actionFiles) {
      const source = fs.readFileSync(file, "utf8");
      const exported = [...source.matchAll(/export\s+(?:const|async function|function)\s+(\w+)/g)].map((m) => m[1]);
      expect(exported.length, `${file} exports no action`).toBeGreaterThan(0);
      for (const name of exported) {
        const entry = entries.find(([, e]) => e.file === file && e.name === name);
        expect(entry, `${file}#${name} has no registry entry`).toBeDefined();
        // The action must apply the rule of its own entry.
        expect(source).toContain(`"${entry?.[0]}"`);
      }
    }
  });

  it("names only files that exist, and every page applies its own rule", () => {
    for (const [key, entry] of entries) {
      expect(fs.existsSync(entry.file), `${key}: ${entry.file} is missing`).toBe(true);
      if (entry.kind === "page") expect(fs.readFileSync(entry.file, "utf8"), `${entry.file} does not apply ${key}`).toContain(`"${key}"`);
    }
  });
});

describe("the access layer", () => {
  it("imports no feature: the policy, the scope and the registry stand on their own", () => {
    const allowed = /^(node:|next\/|react$|server-only$|@\/lib\/server\/(access|auth\/actor|db$|errors$)|@\/lib\/generated\/)/;
    const dir = path.resolve("lib/server/access");
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      const source = fs.readFileSync(path.join(dir, file), "utf8");
      for (const [, from] of source.matchAll(/^import (?:type )?.*?from "([^"]+)";$/gm)) {
        expect(from, `${file} imports ${from}`).toMatch(allowed);
      }
    }
  });
});

describe("every rule, for every role, on its own organization and on another", () => {
  let drop: () => Promise<void>;
  const targets: Record<"own" | "other", { org: Target; item: Target }> = {} as never;

  beforeAll(async () => {
    drop = await useSeededDatabase("registry");
    targets.own = { org: { orgId: await orgId("U01-B1") }, item: { itemId: (await itemOf("U01-B1")).id } };
    targets.other = { org: { orgId: await orgId("U02-B1") }, item: { itemId: (await itemOf("U02-B1")).id } };
  });
  afterAll(() => drop());

  async function outcome(...args: Parameters<typeof authorize>): Promise<"allowed" | "not_found" | "unauthenticated"> {
    try {
      await authorize(...args);
      return "allowed";
    } catch (error) {
      if (error instanceof NotFoundError) return "not_found";
      if (error instanceof UnauthenticatedError) return "unauthenticated";
      throw error;
    }
  }

  function expected(entry: EntryPoint, role: Role | null, where: "own" | "other"): "allowed" | "not_found" | "unauthenticated" {
    const rule = entry.rule;
    if (rule.access === "public") return "allowed";
    if (role === null) return "unauthenticated";
    if (rule.access === "signed-in") return "allowed";
    if (!rolesOf(rule.permission).includes(role)) return "not_found";
    return rule.target === "none" || where === "own" ? "allowed" : "not_found";
  }

  it.each(entries)("%s", async (key, entry) => {
    const rule = entry.rule;
    const pick = (where: "own" | "other"): Target =>
      rule.access === "permission" && rule.target !== "none" ? targets[where][rule.target === "org" ? "org" : "item"] : undefined;
    for (const where of ["own", "other"] as const) {
      expect(await outcome(null, key, pick(where)), `anonymous, ${where}`).toBe(expected(entry, null, where));
    }
    for (const role of ALL_ROLES) {
      // The role is held on unit U01's party group; "own" targets lie in its subtree, "other" in unit U02's.
      const actor = await actorWithRole(role, "U01");
      for (const where of ["own", "other"] as const) {
        expect(await outcome(actor, key, pick(where)), `${role}, ${where}`).toBe(expected(entry, role, where));
      }
    }
  });

  it("admits a user whose password was reset to nothing but the change itself and the public entries", async () => {
    const actor = { ...(await actorWithRole("ADMIN", "U01")), mustChangePassword: true };
    const open: string[] = [];
    for (const [key, entry] of entries) {
      const target = entry.rule.access === "permission" && entry.rule.target !== "none" ? targets.own[entry.rule.target === "org" ? "org" : "item"] : undefined;
      const result = await authorize(actor, key, target).then(
        () => "allowed",
        (error: unknown) => (error instanceof PasswordChangeRequiredError ? "change first" : String(error)),
      );
      if (result === "allowed") open.push(key);
      else expect(result, key).toBe("change first");
    }
    expect(open.sort()).toEqual(
      entries
        .filter(([, e]) => e.rule.access === "public" || e.openBeforePasswordChange)
        .map(([k]) => k)
        .sort(),
    );
    expect(open).toEqual(expect.arrayContaining(["page:/account/password", "action:changePassword", "page:/login"]));
  });
});
