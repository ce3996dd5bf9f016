// A list's key (清单标识) suggested from its name, so that nobody has to make one up in Latin letters.
// Client-safe: the new-list form and the Excel template both use it.

const MAX_KEY_LENGTH = 63;

/** Four lowercase hex digits, different on every call; what keeps two suggested keys of a year apart. */
export function randomKeyNonce(): string {
  const bytes = new Uint8Array(2);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * The Latin letters and digits of the name, lowercased and joined by hyphens ("Jinan 2026 清单" →
 * "jinan-2026"), when the name has Latin letters; otherwise "list-", the year the name mentions (or
 * `year`) and the nonce ("2026年机关党建责任清单" → "list-2026-3f9a"). Always a valid key.
 */
export function suggestCatalogKey(name: string, options: { year: number; nonce: string }): string {
  // NFKC turns full-width letters and digits (Ｊｉｎａｎ２０２６) into ASCII ones.
  const latin = (name.normalize("NFKC").toLowerCase().match(/[a-z0-9]+/g) ?? []).join("-");
  if (/[a-z]/.test(latin)) {
    const key = latin.slice(0, MAX_KEY_LENGTH).replace(/-+$/, "");
    if (key.length >= 2) return key;
  }
  const year = /(?:19|20)\d{2}/.exec(name.normalize("NFKC"))?.[0] ?? String(options.year);
  const nonce = options.nonce.toLowerCase().replace(/[^a-z0-9]/g, "") || "0000";
  return `list-${year}-${nonce}`;
}
