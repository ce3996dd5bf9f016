// docs/performance.md: the tables of one run, written between markers so that a run on another engine
// (or prose someone adds around them) is kept.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FirstLoad } from "./first-load";
import type { Stats } from "./load";
import type { Plan } from "./plans";
import type { WriteCheck, WriteKind } from "./writes";

export type RouteResult = {
  key: string;
  label: string;
  path: string;
  user: string;
  expected: number;
  group: "floor" | "secretary" | "committee" | "export" | "write";
  byConnections: Map<number, Stats>;
  firstLoad?: FirstLoad;
  note?: string;
};

export type WriteResult = { kind: WriteKind; connections: number; instances: number; stats: Stats; failures: Record<string, number>; amount?: number };

export type TierResult = {
  tier: string;
  counts: Record<string, number>;
  loadSeconds: number;
  routes: RouteResult[];
  writes: WriteResult[];
  checks: WriteCheck[];
  peakRss: { label: string; bytes: number }[];
  plans: Plan[];
  notes: string[];
  seconds: number;
};

export type RunResult = {
  engine: "postgres" | "pglite";
  command: string;
  startedAt: Date;
  seconds: number;
  duration: number;
  connections: number[];
  build: string;
  tiers: TierResult[];
};

export type Verdict = { target: string; pass: boolean | null; detail: string };

const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(1) : v.toFixed(0)) : "–");
/** A ratio, or a dash when a step answered no request within its time (no p95 to compare). */
const times = (r: number | null) => (r !== null && Number.isFinite(r) ? `${r.toFixed(1)}×` : "–");
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;

const floorOf = (tier: TierResult) => tier.routes.find((r) => r.group === "floor");

function ratio(tier: TierResult, route: RouteResult, c: number): number | null {
  const floor = floorOf(tier)?.byConnections.get(c);
  const own = route.byConnections.get(c);
  return floor && own && floor.p95 > 0 ? own.p95 / floor.p95 : null;
}

/** The targets, judged on a tier's results (the last tier of the run for the PostgreSQL ones). */
export function verdicts(run: RunResult): Verdict[] {
  const out: Verdict[] = [];
  for (const tier of run.tiers) {
    const at = `${run.engine}, ${tier.tier}`;
    const secretary = tier.routes.filter((r) => r.group === "secretary");
    let worst: { factor: number; where: string } | null = null;
    for (const route of secretary) {
      for (const c of route.byConnections.keys()) {
        const f = ratio(tier, route, c);
        if (f !== null && (!worst || f > worst.factor)) worst = { factor: f, where: `${route.label} at ${c} conn.` };
      }
    }
    out.push({
      target: `${at}: a secretary's pages p95 within 4× the floor`,
      pass: worst ? worst.factor <= 4 : null,
      detail: worst ? `worst ${worst.factor.toFixed(1)}× (${worst.where})` : "not measured",
    });
    for (const route of tier.routes.filter((r) => r.group === "committee")) {
      const s = route.byConnections.get(10);
      out.push({
        target: `${at}: ${route.label} p95 < 300 ms at 10 conn.`,
        pass: s ? s.p95 < 300 && s.unexpected === 0 && s.errors === 0 : null,
        detail: s ? `${ms(s.p95)} ms (${(s.p95 / 300).toFixed(2)}× the target)${s.unexpected + s.errors > 0 ? `, ${s.unexpected + s.errors} errors` : ""}` : "not measured",
      });
    }
    for (const kind of ["save", "submit", "approve"] as const) {
      const index = tier.writes.findIndex((x) => x.kind === kind && x.connections === 50);
      const w = tier.writes[index];
      const check = tier.checks[index];
      const failures = w ? Object.values(w.failures).reduce((a, b) => a + b, 0) + w.stats.errors : 0;
      const lost = check ? !check.isOk : false;
      out.push({
        target: `${at}: ${kind} ≥ 200/s at 50 conn. over ${w?.instances ?? "?"} instance(s), no errors`,
        pass: w ? w.stats.rps >= 200 && failures === 0 && !lost : null,
        detail: w ? `${w.stats.rps.toFixed(0)}/s (${(w.stats.rps / 200).toFixed(2)}× the target), ${failures} errors${lost ? ", DATABASE DISAGREES" : ""}` : "not measured",
      });
    }
    const peak = Math.max(0, ...tier.peakRss.map((p) => p.bytes));
    const during = highestStep(tier);
    out.push({
      target: `${at}: server memory < 600 MB`,
      pass: peak > 0 ? peak < 600 * 1024 * 1024 : null,
      detail: `peak ${mb(peak)} (${(peak / (600 * 1024 * 1024)).toFixed(2)}×)${during ? `, highest during ${during}` : ""}`,
    });
    const duties = tier.routes.find((r) => r.key === "duties-branch")?.firstLoad;
    out.push({
      target: `${at}: duties page first-load JS < 200 kB gzip`,
      pass: duties ? duties.gzipBytes < 200 * 1024 : null,
      detail: duties ? `${kb(duties.gzipBytes)} (${(duties.gzipBytes / (200 * 1024)).toFixed(2)}×)` : "not measured",
    });
    if (run.engine === "pglite") {
      const pages = tier.routes.filter((r) => r.group !== "export" && r.group !== "floor");
      const slow = pages
        .map((r) => ({ r, s: r.byConnections.get(10) }))
        .filter((x) => x.s)
        .sort((a, b) => b.s!.p95 - a.s!.p95)[0];
      out.push({
        target: `${at}: every page p95 < 200 ms at 10 conn. (PGlite)`,
        pass: slow ? slow.s!.p95 < 200 : null,
        detail: slow ? `slowest ${slow.r.label} ${ms(slow.s!.p95)} ms (${(slow.s!.p95 / 200).toFixed(2)}×)` : "not measured",
      });
    }
  }
  return out;
}

