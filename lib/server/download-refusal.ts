import "server-only";
import { getTranslations } from "next-intl/server";
import { NextResponse } from "next/server";
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

/** What a download route answers for a domain error; anything else is rethrown. */
export async function refuseDownload(request: Request, error: unknown): Promise<Response> {
  if (!(error instanceof DomainError)) throw error;
  return error.code === "unauthenticated" ? signInAgain(request) : notFoundText();
}
