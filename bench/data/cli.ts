// Fills a fresh, migrated database with benchmark data:
//   npm run bench:data -- --tier unit|city|province [--seed N] [--year YYYY] [--force]
// The database is the app's (DATABASE_URL: a PGlite folder or a postgresql:// URL). Progress goes to
// stderr; the counts and the accounts to sign in with go to stdout.
import { parseArgs } from "node:util";
import { openDatabase } from "../../lib/server/db/connect";
import type { BenchProgress } from "./context";
import { BENCH_PASSWORD, DatabaseNotEmptyError, DEFAULT_SEED, DEFAULT_YEAR, generateBenchData } from "./generate";
import { isTierName, TIERS } from "./tiers";

const USAGE = `Usage: npm run bench:data -- --tier ${TIERS.join("|")} [--seed N] [--year YYYY] [--force]`;

function readOptions() {
  const { values } = parseArgs({
    options: { tier: { type: "string" }, seed: { type: "string" }, year: { type: "string" }, force: { type: "boolean" }, help: { type: "boolean" } },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const tier = values.tier ?? "";
  const seed = Number(values.seed ?? DEFAULT_SEED);
  const year = Number(values.year ?? DEFAULT_YEAR);
  const problems = [
    ...(isTierName(tier) ? [] : [`--tier must be one of ${TIERS.join(", ")}`]),
    ...(Number.isSafeInteger(seed) && seed >= 0 ? [] : ["--seed must be a whole number from 0"]),
    ...(Number.isInteger(year) && year >= 2000 && year <= 2100 ? [] : ["--year must be a year from 2000 to 2100"]),
  ];
  if (problems.length > 0 || !isTierName(tier)) {
    console.error([...problems, USAGE].join("\n"));
    process.exit(2);
  }
  return { tier, seed, year, force: values.force ?? false };
}

/** One line per stage on stderr, rewritten in place with `\r` while the stage runs. */
function progressLine(started: number): (p: BenchProgress) => void {
  let stage = "";
  let shownAt = 0;
  return (p) => {
    const base = p.stage.replace(/ \(.*\)$/, "");
    const now = performance.now();
    // A few times a second is enough for the eye, and for a log file.
    if (base === stage && p.done < p.total && now - shownAt < 250) return;
    shownAt = now;
    if (stage && base !== stage) process.stderr.write("\n");
    stage = base;
    const width = 30;
    const filled = p.total > 0 ? Math.round((p.done / p.total) * width) : width;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`\r${p.stage.padEnd(34)} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${p.done}/${p.total}  ${seconds} s`);
  };
}

async function main() {
  const options = readOptions();
  const db = openDatabase();
  const started = performance.now();
  try {
    const result = await generateBenchData(db.prisma, { ...options, onProgress: progressLine(started) });
    process.stderr.write("\n");
    console.log(`\nBenchmark data: tier ${result.tier}, seed ${result.seed}, year ${result.year} (as of ${result.asOf.toISOString()}), ${db.target.engine}, ${(result.ms / 1000).toFixed(1)} s`);
    for (const [table, count] of Object.entries(result.counts)) console.log(`  ${table.padEnd(20)} ${count.toLocaleString("en").padStart(10)}`);
    console.log(`\nSample accounts (password for all: ${BENCH_PASSWORD}):`);
    for (const a of result.accounts) console.log(`  ${a.username.padEnd(26)} ${`${a.role}@${a.orgCode}`.padEnd(28)} ${a.what}`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write("\n");
  console.error(error instanceof DatabaseNotEmptyError ? error.message : error);
  process.exit(1);
});