/** The step during which server A's memory was highest: "findings export (Excel) at 10 conn.". */
function highestStep(tier: TierResult): string | null {
  const steps = [
    ...tier.routes.flatMap((r) => [...r.byConnections].map(([c, s]) => ({ label: `${r.label} at ${c} conn.`, bytes: s.peakRss ?? 0 }))),
    ...tier.writes.map((w) => ({ label: `${w.kind} at ${w.connections} conn.`, bytes: w.stats.peakRss ?? 0 })),
  ];
  const top = steps.sort((x, y) => y.bytes - x.bytes)[0];
  return top && top.bytes > 0 ? top.label : null;
}

function tierSection(run: RunResult, tier: TierResult): string[] {
  const lines: string[] = [];
  const counts = Object.entries(tier.counts)
    .filter(([t]) => ["Org", "User", "ChecklistItem", "Finding", "AuditLog"].includes(t))
    .map(([t, n]) => `${t} ${n.toLocaleString("en")}`)
    .join(", ");
  lines.push(`### ${run.engine === "postgres" ? "PostgreSQL" : "PGlite"}, ${tier.tier} tier`, "");
  lines.push(`Data: ${counts} (generated in ${tier.loadSeconds.toFixed(1)} s). This tier took ${tier.seconds.toFixed(0)} s in all.`, "");
  lines.push("#### Pages and downloads", "");
  lines.push("| route | as | conn. | p50 ms | p95 ms | p99 ms | req/s | requests | errors / unexpected status | p95 ÷ floor | server A peak RSS |");
  lines.push("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const route of tier.routes) {
    for (const [c, s] of route.byConnections) {
      const f = route.group === "floor" ? "1.0×" : times(ratio(tier, route, c));
      lines.push(
        `| ${route.label} \`${route.path}\` | ${route.user} | ${c} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.rps.toFixed(1)} | ${s.requests} | ${s.errors} / ${s.unexpected} | ${f} | ${s.peakRss ? mb(s.peakRss) : "–"} |`,
      );
    }
  }
  lines.push("");
  const notes = tier.routes.filter((r) => r.note).map((r) => `- ${r.label}: ${r.note}`);
  if (notes.length > 0) lines.push(...notes, "");

  lines.push("#### Writes (server actions over HTTP)", "");
  lines.push("| step | conn. | instances | writes | p50 ms | p95 ms | p99 ms | writes/s | failures | in the database | server A peak RSS |");
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |");
  tier.writes.forEach((w, i) => {
    const check = tier.checks[i];
    const failures = Object.entries(w.failures).map(([k, n]) => `${k}: ${n}`).join(", ") || "none";
    const db = check
      ? `${check.landed} written for ${check.acked} acknowledged${check.unanswered ? ` (+${check.unanswered} cut off unanswered at the end)` : ""}; ${check.versionsOk}/${check.items} items' versions agree ${check.isOk ? "✓" : "✗"}`
      : "–";
    lines.push(`| ${w.kind} | ${w.connections} | ${w.instances} | ${w.stats.requests} | ${ms(w.stats.p50)} | ${ms(w.stats.p95)} | ${ms(w.stats.p99)} | ${w.stats.rps.toFixed(1)} | ${failures}${w.stats.errors ? `, connection errors: ${w.stats.errors}` : ""} | ${db} | ${w.stats.peakRss ? mb(w.stats.peakRss) : "–"} |`);
  });
  lines.push("");

  lines.push("#### Server memory and first-load JavaScript", "");
  for (const p of tier.peakRss) lines.push(`- ${p.label}: peak RSS ${mb(p.bytes)}`);
  lines.push("");
  lines.push("| page | as | scripts | raw | gzip |", "| --- | --- | ---: | ---: | ---: |");
  for (const route of tier.routes.filter((r) => r.firstLoad)) {
    const f = route.firstLoad!;
    lines.push(`| ${route.label} | ${route.user} | ${f.scripts} | ${kb(f.rawBytes)} | ${kb(f.gzipBytes)} |`);
  }
  lines.push("");
  if (tier.notes.length > 0) lines.push("#### Notes", "", ...tier.notes.map((n) => `- ${n}`), "");

  if (tier.plans.length > 0) {
    lines.push("#### Query plans", "");
    for (const plan of tier.plans) {
      lines.push(`**${plan.title}**: \`${plan.call}\` sent ${plan.statements} statement(s); the slowest took ${plan.ms.toFixed(1)} ms:`, "");
      lines.push("```sql", plan.sql, "```", "", "```", plan.plan, "```", "");
    }
  }
  return lines;
}

