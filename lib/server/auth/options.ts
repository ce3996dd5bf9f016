import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { authSecret } from "@/lib/server/auth/secret";
import { signInWithPassword } from "@/lib/server/auth/sign-in";
import { ZSignIn } from "@/lib/validation/auth";

// Self-hosted behind the organization's own proxy: take the origin from the
// request unless NEXTAUTH_URL pins it.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials) {
        const parsed = ZSignIn.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await signInWithPassword(parsed.data.username, parsed.data.password);
        if (result.status === "locked") throw new Error("locked");
        if (result.status !== "ok") return null;
        return { id: result.user.id, name: result.user.name };
      },
    }),
  ],
  callbacks: {
    // The same rule as the login page and form (lib/safe-redirect.ts), rather
    // than next-auth's own, which passes any "/…" through as it stands.
    redirect({ url, baseUrl }) {
      return new URL(safeRedirectPath(url, baseUrl), baseUrl).href;
    },
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub } };
    },
  },
};
