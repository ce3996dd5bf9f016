import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// No "server-only": the directory import's benchmark hashes one-time passwords too.

// argon2id with the library's defaults (19 MiB, 2 passes), as OWASP recommends.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this when the user does not exist keeps the time of a
// failed sign-in the same whether or not the username is known.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$zW9vuTTbHMnO32xtB45lJg$QXw6/h52Tk/EmprC+UAUs4K0QaY2Oa7p5hyqAF4DKkw";

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash?.startsWith(ONE_TIME_PREFIX)) return verifyOneTimePassword(passwordHash, password);
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return passwordHash !== null && ok;
  } catch {
    return false;
  }
}

// No 0/O/o, 1/l/I: read aloud or copied by hand without doubt.
const READABLE = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

/**
 * A password for one sign-in, which an administrator hands on and the user
 * replaces at once: three groups of four readable characters (about 69
 * bits), drawn from the system's random source.
 */
export function oneTimePassword(): string {
  const group = () => Array.from({ length: 4 }, () => READABLE[crypto.randomInt(READABLE.length)]).join("");
  return [group(), group(), group()].join("-");
}

const ONE_TIME_PREFIX = "$otp-sha256$";

const sha256 = (salt: string, password: string) => crypto.createHash("sha256").update(`${salt}:${password}`).digest("hex");

/**
 * Stores a one-time password, which the app makes at random (oneTimePassword:
 * about 69 bits) and the user replaces at the first sign-in. Guessing it is
 * hopeless at any hashing speed, so a salted SHA-256 guards it as well as
 * argon2 would, at a fraction of the cost: a province's 25,000 imported
 * accounts get theirs in seconds, not minutes. Passwords people choose are
 * always hashed with argon2 (hashPassword).
 */
export function hashOneTimePassword(password: string): string {
  const salt = crypto.randomBytes(16).toString("hex");
  return `${ONE_TIME_PREFIX}${salt}$${sha256(salt, password)}`;
}

function verifyOneTimePassword(stored: string, password: string): boolean {
  const [salt = "", digest = ""] = stored.slice(ONE_TIME_PREFIX.length).split("$");
  const expected = Buffer.from(digest, "hex");
  const actual = Buffer.from(sha256(salt, password), "hex");
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}
