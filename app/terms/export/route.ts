import { exportTermLedger } from "@/lib/server/terms/export-route";

/** Downloads the term ledger as its page shows it (the same filters in the query string, the same scope). */
export function GET(request: Request) {
  return exportTermLedger(request, "terms", "route:/terms/export");
}
