import os from "node:os";
import path from "node:path";

/** Where scripts/e2e-server.ts notes the database it serves. */
export function e2eDatabaseFile(port: string | number): string {
  return path.join(os.tmpdir(), `duty-ledger-e2e-${port}.json`);
}
