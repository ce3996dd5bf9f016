import { NextResponse, type NextRequest } from "next/server";

// Only a convenience: anonymous visitors go to the sign-in page. Every page,
// route and action checks the user and the organization scope itself.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!login|api/|_next/|favicon.ico|.*\\.(?:png|svg|ico|txt)$).*)"],
};
