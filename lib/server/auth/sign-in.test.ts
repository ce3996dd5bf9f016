import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/server/auth/sign-in";
import { throttleKey } from "@/lib/server/auth/throttle";
import { prisma } from "@/lib/server/db";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-orgs";
import { useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
beforeAll(async () => {
  process.env.LOGIN_MAX_FAILURES = "5";
  drop = await useSeededDatabase("signin");
});
afterAll(() => drop());

describe("sign-in", () => {
  it("accepts the right password", async () => {
    const result = await signInWithPassword("u02-secretary", DEMO_PASSWORD);
    expect(result.status).toBe("ok");
  });

  it("answers the same for a wrong password and for a user that does not exist", async () => {
    expect(await signInWithPassword("u02-secretary", "wrong")).toEqual({ status: "invalid" });
    expect(await signInWithPassword("nobody-here", "wrong")).toEqual({ status: "invalid" });
  });

  it("locks a username after repeated failures, counted in the database, even for the right password", async () => {
    for (let i = 0; i < 5; i++) expect((await signInWithPassword("u03-secretary", `bad-${i}`)).status).toBe("invalid");
    const row = await prisma.loginThrottle.findUniqueOrThrow({ where: { key: throttleKey("u03-secretary") } });
    expect(row.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(await signInWithPassword("u03-secretary", DEMO_PASSWORD)).toEqual({ status: "locked" });
    // Unknown usernames lock the same way, so a lock says nothing about who exists.
    for (let i = 0; i < 5; i++) await signInWithPassword("ghost-user", `bad-${i}`);
    expect(await signInWithPassword("ghost-user", "anything")).toEqual({ status: "locked" });
  });

  it("lets the user in again once the lock has run out, and a success clears the count", async () => {
    await prisma.loginThrottle.update({ where: { key: throttleKey("u03-secretary") }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await signInWithPassword("u03-secretary", DEMO_PASSWORD)).status).toBe("ok");
    expect(await prisma.loginThrottle.findUnique({ where: { key: throttleKey("u03-secretary") } })).toBeNull();
  });

  it("counts failures under concurrency without losing any", async () => {
    await Promise.all(Array.from({ length: 4 }, (_, i) => signInWithPassword("u04-secretary", `bad-${i}`)));
    const row = await prisma.loginThrottle.findUniqueOrThrow({ where: { key: throttleKey("u04-secretary") } });
    expect(row.failures).toBe(4);
    expect(row.lockedUntil).toBeNull();
  });
});
