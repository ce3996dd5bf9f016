import "server-only";
import { getTranslations } from "next-intl/server";
import { changePasswordPath } from "@/lib/server/access/password-change";
import { DomainError } from "@/lib/server/errors";

/** A short message in place of a file, never cached. */
export function plainText(body: string, status: number): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * Back to the sign-in page, then to this download: the session behind the
 * link has ended (anonymous visitors never get here; proxy.ts sends them).
 */
export function signInAgain(request: Request): Response {
  const url = new URL(request.url);
  return redirectTo(`/login?${new URLSearchParams({ callbackUrl: url.pathname + url.search })}`, 303);
}

/**
 * A redirect to a path on the host the browser asked (a relative Location):
 * a route handler's request.url names the host the server was started on
 * (localhost), not the one in the address bar, whose cookies the browser
 * would not send to the other.
 */
export function redirectTo(path: string, status: 303 | 307): Response {
  return new Response(null, { status, headers: { Location: path, "Cache-Control": "no-store" } });
}

/** The same words as the not-found page: missing and out of scope look alike. */
export async function notFoundText(): Promise<Response> {
  const t = await getTranslations("notFound");
  return plainText(t("body"), 404);
}

/** To the page where a user whose password was reset sets their own, then back to this download. */
export function changePasswordFirst(request: Request): Response {
  const url = new URL(request.url);
  return redirectTo(changePasswordPath(url.pathname + url.search), 303);
}

/** What a download route answers for a domain error; anything else is rethrown. */
export async function refuseDownload(request: Request, error: unknown): Promise<Response> {
  if (!(error instanceof DomainError)) throw error;
  if (error.code === "password_change_required") return changePasswordFirst(request);
  return error.code === "unauthenticated" ? signInAgain(request) : notFoundText();
}
