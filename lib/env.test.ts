import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("env", () => {
  it("follows a setting changed after an earlier read, and refuses an invalid one", () => {
    vi.stubEnv("RECTIFY_DAYS", "30");
    expect(env().RECTIFY_DAYS).toBe(30);
    expect(env()).toBe(env());
    vi.stubEnv("RECTIFY_DAYS", "45");
    expect(env().RECTIFY_DAYS).toBe(45);
    vi.stubEnv("RECTIFY_DAYS", "0");
    expect(() => env()).toThrow(/RECTIFY_DAYS/);
    vi.stubEnv("RECTIFY_DAYS", "30");
    vi.stubEnv("WARN_GREEN_DAYS", "5");
    vi.stubEnv("WARN_YELLOW_DAYS", "9");
    expect(() => env()).toThrow(/WARN_YELLOW_DAYS/);
  });
});
