import { exportTermLedger } from "@/lib/server/terms/export-route";

/** Downloads the head-change ledger as its page shows it. */
export function GET(request: Request) {
  return exportTermLedger(request, "heads", "route:/terms/heads/export");
}
