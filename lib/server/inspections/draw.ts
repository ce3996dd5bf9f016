import { z } from "zod";
import type { OrgType } from "@/lib/generated/prisma/enums";

// No "server-only" and no Node imports: the draw is plain arithmetic, so a
// script, a test or an auditor's own copy can recompute it anywhere.

/**
 * The random spot-check draw (随机抽查), made so that anyone can check it
 * afterwards.
 *
 * A draw is a rule (the subtree, the organization types, the sample size and
 * a weighting), the pool the rule gave on the day (every candidate with its
 * weight, in a stable order: see `buildPool` in draw-pool.ts), a seed, and
 * the organizations picked. The pick is a pure function of pool, size and
 * seed, so the stored record proves itself: `verifyDraw` recomputes it.
 *
 * The sampling is weighted sampling without replacement after Efraimidis and
 * Spirakis (2006): each candidate i, in pool order, takes the next number u_i
 * in (0, 1) from a PRNG seeded by a hash of the seed, gets the key
 * u_i^(1/w_i), and the `size` largest keys win, largest first. With equal
 * weights every subset of that size is equally likely; a candidate of weight
 * 3 is about three times as likely as one of weight 1 to be the first pick.
 * Keys are compared as ln(u_i)/w_i, which orders the same and does not
 * underflow for large weights; equal keys keep pool order. Candidates whose
 * weight is not a positive finite number are never picked.
 *
 * The PRNG is sfc32 seeded with cyrb128(seed): both are short, public,
 * integer-only algorithms, so every JavaScript engine gives the same numbers.
 */
export const DRAW_WEIGHTINGS = ["NONE", "LONGEST_UNINSPECTED", "MOST_OPEN_FINDINGS", "LOWEST_GRADE"] as const;
export type DrawWeighting = (typeof DRAW_WEIGHTINGS)[number];

export type DrawRule = { rootOrgId: string; orgTypes: OrgType[]; size: number; weighting: DrawWeighting };
export type PoolEntry = { orgId: string; weight: number };
export type DrawRecord = { seed: string; rule: DrawRule; pool: PoolEntry[]; picked: string[] };

/** A fresh seed: 12 hex characters (48 random bits), short enough to read out and type back. */
export function newSeed(): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** cyrb128: four 32-bit hashes of a string, to seed the PRNG. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32: a small, fast PRNG giving unsigned 32-bit integers. */
function sfc32([seedA, seedB, seedC, seedD]: [number, number, number, number]): () => number {
  let a = seedA;
  let b = seedB;
  let c = seedC;
  let d = seedD;
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

/** Uniform numbers strictly between 0 and 1, with 53 random bits each. */
function uniformStream(seed: string): () => number {
  const next = sfc32(cyrb128(seed));
  // Warm up: the first outputs of sfc32 still show the seed's structure.
  for (let i = 0; i < 12; i++) next();
  return () => {
    const high = next() >>> 5; // 27 bits
    const low = next() >>> 6; // 26 bits
    return (high * 67108864 + low + 0.5) / 9007199254740992;
  };
}

/**
 * The organizations drawn from `pool`, in draw order: `size` of them (the
 * whole eligible pool when it holds fewer). Pure: the same pool, size and
 * seed give the same ids in the same order.
 */
export function drawSample(pool: readonly PoolEntry[], size: number, seed: string): string[] {
  const uniform = uniformStream(seed);
  // Every entry consumes a number, eligible or not, so one entry's weight never shifts another's number.
  const keyed = pool.map((entry, index) => {
    const u = uniform();
    const eligible = Number.isFinite(entry.weight) && entry.weight > 0;
    return { orgId: entry.orgId, index, eligible, key: eligible ? Math.log(u) / entry.weight : -Infinity };
  });
  const count = Math.max(0, Math.floor(size));
  return keyed
    .filter((k) => k.eligible)
    .sort((x, y) => y.key - x.key || x.index - y.index)
    .slice(0, count)
    .map((k) => k.orgId);
}

/** Whether the record's picks are what its pool, size and seed give. */
export function verifyDraw(record: DrawRecord): boolean {
  const expected = drawSample(record.pool, record.rule.size, record.seed);
  return expected.length === record.picked.length && expected.every((id, i) => id === record.picked[i]);
}

const ZDrawRecord = z.object({
  seed: z.string(),
  rule: z.object({
    rootOrgId: z.string(),
    orgTypes: z.array(z.enum(["WORKING_COMMITTEE", "PARTY_GROUP", "ORGAN_PARTY_COMMITTEE", "GENERAL_BRANCH", "BRANCH"])),
    size: z.number().int().min(0),
    weighting: z.enum(DRAW_WEIGHTINGS),
  }),
  pool: z.array(z.object({ orgId: z.string(), weight: z.number() })),
  picked: z.array(z.string()),
});

/**
 * A stored `InspectionDraw` row (its JSON columns) as a `DrawRecord`, or
 * null when the stored JSON does not have the shape: a record that cannot be
 * read cannot be verified either.
 */
export function toDrawRecord(row: { seed: string; rule: unknown; pool: unknown; picked: unknown }): DrawRecord | null {
  const parsed = ZDrawRecord.safeParse({ seed: row.seed, rule: row.rule, pool: row.pool, picked: row.picked });
  return parsed.success ? parsed.data : null;
}
