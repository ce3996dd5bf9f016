import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "@/lib/env";
import { openDatabase } from "@/lib/server/db/connect";
import { migrate } from "@/lib/server/db/migrate";
import { createTestDatabase } from "@/lib/test/test-database";

const TSX = path.resolve("node_modules/tsx/dist/cli.mjs");
let url: string;
let drop: () => Promise<void>;

function run(...args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, "scripts/catalog-load.ts", ...args], { env: { ...process.env, DATABASE_URL: url } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

beforeAll(async () => {
  const db = await createTestDatabase("catalogload");
  url = db.url;
  drop = db.drop;
  await migrate({ target: parseDatabaseUrl(url), migrationsDir: path.resolve("prisma/migrations") });
});
afterAll(() => drop());

describe("npm run catalog:load", () => {
  it("loads a library list once, refuses a bad file whole, and loads a file by path", async () => {
    const first = await run("organ-party-committee-art10-sample");
    expect(first).toMatchObject({ code: 0 });
    expect(first.output).toContain("(9 duties), published");
    const again = await run("organ-party-committee-art10-sample");
    expect(again.output).toContain("already loaded; nothing changed");

    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dl-load-")), "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ key: "Bad Key", duties: [] }));
    const refused = await run(bad);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("key: invalidKey");
    expect(refused.output).toContain("duties: noDuties");

    const good = path.join(path.dirname(bad), "ours.json");
    const library = JSON.parse(fs.readFileSync("prisma/catalogs/branch-five-basics-sample.json", "utf8")) as Record<string, unknown>;
    fs.writeFileSync(good, JSON.stringify({ ...library, key: "our-branch-list", source: "本单位文件" }));
    expect((await run(good)).code).toBe(0);

    const db = openDatabase(url);
    try {
      const versions = await db.prisma.catalogVersion.findMany({ select: { status: true, catalog: { select: { key: true } } } });
      expect(versions.map((v) => v.catalog.key).sort()).toEqual(["organ-party-committee-art10-sample", "our-branch-list"]);
      expect(versions.every((v) => v.status === "PUBLISHED")).toBe(true);
      expect(await db.prisma.auditLog.count({ where: { action: "catalog.load" } })).toBe(2);
    } finally {
      await db.close();
    }
  });
});
