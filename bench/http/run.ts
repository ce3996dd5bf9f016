// `npm run bench`: the HTTP benchmark of the production build on generated data, which anyone can rerun.
//   npm run bench                                              (PGlite, city tier, 1/10/50 connections, 10 s a step)
//   TEST_DATABASE_URL=postgresql://user:pw@127.0.0.1:5432/postgres npm run bench -- --tier city
//   npm run bench -- --tiers unit,city --connections 1,10 --duration 5
// The engine follows TEST_DATABASE_URL (or DATABASE_URL) as the other scripts do: a postgresql:// URL
// names the server to make a fresh database on, anything else means a fresh PGlite folder; --engine
// says which is expected and refuses a mismatch. The results go to docs/performance.md (between this
// engine's markers) and a summary to stdout; the servers are stopped and the database dropped at the
// end, on failure too. Needs `tsx --conditions=react-server` (the package script passes it) for the
// query plans, which run the app's own functions.
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseDatabaseUrl } from "../../lib/env";
import { openDatabase } from "../../lib/server/db/connect";
import { migrate } from "../../lib/server/db/migrate";
import { createTestDatabase } from "../../lib/test/test-database";
import { generateBenchData } from "../data/generate";
import { isTierName, TIERS, type TierName } from "../data/tiers";
import { firstLoadJs } from "./first-load";
import { runLoad, statsOf, type LoadTarget } from "./load";
import { capturePlans } from "./plans";
import { verdicts, writeReport, type RouteResult, type RunResult, type TierResult, type WriteResult } from "./report";
import { ensureBuild, startServer, waitIdle, type AppServer } from "./server";
import { Sessions } from "./session";
import { loadPools, readActionIds, take, verifyWrites, WriteLedger, writeRequest, type WorkItem, type WriteKind } from "./writes";

const USAGE = `Usage: npm run bench -- [--tier ${TIERS.join("|")}] [--tiers unit,city] [--engine postgres|pglite] [--connections 1,10,50] [--duration seconds]`;

type Options = { tiers: TierName[]; engine: "postgres" | "pglite"; connections: number[]; duration: number; adminUrl: string | undefined };

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      tier: { type: "string" },
      tiers: { type: "string" },
      engine: { type: "string" },
      connections: { type: "string" },
      duration: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const tiers = (values.tiers ?? values.tier ?? "city").split(",").map((t) => t.trim());
  const connections = (values.connections ?? "1,10,50").split(",").map(Number);
  const duration = Number(values.duration ?? 10);
  const adminUrl = process.env.TEST_DATABASE_URL ?? (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL : undefined);
  const detected = adminUrl && /^postgres(ql)?:\/\//.test(adminUrl) ? "postgres" : "pglite";
  const engine = values.engine ?? detected;
  const problems = [
    ...tiers.filter((t) => !isTierName(t)).map((t) => `unknown tier ${t}: one of ${TIERS.join(", ")}`),
    ...(connections.every((c) => Number.isInteger(c) && c >= 1 && c <= 500) ? [] : ["--connections must be whole numbers from 1 to 500"]),
    ...(Number.isFinite(duration) && duration >= 1 && duration <= 600 ? [] : ["--duration must be 1 to 600 seconds"]),
    ...(engine === "postgres" || engine === "pglite" ? [] : ["--engine must be postgres or pglite"]),
    ...(engine === "postgres" && detected !== "postgres" ? ["--engine postgres needs TEST_DATABASE_URL=postgresql://… (a role that may create databases)"] : []),
  ];
  if (problems.length > 0) {
    console.error([...problems, USAGE].join("\n"));
    process.exit(2);
  }
  return { tiers: tiers as TierName[], engine: engine as "postgres" | "pglite", connections, duration, adminUrl: engine === "postgres" ? adminUrl : undefined };
}

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

/** Stops servers and drops databases on the way out, whatever the way out is. */
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()!();
    } catch (error) {
      log(`cleanup: ${String(error)}`);
    }
  }
}

type ReadRoute = {
  key: string;
  label: string;
  path: string;
  user: string;
  expected: number;
  group: RouteResult["group"];
  connections: number[];
  firstLoad?: boolean;
  note?: string;
};

