import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

// Every search by words reads through here: a contains-match that ignores
// case, with LIKE's wildcards in what was typed matching themselves (Prisma
// passes `%` and `_` through to LIKE). The trigram indexes of the
// trigram_search migration serve these matches (three characters or more).

/** What was typed, with `%`, `_` and the escape character escaped for LIKE. */
export function escapeLike(words: string): string {
  return words.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A raw ILIKE pattern: the words anywhere in the text. */
export function likePattern(words: string): string {
  return `%${escapeLike(words)}%`;
}

/** A Prisma string filter: the text contains the words, whatever their case. */
export function containsWords(words: string): Prisma.StringFilter {
  return { contains: escapeLike(words), mode: "insensitive" };
}

/** Organizations whose name, English name or code contains the words; all of them without words. */
export function orgMatching(words: string | undefined): Prisma.OrgWhereInput {
  if (!words) return {};
  const match = containsWords(words);
  return { OR: [{ name: match }, { nameEn: match }, { code: match }] };
}

/** People whose name or user name contains the words; all of them without words. */
export function personMatching(words: string | undefined): Prisma.UserWhereInput {
  if (!words) return {};
  const match = containsWords(words);
  return { OR: [{ name: match }, { username: match }] };
}

/** personMatching in raw SQL, over the "User" table as `user`: a condition to AND with others. */
export function personMatchingSql(words: string | undefined, user: Prisma.Sql): Prisma.Sql {
  if (!words) return Prisma.sql`TRUE`;
  const pattern = likePattern(words);
  return Prisma.sql`(${user}."name" ILIKE ${pattern} OR ${user}."username" ILIKE ${pattern})`;
}
