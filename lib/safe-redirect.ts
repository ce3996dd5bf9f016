// Where the app may send someone after signing in: only its own pages.
// Pure, so that the login page, the login form and next-auth share one rule.

// Stands in for the app's origin when the caller does not know it (a server
// component); absolute URLs then count as foreign, which is only stricter.
const PLACEHOLDER_ORIGIN = "http://app.invalid";

/**
 * `target` resolved against `origin` by the WHATWG URL parser, as a browser
 * would resolve it, and kept only when it stays on that origin: its path,
 * search and hash; "/" otherwise. Backslashes, tabs, newlines and the like
 * are read the way browsers read them, so "/\evil.example" is foreign.
 */
export function safeRedirectPath(target: unknown, origin: string = PLACEHOLDER_ORIGIN): string {
  if (typeof target !== "string" || target === "") return "/";
  let base: URL;
  let resolved: URL;
  try {
    base = new URL(origin);
    resolved = new URL(target, base);
  } catch {
    return "/";
  }
  if (resolved.origin !== base.origin || resolved.username || resolved.password) return "/";
  const path = resolved.pathname + resolved.search + resolved.hash;
  // A path such as "//evil.example" (from "/.//evil.example") would itself read
  // as another host: keep only what resolves back to the same URL.
  try {
    if (new URL(path, base).href !== resolved.href) return "/";
  } catch {
    return "/";
  }
  return path;
}
