import { hrefWith } from "@/lib/href";

/** A link within the ledger that keeps the given search params (empty ones dropped). */
export function ledgerHref(params: Record<string, string | undefined>, path = "/findings"): string {
  return hrefWith(path, params);
}
