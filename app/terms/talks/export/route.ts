import { exportTermLedger } from "@/lib/server/terms/export-route";

/** Downloads the appointment-talk ledger as its page shows it. */
export function GET(request: Request) {
  return exportTermLedger(request, "talks", "route:/terms/talks/export");
}