function readRoutes(ids: { unit: string; deepPage: number; pageCount: number }, connections: number[]): ReadRoute[] {
  const light = connections.filter((c) => c <= 10);
  return [
    { key: "floor", label: "floor", path: "/api/bench/floor", user: "u0001-b01-secretary", expected: 200, group: "floor", connections },
    { key: "duties-branch", label: "duties, branch secretary", path: "/checklists", user: "u0001-b01-secretary", expected: 200, group: "secretary", connections, firstLoad: true },
    { key: "duties-unit", label: "duties, unit secretary", path: "/checklists", user: "u0001-secretary", expected: 200, group: "secretary", connections, firstLoad: true },
    { key: "reviews", label: "review queue", path: "/reviews", user: "u0001-opc-staff-1", expected: 200, group: "secretary", connections, firstLoad: true },
    { key: "progress", label: "progress, whole tree", path: "/progress", user: "wc-supervisor", expected: 200, group: "committee", connections, firstLoad: true },
    {
      key: "progress-deep",
      label: "progress, last page",
      path: `/progress?page=${ids.deepPage}`,
      user: "wc-supervisor",
      expected: 200,
      group: "committee",
      connections,
      note: ids.pageCount > 1 ? `page ${ids.deepPage} of ${ids.pageCount}` : "the tree's top has one page only at this tier: the same page as the first",
    },
    { key: "progress-drill", label: "progress, one unit", path: `/progress?org=${ids.unit}`, user: "wc-supervisor", expected: 200, group: "committee", connections },
    {
      key: "cockpit",
      label: "committee home",
      path: "/",
      user: "wc-secretary",
      expected: 307,
      group: "committee",
      connections,
      note: "app/route.ts renders nothing: it redirects each user to their landing page (lib/server/access/landing.ts), the committee to /progress, whose own rows are above; this row is the redirect alone (307 expected)",
    },
    {
      key: "progress-by-rate",
      label: "progress, by rate",
      path: "/progress?sort=rate&dir=desc",
      user: "wc-supervisor",
      expected: 200,
      group: "committee",
      connections,
      note: "ordered by a count, every unit under the top is counted before the page is cut; in the tree's order only the page's units are",
    },
    {
      key: "findings",
      label: "rectification ledger",
      path: "/findings",
      user: "wc-supervisor",
      expected: 200,
      group: "committee",
      connections,
      firstLoad: true,
      note: "the summary is kept while the findings' revision stands (lib/server/cache/revisions.ts) and the benchmark writes no findings: after the first request, each reads the revision, the kept summary and one page of findings",
    },
    {
      key: "analysis",
      label: "findings analysis",
      path: "/inspections/analysis",
      user: "wc-supervisor",
      expected: 200,
      group: "committee",
      connections,
      firstLoad: true,
      note: "kept while the findings' revision stands, like the ledger's summary: after the first request each reads the revision and the kept analysis; the analysis computed afresh is under Query plans",
    },
    {
      key: "grading",
      label: "branch grading, whole tree",
      path: "/branches/grading",
      user: "wc-supervisor",
      expected: 200,
      group: "committee",
      connections,
      note: "the distribution groups every branch of the reach with this year's and last year's grade; the page reads 50 rows",
    },
    {
      key: "coverage",
      label: "supervision coverage, whole tree",
      path: "/inspections/coverage",
      user: "wc-supervisor",
      expected: 200,
      group: "committee",
      connections,
      note: "every unit and branch with its last visit (lib/server/inspections/visits.ts), counted before the page is cut",
    },
    {
      key: "meetings",
      label: "organizational life, whole tree",
      path: "/branches/meetings",
      user: "wc-supervisor",
      expected: 200,
      group: "committee",
      connections,
      note: "every branch of the reach with the quarter's meetings held by kind, ordered by what is missing before the page is cut",
    },
    { key: "export-duties", label: "duties export (Excel)", path: "/checklists/export", user: "u0001-secretary", expected: 200, group: "export", connections: light },
    { key: "export-findings", label: "findings export (Excel)", path: "/findings/export", user: "wc-supervisor", expected: 200, group: "export", connections: light },
  ];
}

/** Splits `n` connections over the instances: all on one below two. */
function split(n: number, instances: number): number[] {
  if (instances < 2 || n < 2) return [n];
  return [Math.ceil(n / 2), Math.floor(n / 2)];
}

