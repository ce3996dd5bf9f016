import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * NEXTAUTH_SECRET when set (as it must be on PostgreSQL with several
 * instances); otherwise a random secret kept in ./data, so a single embedded
 * install works without configuration and sessions survive restarts.
 */
export function authSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.resolve("data", "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}

/** The shortest NEXTAUTH_SECRET a production server accepts: 32 characters, as `openssl rand -base64 32` makes 44. */
export const SECRET_MIN_LENGTH = 32;

/** Values that stand in documentation, examples and tests: anybody could sign a session with them. */
const KNOWN_SECRETS = ["secret", "changeme", "change-me", "change_me", "password", "nextauth", "nextauth-secret", "nextauth_secret", "your-secret", "supersecret", "development", "test-secret", "replace-me"];

/** A secret made of known words (with digits and separators), or of a short run repeated, is as good as known. */
function isKnown(secret: string): boolean {
  const lower = secret.toLowerCase();
  if (KNOWN_SECRETS.some((word) => lower.includes(word) && lower.replaceAll(word, "").replace(/[\s\-_.0-9]/g, "") === "")) return true;
  // A short run repeated to the length (aaaa…, abcabc…, 1234567890123…), or a handful of characters.
  return /^(.{1,10})\1+(.{0,9})$/s.test(secret) || new Set(secret).size < 8;
}

/**
 * Why a production server must not start with this environment's session
 * secret, or null when it may. On PostgreSQL any number of instances serve
 * one database and must sign sessions alike, so the secret must be set; the
 * embedded database has one server, which keeps its own in ./data. A set
 * secret must be long and not one anybody knows.
 */
export function secretProblem(env: { NODE_ENV?: string; DATABASE_URL?: string; NEXTAUTH_SECRET?: string }): string | null {
  if (env.NODE_ENV !== "production") return null;
  const secret = env.NEXTAUTH_SECRET?.trim() ?? "";
  const make = "Make one with `openssl rand -base64 32` and set the same NEXTAUTH_SECRET on every instance.";
  if (!secret) {
    return /^postgres(ql)?:/i.test(env.DATABASE_URL ?? "") ? `NEXTAUTH_SECRET is not set. On PostgreSQL every app instance must sign sessions with the same secret. ${make}` : null;
  }
  if (secret.length < SECRET_MIN_LENGTH) return `NEXTAUTH_SECRET is too short: ${secret.length} characters, at least ${SECRET_MIN_LENGTH}. ${make}`;
  if (isKnown(secret)) return `NEXTAUTH_SECRET is a well-known or guessable value: anybody could sign a session with it. ${make}`;
  return null;
}

/** Ends a starting production server whose session secret is missing, short or known (secretProblem), with the reason. */
export function checkSecretAtStartup(): void {
  const problem = secretProblem(process.env);
  if (!problem) return;
  console.error(problem);
  process.exit(1);
}
