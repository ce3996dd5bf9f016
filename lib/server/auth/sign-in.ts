import "server-only";
import { prisma } from "@/lib/server/db";
import { verifyPassword } from "@/lib/server/auth/password";
import { clearFailedLogins, isLockedOut, recordFailedLogin } from "@/lib/server/auth/throttle";

export type SignInResult =
  | { status: "ok"; user: { id: string; name: string } }
  | { status: "invalid" }
  | { status: "locked" };

export async function signInWithPassword(username: string, password: string): Promise<SignInResult> {
  const name = username.trim();
  if (await isLockedOut(name)) return { status: "locked" };
  const user = await prisma.user.findUnique({
    where: { username: name },
    select: { id: true, name: true, passwordHash: true, isActive: true },
  });
  const isValid = await verifyPassword(user?.isActive ? user.passwordHash : null, password);
  if (!user || !isValid) {
    await recordFailedLogin(name);
    return { status: "invalid" };
  }
  await clearFailedLogins(name);
  return { status: "ok", user: { id: user.id, name: user.name } };
}
