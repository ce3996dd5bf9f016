import "server-only";
import { PassThrough, Readable, type Writable } from "node:stream";
import { CATALOG_MEDIA_TYPES } from "@/lib/catalogs/catalog-problems";
import { env } from "@/lib/env";
import { attachmentDisposition } from "@/lib/server/evidence/content-disposition";

/**
 * Turns for the work that must not run too many at once in one process: at
 * most `size` run, the rest wait in the order they came.
 */
export class Turns {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  /** Runs `work` when a turn is free; `stillWanted` is asked once it is, and false gives the turn straight back. */
  async run(work: () => Promise<void>, stillWanted: () => boolean = () => true): Promise<void> {
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      if (stillWanted()) await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  get queued(): number {
    return this.waiting.length;
  }
}

let workbookTurns: Turns | undefined;

/**
 * Workbooks written at once by this instance (EXPORT_CONCURRENCY, default 2).
 * A large ledger keeps tens of megabytes of its later sheets in memory until
 * the zip reaches them, so ten at once took a province's server past 1 GB;
 * taking turns bounds that, and costs no throughput, as writing one is all
 * processor work.
 */
function turns(): Turns {
  workbookTurns ??= new Turns(env().EXPORT_CONCURRENCY);
  return workbookTurns;
}

/**
 * A workbook download whose bytes stream as `write` produces them, once a
 * turn is free: the response (its headers) goes at once, the body follows.
 * A download the browser closes while it waits is never written. If writing
 * fails the body is cut short, so that no broken file passes for a whole one.
 * `fileName` is the name in the user's language, `asciiName` the one for
 * clients that read only plain `filename`, `label` names it in the log.
 */
export function workbookDownload(
  write: (output: Writable) => Promise<void>,
  names: { fileName: string; asciiName: string; label: string },
): Response {
  const output = new PassThrough();
  turns()
    .run(
      () => write(output),
      () => !output.destroyed,
    )
    .catch((error: unknown) => {
      console.error(`${names.label} export failed`, error);
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  return new Response(Readable.toWeb(output) as unknown as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": CATALOG_MEDIA_TYPES.xlsx,
      "Content-Disposition": attachmentDisposition(names.fileName, names.asciiName),
      "Cache-Control": "no-store",
    },
  });
}
