// Determinism: a seeded PRNG for the rows made in Node, md5 of the seed and a row's key for the rows
// made in SQL, and ids built from the seed, a kind and a number. No Math.random, no clock.
import { Prisma } from "../../lib/generated/prisma/client";

/** mulberry32: a small, fast 32-bit PRNG; good enough for sample data, and the same on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = {
  /** In [0, 1). */
  next: () => number;
  /** An integer in [0, n). */
  int: (n: number) => number;
  pick: <T>(list: readonly T[]) => T;
  chance: (p: number) => boolean;
  /** One of the keys, with the probabilities given (they need not add up to 1). */
  weighted: <K extends string>(weights: Readonly<Record<K, number>>) => K;
};

/** A stream of its own per purpose, so that adding a stage does not shift the numbers of the others. */
export function rngFor(seed: number, purpose: string): Rng {
  let h = 2166136261 ^ seed;
  for (const ch of purpose) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  const next = mulberry32(h >>> 0);
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(list: readonly T[]): T => {
      const value = list[int(list.length)];
      if (value === undefined) throw new Error("pick from an empty list");
      return value;
    },
    chance: (p) => next() < p,
    weighted: <K extends string>(weights: Readonly<Record<K, number>>): K => {
      const entries = Object.entries(weights) as [K, number][];
      const total = entries.reduce((s, [, w]) => s + w, 0);
      let roll = next() * total;
      for (const [key, w] of entries) {
        roll -= w;
        if (roll < 0) return key;
      }
      return entries[entries.length - 1]![0];
    },
  };
}

/**
 * Ids that say where they came from: `g<seed>x<kind><number>` ("g1xo000123": organization 123 of seed 1),
 * the number zero-padded so that ids sort in creation order. Letters and digits only, like Prisma's
 * cuid(): some checks take ids as [a-z0-9] (the delegation target, the file storage's keys).
 */
export function benchId(seed: number, kind: string, n: number | string, width = 6): string {
  return `g${seed}x${kind}${typeof n === "number" ? String(n).padStart(width, "0") : n}`;
}

/** The marker of an id's kind, for SQL that derives one id from another (`replace(id, 'xo', 'xus')`): "x" appears nowhere else. */
export function idKind(kind: string): string {
  return `x${kind}`;
}

/**
 * A number in [0, 1) in SQL, from the seed and a row's key: the `slot`-th 32 bits (0-3) of
 * md5(seed:purpose:key). The same on PostgreSQL and PGlite, run after run.
 */
export function sqlFraction(seed: number, purpose: string, key: Prisma.Sql, slot = 0): Prisma.Sql {
  const start = slot * 8 + 1;
  return Prisma.sql`(('x' || substr(md5(${`${seed}:${purpose}:`}::text || ${key}), ${start}::int, 8))::bit(32)::bigint / 4294967296.0)`;
}

/** A Chinese personal name, the same for the same number. */
const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"];
const GIVEN = [
  "建国", "红梅", "伟", "洋", "静", "帆", "磊", "丽", "强", "敏", "涛", "芳", "骏", "琳", "斌", "婷", "海燕", "志刚", "晓东", "雪梅",
  "国庆", "玉兰", "文博", "思远", "立新", "春华", "秀英", "德明", "卫东", "桂芝", "振华", "晓燕", "明辉", "建军", "丽娟", "永强", "慧", "鹏", "宇", "欣怡",
];

export function personName(rng: Rng): string {
  return `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;
}

export { SURNAMES, GIVEN };