async function runTier(tier: TierName, options: Options, secret: string): Promise<TierResult> {
  const tierStarted = performance.now();
  const notes: string[] = [];
  log(`${tier}: creating a fresh ${options.engine} database`);
  const database = await createTestDatabase(`bench_http_${tier}`);
  cleanups.push(async () => {
    log(`${tier}: dropping the database`);
    await database.drop();
  });
  const target = parseDatabaseUrl(database.url);
  await migrate({ target, migrationsDir: path.resolve("prisma/migrations") });

  const loadStarted = performance.now();
  const seeding = openDatabase(database.url);
  let counts: Record<string, number>;
  let pools: Awaited<ReturnType<typeof loadPools>>;
  let ids: { unit: string; deepPage: number; pageCount: number };
  try {
    let lastStage = "";
    const result = await generateBenchData(seeding.prisma, {
      tier,
      onProgress: (p) => {
        const stage = p.stage.replace(/ \(.*\)$/, "");
        if (stage !== lastStage) log(`${tier}: data: ${stage}`);
        lastStage = stage;
      },
    });
    counts = result.counts;
    pools = await loadPools(seeding.prisma);
    const unit = await seeding.prisma.org.findUniqueOrThrow({ where: { code: "U0001" }, select: { id: true } });
    const top = await seeding.prisma.org.findFirstOrThrow({ where: { parentId: null }, select: { id: true } });
    const children = await seeding.prisma.org.count({ where: { parentId: top.id, closedAt: null } });
    // The progress table's page size (PROGRESS_PAGE_SIZE in lib/server/checklists/get-progress.ts).
    const pageCount = Math.max(1, Math.ceil(children / 30));
    ids = { unit: unit.id, deepPage: pageCount, pageCount };
  } finally {
    await seeding.close();
  }
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  log(`${tier}: data ready in ${loadSeconds.toFixed(1)} s; ${pools.open.length} open and ${pools.submitted.length} submitted items to write on`);

  const logDir = os.tmpdir();
  const logOf = (label: string) => path.join(logDir, `bench-http-${process.pid}-${tier}-${label}.log`);
  const servers: AppServer[] = [];
  const stopAll = async () => {
    for (const s of servers.splice(0)) await s.stop();
  };
  cleanups.push(stopAll);
  const peakRss: TierResult["peakRss"] = [];
  const a = await startServer({ databaseUrl: database.url, secret, label: "A", logFile: logOf("A") });
  servers.push(a);
  log(`${tier}: server A on ${a.base} (pid ${a.pid}, log ${logOf("A")})`);

  const sessions = new Sessions(a.base);
  const routes = readRoutes(ids, options.connections);
  const results: RouteResult[] = [];
  for (const route of routes) {
    const cookie = await sessions.get(route.user);
    // Once to check the answer and warm the route up, as a first visitor would.
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${a.base}${route.path}`, { headers: { Cookie: cookie }, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status !== route.expected) throw new Error(`${route.label} (${route.path} as ${route.user}) answered ${response.status}, expected ${route.expected}`);
    }
    const result: RouteResult = { key: route.key, label: route.label, path: route.path, user: route.user, expected: route.expected, group: route.group, byConnections: new Map(), note: route.note };
    if (route.firstLoad) result.firstLoad = await firstLoadJs(a.base, route.path, cookie);
    for (const c of route.connections) {
      await waitIdle(servers);
      a.takePeak();
      // A download can take longer than a step: a fixed number of them (two per connection), none cut off.
      const amount = route.group === "export" ? 2 * c : undefined;
      const sample = await runLoad(
        [{ base: a.base, connections: c, amount, request: { method: "GET", path: route.path, headers: { Cookie: cookie, "Accept-Encoding": "gzip" } } }],
        options.duration,
      );
      const stats = { ...statsOf(sample, route.expected), peakRss: a.takePeak() };
      result.byConnections.set(c, stats);
      log(`${tier}: ${route.label.padEnd(28)} ${String(c).padStart(3)} conn.  p50 ${stats.p50.toFixed(0)} ms  p95 ${stats.p95.toFixed(0)} ms  ${stats.rps.toFixed(1)} req/s  errors ${stats.errors}/${stats.unexpected}`);
    }
    results.push(result);
  }

  // The writes, on two instances against the same PostgreSQL; PGlite allows one process only.
  const instances = [a];
  if (options.engine === "postgres") {
    const b = await startServer({ databaseUrl: database.url, secret, label: "B", logFile: logOf("B") });
    servers.push(b);
    instances.push(b);
    log(`${tier}: server B on ${b.base} (pid ${b.pid}) for the writes`);
  } else {
    notes.push("PGlite allows one process per data folder: the writes ran on one instance only.");
  }
  const actionIds = readActionIds();
  const ledger = new WriteLedger();
  const writeSteps: { kind: WriteKind; items: string[] }[] = [];
  const writes: WriteResult[] = [];
  const runStartedAt = new Date(Date.now() - 1000);
  const withCookies = async (items: WorkItem[]) => {
    const cookies = await sessions.all(items.map((i) => i.username));
    for (const item of items) item.cookie = cookies.get(item.username);
  };
  // Pools for every step are taken up front, so that no two steps share an item.
  const perStepCap = 1500;
  const submitShare = Math.min(perStepCap, Math.floor(pools.open.filter((r) => !r.needsEvidence).length / (options.connections.length + 1)));
  const plan = options.connections.map((c) => ({
    c,
    save: take(pools.open, Math.max(2 * c, 12), "worker"),
    submit: take(pools.open, submitShare, "worker", (r) => !r.needsEvidence),
    approve: take(pools.submitted, Math.min(perStepCap, Math.floor(pools.submitted.length / options.connections.length)), "reviewer"),
  }));
  for (const step of plan) {
    const conns = split(step.c, instances.length);
    const targetsOf = (kind: WriteKind, queue: WorkItem[], recycle: boolean, failures: Record<string, number>, amount?: number, onDone?: (item: WorkItem, status: string | undefined) => void): LoadTarget[] => {
      // autocannon needs at least one request per connection: a smaller pool runs on fewer connections.
      const used = amount === undefined || amount >= step.c ? conns : split(amount, instances.length);
      if (used !== conns) notes.push(`${kind} at ${step.c} conn.: only ${amount} items were available, so it ran on ${amount} connections`);
      return used.map((n, i) => ({
        base: instances[i]!.base,
        connections: n,
        amount: amount === undefined ? undefined : i === 0 ? Math.ceil(amount / used.length) : Math.floor(amount / used.length),
        request: writeRequest({ kind, actionId: actionIds[kind], base: instances[i]!.base, queue, recycle, ledger, stepFailures: failures, onDone }),
      }));
    };
    const record = (kind: WriteKind, items: WorkItem[], sampleStats: ReturnType<typeof statsOf>, failures: Record<string, number>, amount?: number) => {
      writes.push({ kind, connections: step.c, instances: conns.length, stats: { ...sampleStats, peakRss: a.takePeak() }, failures, amount });
      writeSteps.push({ kind, items: items.map((i) => i.id) });
      log(`${tier}: ${kind.padEnd(8)} ${String(step.c).padStart(3)} conn. on ${conns.length}  p95 ${sampleStats.p95.toFixed(0)} ms  ${sampleStats.rps.toFixed(1)} writes/s  failures ${JSON.stringify(failures)}`);
    };

    // Tick-off: for the step's duration, each item saved again once its previous save is answered.
    await withCookies(step.save);
    ledger.remember(step.save);
    const saveFailures: Record<string, number> = {};
    const saveQueue = [...step.save];
    await waitIdle(instances);
    a.takePeak();
    const saved = statsOf(await runLoad(targetsOf("save", saveQueue, true, saveFailures), options.duration), 200);
    record("save", step.save, saved, saveFailures);

    // Submit and approve use each item once: as many as the tick-off rate would do in the same time.
    const budget = Math.max(conns.reduce((a, b) => a + b, 0), Math.ceil(Math.max(saved.rps, 1) * options.duration));
    const submitItems = step.submit.slice(0, Math.min(budget, step.submit.length));
    if (submitItems.length === 0) throw new Error(`No open items left to submit at ${step.c} connections`);
    if (submitItems.length < budget) notes.push(`submit at ${step.c} conn.: ${submitItems.length} items available of the ${budget} the rate asked for`);
    await withCookies(submitItems);
    ledger.remember(submitItems);
    await waitIdle(instances);
    a.takePeak();
    const submitFailures: Record<string, number> = {};
    const submittedNow: WorkItem[] = [];
    const submitted = statsOf(
      await runLoad(
        targetsOf("submit", [...submitItems], false, submitFailures, submitItems.length, (item, status) => {
          if (status === "SUBMITTED") submittedNow.push({ id: item.id, version: item.version, username: item.reviewer, reviewer: item.reviewer });
        }),
        options.duration,
      ),
      200,
    );
    record("submit", submitItems, submitted, submitFailures, submitItems.length);

    // Approve what was just submitted (by its organ party committee's staff), then items that were waiting already.
    const approveItems = [...submittedNow, ...step.approve].slice(0, budget);
    if (approveItems.length === 0) throw new Error(`No submitted items left to approve at ${step.c} connections`);
    await withCookies(approveItems);
    ledger.remember(approveItems);
    await waitIdle(instances);
    a.takePeak();
    const approveFailures: Record<string, number> = {};
    const approved = statsOf(await runLoad(targetsOf("approve", [...approveItems], false, approveFailures, approveItems.length), options.duration), 200);
    record("approve", approveItems, approved, approveFailures, approveItems.length);
  }
  for (const s of servers) peakRss.push({ label: `server ${s === a ? "A" : "B"} (${s === a ? "pages and writes" : "writes"})`, bytes: s.peakRss() });
  await stopAll();

  log(`${tier}: checking the writes in the database`);
  const checking = openDatabase(database.url);
  let checks;
  try {
    checks = await verifyWrites(checking.prisma, writeSteps, ledger, runStartedAt);
  } finally {
    await checking.close();
  }
  log(`${tier}: query plans`);
  const plans = await capturePlans(database.url, target, { branch: "u0001-b01-secretary", unit: "u0001-secretary", reviewer: "u0001-opc-staff-1", supervisor: "wc-supervisor" });
  await cleanups.pop()!(); // stopAll (already stopped)
  await cleanups.pop()!(); // drop the database
  return { tier, counts, loadSeconds, routes: results, writes, checks, peakRss, plans, notes, seconds: (performance.now() - tierStarted) / 1000 };
}

async function main() {
  const options = readOptions();
  if (options.adminUrl) process.env.TEST_DATABASE_URL = options.adminUrl;
  else delete process.env.TEST_DATABASE_URL;
  const started = performance.now();
  const startedAt = new Date();
  const command = `${options.engine === "postgres" ? "TEST_DATABASE_URL=postgresql://… " : ""}npm run bench -- ${options.tiers.length > 1 ? `--tiers ${options.tiers.join(",")}` : `--tier ${options.tiers[0]}`} --engine ${options.engine} --connections ${options.connections.join(",")} --duration ${options.duration}`;
  const stop = (signal: string) => {
    log(`${signal}: stopping`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));

  const build = ensureBuild(log);
  const buildNote = build.built ? `The build was made for this run (${(build.ms / 1000).toFixed(0)} s).` : "The build in .next was reused (newer than the sources).";
  const secret = crypto.randomBytes(32).toString("base64url");
  const tiers: TierResult[] = [];
  for (const tier of options.tiers) tiers.push(await runTier(tier, options, secret));
  const run: RunResult = {
    engine: options.engine,
    command,
    startedAt,
    seconds: (performance.now() - started) / 1000,
    duration: options.duration,
    connections: options.connections,
    build: buildNote,
    tiers,
  };
  writeReport(run);
  console.log(`\nnpm run bench: ${options.engine}, tier ${options.tiers.join(", ")}, ${(run.seconds / 60).toFixed(1)} min; docs/performance.md updated.\n`);
  for (const tier of tiers) {
    const floor = tier.routes.find((r) => r.group === "floor");
    console.log(`${tier.tier}: p95 ÷ floor p95 (floor ${options.connections.map((c) => `${floor?.byConnections.get(c)?.p95.toFixed(0) ?? "–"} ms @${c}`).join(", ")})`);
    for (const route of tier.routes.filter((r) => r.group !== "floor")) {
      const cells = options.connections.map((c) => {
        const own = route.byConnections.get(c);
        const base = floor?.byConnections.get(c);
        return own ? `${own.p95.toFixed(0)} ms${base ? ` ${(own.p95 / base.p95).toFixed(1)}×` : ""} @${c}` : "";
      });
      console.log(`  ${route.label.padEnd(28)} ${cells.filter(Boolean).join("   ")}`);
    }
    for (const w of tier.writes) console.log(`  ${`${w.kind} (${w.instances} instance${w.instances > 1 ? "s" : ""})`.padEnd(28)} ${w.stats.rps.toFixed(1)} writes/s @${w.connections}, p95 ${w.stats.p95.toFixed(0)} ms`);
    for (const check of tier.checks) if (!check.isOk) console.log(`  WRITE CHECK FAILED: ${JSON.stringify(check)}`);
  }
  console.log("");
  for (const v of verdicts(run)) console.log(`${v.pass === null ? "----" : v.pass ? "PASS" : "MISS"}  ${v.target}: ${v.detail}`);
}

main()
  .catch(async (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp();
  });
