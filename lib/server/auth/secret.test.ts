import { describe, expect, it } from "vitest";
import { secretProblem } from "@/lib/server/auth/secret";

const strong = "q3Vw8ZkP1xLr7TgN2bYc9MhJ5sDf0aEu4KoXiWnR6vA=";
const pg = "postgresql://duty:duty@127.0.0.1:5432/duty";

describe("the session secret a production server starts with", () => {
  it("must be set on PostgreSQL, where several instances share it; the embedded database keeps its own", () => {
    expect(secretProblem({ NODE_ENV: "production", DATABASE_URL: pg })).toMatch(/^NEXTAUTH_SECRET is not set\./);
    expect(secretProblem({ NODE_ENV: "production", DATABASE_URL: pg, NEXTAUTH_SECRET: "  " })).toMatch(/not set/);
    expect(secretProblem({ NODE_ENV: "production", DATABASE_URL: "pglite:./data/db" })).toBeNull();
    expect(secretProblem({ NODE_ENV: "production" })).toBeNull();
    expect(secretProblem({ NODE_ENV: "production", DATABASE_URL: pg, NEXTAUTH_SECRET: strong })).toBeNull();
  });

  it("must be long and not one anybody knows or guesses, on either engine", () => {
    for (const url of [pg, undefined]) {
      expect(secretProblem({ NODE_ENV: "production", DATABASE_URL: url, NEXTAUTH_SECRET: "second-server-secret-01" })).toMatch(/too short: 23 characters, at least 32/);
      for (const known of ["changeme-changeme-changeme-changeme", "nextauth-secret-2026-0000000000000", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "abcabcabcabcabcabcabcabcabcabcabcabc", "12345678901234567890123456789012"]) {
        expect(secretProblem({ NODE_ENV: "production", DATABASE_URL: url, NEXTAUTH_SECRET: known }), known).toMatch(/well-known or guessable/);
      }
    }
    // A long random number is not a known word.
    expect(secretProblem({ NODE_ENV: "production", NEXTAUTH_SECRET: "8301946275019384726501938475610293847561" })).toBeNull();
  });

  it("is not checked outside production", () => {
    expect(secretProblem({ NODE_ENV: "development", DATABASE_URL: pg })).toBeNull();
    expect(secretProblem({ NODE_ENV: "test", NEXTAUTH_SECRET: "test-secret" })).toBeNull();
  });
});
