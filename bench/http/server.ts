// The production server under test: the build in .next (made again when older than the sources) and
// `next start` processes on free ports, with their memory read from /proc.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { nextStartCommand } from "../../scripts/next-start";

/** What a build is made from: a newer file here means .next no longer shows the code. */
const SOURCES = ["app", "components", "lib", "i18n", "messages", "proxy.ts", "next.config.js", "package.json", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (/\.test\.tsx?$/.test(child)) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** Builds unless .next/BUILD_ID is newer than every source file; says which it did. */
export function ensureBuild(log: (line: string) => void): { built: boolean; ms: number } {
  const buildId = path.resolve(".next/BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(path.resolve(s))));
  if (builtAt > newest) {
    log(`build: .next is newer than the sources (${new Date(builtAt).toISOString()}), reused`);
    return { built: false, ms: 0 };
  }
  log("build: .next is missing or older than the sources, running npm run build");
  const started = performance.now();
  const result = spawnSync("npm", ["run", "build"], { stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
  return { built: true, ms: performance.now() - started };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The resident memory of a process and all its descendants, in bytes, from /proc. */
export function treeRss(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${current}/status`, "utf8");
      const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
      total += Number(kb ?? 0) * 1024;
      for (const task of fs.readdirSync(`/proc/${current}/task`)) {
        const children = fs.readFileSync(`/proc/${current}/task/${task}/children`, "utf8").trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return total;
}

export type AppServer = {
  port: number;
  base: string;
  pid: number;
  /** The highest tree RSS seen since start (polled every 200 ms). */
  peakRss: () => number;
  /** The highest tree RSS seen since the last call (or start), for the step that just ran. */
  takePeak: () => number;
  stop: () => Promise<void>;
};

/** Starts `next start` on a free port and waits until it answers. */
export async function startServer(options: { databaseUrl: string; secret: string; label: string; logFile: string }): Promise<AppServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const out = fs.openSync(options.logFile, "a");
  const start = nextStartCommand(port);
  const child: ChildProcess = spawn(start.command, start.args, {
    stdio: ["ignore", out, out],
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: options.secret,
      NEXTAUTH_URL: base,
      // Enough connections for 50 concurrent requests without queueing in the pool (the default is 10).
      DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? "20",
    },
  });
  fs.closeSync(out);
  const pid = child.pid;
  if (!pid) throw new Error(`${options.label}: next start did not start`);
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  let peak = 0;
  let sincePeak = 0;
  const poll = setInterval(() => {
    const rss = treeRss(pid);
    peak = Math.max(peak, rss);
    sincePeak = Math.max(sincePeak, rss);
  }, 200);
  poll.unref();
  const stop = async () => {
    clearInterval(poll);
    if (exited) return;
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      return;
    }
    for (let i = 0; i < 50 && !exited; i++) await new Promise((r) => setTimeout(r, 100));
    if (!exited) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // Gone already.
      }
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`${options.label}: next start exited; see ${options.logFile}`);
    try {
      const response = await fetch(`${base}/login`, { redirect: "manual" });
      await response.arrayBuffer();
      if (response.status < 500) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.label}: no answer on ${base} within 60 s; see ${options.logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const takePeak = () => {
    const highest = Math.max(sincePeak, treeRss(pid));
    sincePeak = 0;
    return highest;
  };
  return { port, base, pid, peakRss: () => Math.max(peak, treeRss(pid)), takePeak, stop };
}

/** The CPU time (user + system, in clock ticks) of a process and its descendants, from /proc. */
function treeCpuTicks(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop()!;
    try {
      const stat = fs.readFileSync(`/proc/${current}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += Number(fields[11]) + Number(fields[12]);
      for (const task of fs.readdirSync(`/proc/${current}/task`)) {
        const children = fs.readFileSync(`/proc/${current}/task/${task}/children`, "utf8").trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return total;
}

/**
 * Waits until the servers have finished what the last step left them (requests cut off when a timed
 * step ends are still worked on): until their processes use under a tenth of a core over half a
 * second, for at most `maxMs`. Returns how long it waited.
 */
export async function waitIdle(servers: AppServer[], maxMs = 120_000): Promise<number> {
  const started = Date.now();
  const window = 500;
  // Clock ticks per second: 100 on Linux.
  const idleTicks = (100 * window) / 1000 / 10;
  for (;;) {
    const before = servers.map((s) => treeCpuTicks(s.pid));
    await new Promise((r) => setTimeout(r, window));
    const busy = servers.some((s, i) => treeCpuTicks(s.pid) - before[i]! > idleTicks);
    if (!busy || Date.now() - started > maxMs) return Date.now() - started;
  }
}
