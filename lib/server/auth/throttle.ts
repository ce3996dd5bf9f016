import "server-only";
import { env } from "@/lib/env";
import { prisma } from "@/lib/server/db";

/**
 * Failed sign-ins are counted per username in the database, whether or not
 * the user exists, so the limit holds across every app instance and says
 * nothing about which usernames are real.
 */
export function throttleKey(username: string): string {
  return `user:${username.trim().toLowerCase()}`;
}

export async function isLockedOut(username: string, now = new Date()): Promise<boolean> {
  const row = await prisma.loginThrottle.findUnique({ where: { key: throttleKey(username) } });
  return Boolean(row?.lockedUntil && row.lockedUntil > now);
}

export async function recordFailedLogin(username: string, now = new Date()): Promise<void> {
  const { LOGIN_MAX_FAILURES: maxFailures, LOGIN_LOCK_MINUTES: lockMinutes } = env();
  const key = throttleKey(username);
  const windowMs = lockMinutes * 60_000;
  // One statement, so that concurrent failures on several instances all count.
  await prisma.$executeRaw`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "lockedUntil", "updatedAt")
    VALUES (${key}, 1, ${now}, NULL, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStart" < ${new Date(now.getTime() - windowMs)}
                        THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < ${new Date(now.getTime() - windowMs)}
                           THEN ${now} ELSE "LoginThrottle"."windowStart" END,
      "updatedAt" = ${now}`;
  await prisma.loginThrottle.updateMany({
    where: { key, failures: { gte: maxFailures }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { lockedUntil: new Date(now.getTime() + windowMs), failures: 0, windowStart: now },
  });
}

export async function clearFailedLogins(username: string): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { key: throttleKey(username) } });
}
