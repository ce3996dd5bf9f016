import { spawn } from "node:child_process";
import fs from "node:fs";
import { e2eDatabaseFile } from "./e2e-database";
import { nextStartCommand } from "../scripts/next-start";
import { expect, test } from "./fixtures";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const SECOND_PORT = PORT + 1;

/** Starts a second production server on the suite's database. */
function startSecondServer(databaseUrl: string) {
  const start = nextStartCommand(SECOND_PORT);
  const child = spawn(start.command, start.args, {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: "second-server-secret-0123456789" },
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { exited, output: () => output, stop: () => child.kill("SIGTERM") };
}

test("a second server refuses an embedded database that one already has open, and shares a PostgreSQL one", async ({ request }) => {
  const { url } = JSON.parse(fs.readFileSync(e2eDatabaseFile(PORT), "utf8")) as { url: string };
  const second = startSecondServer(url);
  try {
    if (url.startsWith("postgres")) {
      // Any number of instances may serve one PostgreSQL database.
      await expect
        .poll(async () => (await request.get(`http://127.0.0.1:${SECOND_PORT}/login`).catch(() => null))?.status() ?? 0, { timeout: 30_000 })
        .toBe(200);
      expect(second.output()).not.toContain("already open");
    } else {
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain("is already open in another process");
      expect(second.output()).toContain("Only one process may open an embedded database");
      // The first server is untouched.
      expect((await request.get("/login")).status()).toBe(200);
    }
  } finally {
    second.stop();
  }
});
