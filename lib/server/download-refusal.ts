import "server-only";
import { getTranslations } from "next-intl/server";
import { NextResponse } from "next/server";
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
  const login = new URL("/login", url);
  login.searchParams.set("callbackUrl", url.pathname + url.search);
  return NextResponse.redirect(login, 303);
}

/** The same words as the not-found page: missing and out of scope look alike. */
export async function notFoundText(): Promise<Response> {
  const t = await getTranslations("notFound");
  return plainText(t("body"), 404);
}

/** To the page where a user whose password was reset sets their own, then back to this download. */
export function changePasswordFirst(request: Request): Response {
  const url = new URL(request.url);
  return NextResponse.redirect(new URL(changePasswordPath(url.pathname + url.search), url), 303);
}

/** What a download route answers for a domain error; anything else is rethrown. */
export async function refuseDownload(request: Request, error: unknown): Promise<Response> {
  if (!(error instanceof DomainError)) throw error;
  if (error.code === "password_change_required") return changePasswordFirst(request);
  return error.code === "unauthenticated" ? signInAgain(request) : notFoundText();
}
