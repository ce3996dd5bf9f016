/**
 * For route handlers that change data: the browser's Origin must name this
 * host, as Next checks for server actions. A form on another site cannot
 * pass it, and browsers always send Origin on a POST.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
