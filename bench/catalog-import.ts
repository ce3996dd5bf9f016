// Benchmark: what the import's limits save, and what the worker thread spares the server.
//   npx tsx bench/catalog-import.ts
//   BENCH_ROWS=50000 npx tsx bench/catalog-import.ts   (the workbook's duty rows; default 100,000)
// In one run, on the same files:
//   1. a workbook of BENCH_ROWS duty rows: loading it whole, as the import did before it counted
//      rows first (a floor of the old cost: the rows were then also read and checked), against
//      importCatalogFile refusing it now;
//   2. a JSON list of 30,000 duties: importCatalogFile refusing it now, beside checking every duty
//      with ZCatalogFile. Reading was never the cost of such a file: the import then committed
//      30,000 duties in one transaction, which the limit now prevents (not measured here);
//   3. the longest stall of this thread's event loop while a list of 500 duties (the most a list
//      may hold) is read in this thread, against while importCatalogFileInWorker reads it.
// Times and stalls vary with the machine and its load; compare the ratios within one run.
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { importCatalogFile } from "../lib/catalogs/catalog-io";
import { importCatalogFileInWorker } from "../lib/catalogs/import-in-worker";
import { catalogJson, catalogWorkbook } from "../lib/test/catalog-files";
import { ZCatalogFile } from "../lib/validation/catalog-file";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ms = (value: number) => `${value.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ratio = (slow: number, fast: number) => `${(slow / Math.max(fast, 0.001)).toFixed(1)}x`;
const load = () => `(load ${os.loadavg()[0]?.toFixed(1)})`;

async function measured<T>(run: () => Promise<T> | T): Promise<{ ms: number; heapGrowth: number; value: T }> {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const started = performance.now();
  const value = await run();
  const elapsed = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { ms: elapsed, heapGrowth: peak - heapBefore, value };
}

async function longestStall(run: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  await run();
  histogram.disable();
  return histogram.max / 1e6;
}

async function main() {
  console.log(`Workbook of ${ROWS.toLocaleString("en")} duty rows; JSON of 30,000 duties. ${load()}`);

  const workbook = await catalogWorkbook(ROWS);
  const whole = await measured(async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(workbook).buffer);
    let rows = 0;
    book.getWorksheet("职责")?.eachRow(() => (rows += 1));
    return rows;
  });
  const refused = await measured(() => importCatalogFile("big.xlsx", workbook));
  console.log(`1. workbook (${mb(workbook.length)}): loaded whole ${ms(whole.ms)}, heap +${mb(whole.heapGrowth)}; ` +
    `refused (${refused.value.ok ? "imported!" : refused.value.problems[0]?.code}) ${ms(refused.ms)}, heap +${mb(refused.heapGrowth)}; ` +
    `time ${ratio(whole.ms, refused.ms)}, heap ${ratio(whole.heapGrowth, refused.heapGrowth)} ${load()}`);

  const json = catalogJson(30_000);
  const checked = await measured(() => ZCatalogFile.safeParse(JSON.parse(json.toString("utf8"))).success);
  const jsonRefused = await measured(() => importCatalogFile("big.json", json));
  console.log(`2. JSON (${mb(json.length)}): refused (${jsonRefused.value.ok ? "imported!" : jsonRefused.value.problems[0]?.code}) ${ms(jsonRefused.ms)}, ` +
    `every duty checked ${ms(checked.ms)}; ${ratio(jsonRefused.ms, checked.ms)} ${load()}`);

  const largest = await catalogWorkbook(500);
  await importCatalogFileInWorker("warm-up.xlsx", largest);
  const inThread = await longestStall(() => importCatalogFile("500.xlsx", largest));
  const inWorker = await longestStall(() => importCatalogFileInWorker("500.xlsx", largest));
  console.log(`3. a list of 500 duties: longest event-loop stall read in this thread ${ms(inThread)}, ` +
    `read on a worker ${ms(inWorker)}; ${ratio(inThread, inWorker)} ${load()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
