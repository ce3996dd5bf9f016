import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/options";

// Registry: "route:/api/auth/[...nextauth]" (public: sign-in and sign-out themselves).
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
