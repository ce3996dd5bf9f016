import { beforeAll, describe, expect, it, vi } from "vitest";
import type { authOptions as TAuthOptions } from "@/lib/server/auth/options";

let redirect: NonNullable<NonNullable<typeof TAuthOptions.callbacks>["redirect"]>;
const baseUrl = "http://127.0.0.1:3100";

beforeAll(async () => {
  // Keep the secret out of ./data.
  vi.stubEnv("NEXTAUTH_SECRET", "test-secret");
  const { authOptions } = await import("@/lib/server/auth/options");
  if (!authOptions.callbacks?.redirect) throw new Error("no redirect callback");
  redirect = authOptions.callbacks.redirect;
});

describe("next-auth's redirect after sign-in and sign-out", () => {
  it("keeps the app's own pages", async () => {
    expect(await redirect({ url: "/checklists?status=open", baseUrl })).toBe(`${baseUrl}/checklists?status=open`);
    expect(await redirect({ url: `${baseUrl}/login`, baseUrl })).toBe(`${baseUrl}/login`);
  });

  it.each(["/\\evil.example/", "/\t/evil.example", "//evil.example", "/.//evil.example", "https://evil.example/", "javascript:alert(1)"])(
    "sends %j home instead",
    async (url) => {
      expect(await redirect({ url, baseUrl })).toBe(`${baseUrl}/`);
    },
  );
});
