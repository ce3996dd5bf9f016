// The JavaScript a page makes the browser download on first load: the page's HTML as its user gets
// it, every `<script src>` in it, each fetched once and gzip-compressed here (level 6, what the
// server's compression sends), summed. `noModule` scripts (Next.js's polyfills for browsers without
// ES modules) are left out: a browser that runs modules neither runs nor downloads them.
import zlib from "node:zlib";

export type FirstLoad = { scripts: number; rawBytes: number; gzipBytes: number };

const cache = new Map<string, { raw: number; gzip: number }>();

export async function firstLoadJs(base: string, pagePath: string, cookie: string): Promise<FirstLoad> {
  const page = await fetch(`${base}${pagePath}`, { headers: { Cookie: cookie }, redirect: "follow" });
  const html = await page.text();
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\snoModule\b/i.test(tag));
  const sources = [...new Set(tags.flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]?.replace(/&amp;/g, "&") ?? []))];
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const src of sources) {
    const url = new URL(src, base).href;
    let sizes = cache.get(url);
    if (!sizes) {
      const body = Buffer.from(await (await fetch(url)).arrayBuffer());
      sizes = { raw: body.length, gzip: zlib.gzipSync(body, { level: 6 }).length };
      cache.set(url, sizes);
    }
    rawBytes += sizes.raw;
    gzipBytes += sizes.gzip;
  }
  return { scripts: sources.length, rawBytes, gzipBytes };
}
