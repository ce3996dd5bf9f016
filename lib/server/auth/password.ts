import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 passes), as OWASP recommends.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this when the user does not exist keeps the time of a
// failed sign-in the same whether or not the username is known.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$zW9vuTTbHMnO32xtB45lJg$QXw6/h52Tk/EmprC+UAUs4K0QaY2Oa7p5hyqAF4DKkw";

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return passwordHash !== null && ok;
  } catch {
    return false;
  }
}