function growth(run: RunResult): string[] {
  if (run.tiers.length < 2) return [];
  const lines = ["#### Growth of p95 from tier to tier", ""];
  const conns = run.connections;
  lines.push(`| route | conn. | ${run.tiers.map((t) => `${t.tier} p95 ms`).join(" | ")} | ${run.tiers.slice(1).map((t, i) => `${run.tiers[i]!.tier} → ${t.tier}`).join(" | ")} |`);
  lines.push(`| --- | ---: | ${run.tiers.map(() => "---:").join(" | ")} | ${run.tiers.slice(1).map(() => "---:").join(" | ")} |`);
  for (const route of run.tiers[0]!.routes) {
    for (const c of conns) {
      const p95s = run.tiers.map((t) => t.routes.find((r) => r.key === route.key)?.byConnections.get(c)?.p95 ?? Number.NaN);
      if (p95s.every((v) => Number.isNaN(v))) continue;
      const factors = p95s.slice(1).map((v, i) => times(p95s[i]! > 0 ? v / p95s[i]! : null));
      lines.push(`| ${route.label} | ${c} | ${p95s.map(ms).join(" | ")} | ${factors.join(" | ")} |`);
    }
  }
  lines.push("");
  return lines;
}

export function engineSection(run: RunResult): string {
  const cpus = os.cpus();
  const lines = [
    `## ${run.engine === "postgres" ? "PostgreSQL" : "PGlite"}: ${run.tiers.map((t) => t.tier).join(", ")} tier${run.tiers.length > 1 ? "s" : ""}`,
    "",
    `Run on ${run.startedAt.toISOString()} with \`${run.command}\`; it took ${(run.seconds / 60).toFixed(1)} min.`,
    "",
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB memory, ${os.type()} ${os.release()}, Node ${process.version}; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}. ${run.build}`,
    "",
    `Each page ran ${run.duration} s per connection count (${run.connections.join(", ")}); the Excel downloads ran two requests per connection; submit and approve ran a fixed number of writes, as many as tick-off managed in ${run.duration} s at the same connection count. Before each step the benchmark waits until the servers are idle (under a tenth of a core over half a second), so that requests cut off at the end of one step do not weigh on the next.`,
    "",
    "#### Targets",
    "",
    "| target | result | measured |",
    "| --- | --- | --- |",
    ...verdicts(run).map((v) => `| ${v.target} | ${v.pass === null ? "–" : v.pass ? "PASS" : "MISS"} | ${v.detail} |`),
    "",
    ...growth(run),
    ...run.tiers.flatMap((t) => tierSection(run, t)),
  ];
  return lines.join("\n");
}

const HEADER = `# Performance

<!-- This file is written by \`npm run bench\` (bench/http/run.ts): each run replaces the section of its engine between its markers and keeps everything else. -->

How it is produced: \`npm run bench\` makes a fresh database (a PGlite folder, or a database on the PostgreSQL server \`TEST_DATABASE_URL\` names), migrates it and fills it with \`generateBenchData\` (bench/data) for the tier; reuses the production build in .next when it is newer than the sources (else runs \`npm run build\`); starts \`next start\` on it (and, for the writes on PostgreSQL, a second instance on the same database); signs real users of the data set in through next-auth's credentials flow; and drives each page with autocannon at each connection count. Latencies are every answered request's, measured by autocannon's clients on the same machine as the server (which has to share its two cores with them). Every page's p95 is compared with the floor's at the same connection count: \`/api/bench/floor\`, a route of the same build that checks the session the way pages do (the account and its roles read from the database) and runs \`SELECT 1\`.

- Writes are the server actions of lib/actions/checklists.ts posted to the item's page (\`/checklists/<id>\`) with the \`Next-Action\` header and the body the React client sends (the arguments as JSON), the way the browser calls them; the answer therefore carries the page as re-rendered after \`revalidatePath\`. Each request takes an item no other request in flight holds, with the version it last saw. Afterwards the database is checked: the audit rows each step wrote must be no fewer than the writes acknowledged with \`{ ok: true }\` (else a write was lost) and no more than those plus the requests still in flight when a timed step ended (else one was duplicated), and each item's version must have moved by exactly its audit rows. Tick-off runs for the step's time, each item saved again once its previous save is answered; submit and approve use each item once, so they run a fixed number of writes.
- Memory: the resident set (VmRSS) of each server's process tree, read from /proc every 200 ms.
- First-load JavaScript: the page's HTML fetched as its user, every \`<script src>\` in it but the \`noModule\` polyfills (which browsers that run modules skip) fetched once and gzip-compressed (Node's zlib, level 6), summed. Chunks the browser fetches later (dynamic imports, prefetches) are not in it.
- Query plans: the app's own functions (lib/server) run in the benchmark process on the same database after the load, every statement recorded at the driver with its parameters; the slowest statement of each is run again under \`EXPLAIN (ANALYZE, BUFFERS)\`.
- The browser also sends \`Next-Router-State-Tree\` with an action; these requests do not, so the server renders the page's whole tree in the answer rather than the changed segments only (an upper bound for the browser's case).
`;

/** Writes the run's section into docs/performance.md between its markers, keeping the rest of the file. */
export function writeReport(run: RunResult, file = path.resolve("docs/performance.md")): void {
  const begin = `<!-- bench:http:${run.engine}:begin -->`;
  const end = `<!-- bench:http:${run.engine}:end -->`;
  const section = `${begin}\n${engineSection(run)}\n${end}`;
  const headerBegin = "<!-- bench:http:header:begin -->";
  const headerEnd = "<!-- bench:http:header:end -->";
  const header = `${headerBegin}\n${HEADER}${headerEnd}`;
  let text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const replace = (body: string, from: string, to: string, content: string, atStart: boolean) => {
    const a = body.indexOf(from);
    const b = body.indexOf(to);
    if (a >= 0 && b > a) return body.slice(0, a) + content + body.slice(b + to.length);
    return atStart ? `${content}\n\n${body}` : `${body.trimEnd()}\n\n${content}\n`;
  };
  text = replace(text, headerBegin, headerEnd, header, true);
  // PostgreSQL first, then PGlite, whichever ran first.
  text = replace(text, begin, end, section, false);
  fs.writeFileSync(file, text.endsWith("\n") ? text : `${text}\n`);
}
