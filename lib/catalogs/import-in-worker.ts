// Reads a list file on a worker thread (catalog-worker.ts). No "server-only":
// the catalog loader (scripts/catalog-load.ts) runs it under tsx too.
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { CatalogImportResult } from "./catalog-problems";
import type { CatalogWorkerRequest } from "./catalog-worker";

/** How long a file may take to read; one within the limits takes a second or two. */
export const CATALOG_IMPORT_TIMEOUT_MS = 60_000;
/** The worker's heap: a 5 MB file within the limits needs a fraction of this. */
const WORKER_HEAP_MB = 512;

/** The file could not be read within the worker's time or memory. */
const TOO_COMPLEX: CatalogImportResult = { ok: false, problems: [{ code: "tooComplex", params: {} }] };

/**
 * Whether this module runs from its TypeScript source (Vitest, tsx) rather
 * than from Next's bundle. A worker thread of Node 20 cannot load TypeScript,
 * so there it registers tsx's loader before it requires the entry.
 */
function runsFromSource(): boolean {
  return Boolean(process.env.VITEST) || process.execArgv.some((arg) => /[\\/]tsx[\\/]|^tsx$/.test(arg));
}

function throughTsx(entry: URL): string {
  return `require("tsx/cjs/api").register(); require(${JSON.stringify(fileURLToPath(entry))});`;
}

/**
 * Reads a list file (importCatalogFile in catalog-io.ts) on a worker thread
 * of its own, so that neither its CPU time nor its memory holds up the
 * thread that serves other requests. Past `timeoutMs` or WORKER_HEAP_MB the
 * worker is stopped and the file refused as too complex.
 */
export async function importCatalogFileInWorker(fileName: string, bytes: Buffer, timeoutMs = CATALOG_IMPORT_TIMEOUT_MS): Promise<CatalogImportResult> {
  const options = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  // Turbopack (next build, next dev) bundles the worker from this literal `new Worker(new URL(…))`.
  const worker = runsFromSource()
    ? new Worker(throughTsx(new URL("./catalog-worker.ts", import.meta.url)), { ...options, eval: true })
    : new Worker(new URL("./catalog-worker.ts", import.meta.url), options);
  try {
    return await new Promise<CatalogImportResult>((resolve, reject) => {
      const timer = setTimeout(() => resolve(TOO_COMPLEX), timeoutMs);
      worker.once("message", (message: { ok: true; result: CatalogImportResult } | { ok: false; error: string }) => {
        clearTimeout(timer);
        if (message.ok) resolve(message.result);
        else reject(new Error(`Reading the list file failed: ${message.error}`));
      });
      worker.once("error", (error: Error & { code?: string }) => {
        clearTimeout(timer);
        if (error.code === "ERR_WORKER_OUT_OF_MEMORY") resolve(TOO_COMPLEX);
        else reject(error);
      });
      worker.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`The list file reader stopped (exit code ${code})`));
      });
      // A copy of its own, handed over rather than copied once more.
      const copy = new ArrayBuffer(bytes.byteLength);
      new Uint8Array(copy).set(bytes);
      const request: CatalogWorkerRequest = { fileName, bytes: new Uint8Array(copy) };
      worker.postMessage(request, [copy]);
    });
  } finally {
    await worker.terminate();
  }
}
