import crypto from "node:crypto";

/**
 * An id of the same shape as Prisma's cuid() (25 lowercase letters and
 * digits, starting with "c"), for rows inserted with raw SQL in bulk.
 */
export function newId(): string {
  const bytes = crypto.randomBytes(24);
  let id = "c";
  for (const byte of bytes) id += (byte % 36).toString(36);
  return id;
}
