// The entry of the worker thread that reads a list file (import-in-worker.ts
// starts it): parsing a workbook or a long YAML file takes CPU time and
// memory that the thread serving requests must not spend.
import { parentPort } from "node:worker_threads";
import { importCatalogFile } from "./catalog-io";

export type CatalogWorkerRequest = { fileName: string; bytes: Uint8Array };

parentPort?.once("message", (request: CatalogWorkerRequest) => {
  importCatalogFile(request.fileName, Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength)).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    (error: unknown) => parentPort?.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
