import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { e2eDatabaseFile } from "./e2e-database";
import { nextStartCommand } from "../scripts/next-start";
import { expect, test } from "./fixtures";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const SECOND_PORT = PORT + 1;

/** Starts a second production server on the suite's database, with a strong session secret unless told otherwise (null: none). */
function startSecondServer(databaseUrl: string, secret: string | null = crypto.randomBytes(32).toString("base64")) {
  const start = nextStartCommand(SECOND_PORT);
  const { NEXTAUTH_SECRET: _suite, ...env } = process.env;
  // Its own process group: `next start` serves from a child process, which a signal to the parent alone would leave running.
  const child = spawn(start.command, start.args, {
    detached: true,
    env: { ...env, NODE_ENV: "production", DATABASE_URL: databaseUrl, ...(secret === null ? {} : { NEXTAUTH_SECRET: secret }) },
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  /** Stops the server and waits until it has let go of its port. */
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      process.kill(-child.pid, "SIGTERM");
      await exited;
    }
  };
  return { exited, output: () => output, stop };
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
    await second.stop();
  }
});

test("a production server refuses to start with a session secret that is short or known, or, on PostgreSQL, without one", async () => {
  const { url } = JSON.parse(fs.readFileSync(e2eDatabaseFile(PORT), "utf8")) as { url: string };
  const cases: [string | null, string][] = [
    ["second-server-secret-0123456789", "NEXTAUTH_SECRET is too short: 31 characters, at least 32."],
    ["changeme-changeme-changeme-changeme", "NEXTAUTH_SECRET is a well-known or guessable value"],
  ];
  if (url.startsWith("postgres")) cases.push([null, "NEXTAUTH_SECRET is not set. On PostgreSQL every app instance must sign sessions with the same secret."]);
  for (const [secret, reason] of cases) {
    const server = startSecondServer(url, secret);
    try {
      expect(await server.exited, String(secret)).toBe(1);
      expect(server.output()).toContain(reason);
      expect(server.output()).toContain("openssl rand -base64 32");
    } finally {
      await server.stop();
    }
  }
});
