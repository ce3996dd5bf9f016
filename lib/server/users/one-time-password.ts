import "server-only";
import { randomInt } from "node:crypto";

// No 0/O/o, 1/l/I: read aloud or copied by hand without doubt.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
const GROUPS = 3;
const GROUP_LENGTH = 4;

/**
 * A password for one sign-in, which an administrator hands on and the user
 * replaces at once: three groups of four characters from a readable
 * alphabet (about 69 bits), drawn with node:crypto.
 */
export function generateOneTimePassword(): string {
  return Array.from({ length: GROUPS }, () => Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("")).join("-");
}
