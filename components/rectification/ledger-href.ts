/** A link within the ledger that keeps the given search params (empty ones dropped). */
export function ledgerHref(params: Record<string, string | undefined>, path = "/rectification"): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}
