import { describe, expect, it } from "vitest";
import { hashOneTimePassword, hashPassword, oneTimePassword, verifyPassword } from "@/lib/server/auth/password";

describe("passwords", () => {
  it("makes one-time passwords of three groups of four readable characters, never the same twice", () => {
    const made = new Set(Array.from({ length: 200 }, () => oneTimePassword()));
    expect(made.size).toBe(200);
    for (const password of made) expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{4}-[A-HJ-NP-Za-km-z2-9]{4}-[A-HJ-NP-Za-km-z2-9]{4}$/);
  });

  it("verifies a one-time password against its salted hash, and nothing else", async () => {
    const password = oneTimePassword();
    const stored = hashOneTimePassword(password);
    expect(stored.startsWith("$otp-sha256$")).toBe(true);
    expect(stored).not.toContain(password);
    expect(hashOneTimePassword(password)).not.toBe(stored);
    expect(await verifyPassword(stored, password)).toBe(true);
    expect(await verifyPassword(stored, password.toLowerCase() === password ? `${password}x` : password.toLowerCase())).toBe(false);
    expect(await verifyPassword(`${stored.slice(0, -2)}00`, password)).toBe(false);
  });

  it("still hashes and verifies a chosen password with argon2", async () => {
    const stored = await hashPassword("Correct#Horse7");
    expect(stored.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(stored, "Correct#Horse7")).toBe(true);
    expect(await verifyPassword(stored, "correct#horse7")).toBe(false);
  });
});
