import crypto from "node:crypto";
import { Prisma } from "../../generated/prisma/client";

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

/** The same shape made by the database, for rows inserted by INSERT … SELECT. */
export const SQL_NEW_ID = Prisma.sql`'c' || substr(md5(gen_random_uuid()::text), 1, 24)`;
