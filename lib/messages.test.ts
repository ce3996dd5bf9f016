import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [[prefix + key, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
}

const read = (locale: string) => JSON.parse(fs.readFileSync(path.resolve("messages", `${locale}.json`), "utf8")) as Tree;

describe("the message catalogs", () => {
  const zh = leaves(read("zh"));
  const en = leaves(read("en"));

  it("say the same things in Chinese and English", () => {
    const zhKeys = zh.map(([k]) => k).sort();
    const enKeys = en.map(([k]) => k).sort();
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
  });

  it("leave no message empty", () => {
    expect([...zh, ...en].filter(([, text]) => text.trim() === "").map(([k]) => k)).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    // The arguments at the top level only: inside a plural or select, braces hold words.
    const placeholders = (text: string) => {
      const names: string[] = [];
      let depth = 0;
      for (let i = 0; i < text.length; i += 1) {
        if (text[i] === "{") {
          if (depth === 0) names.push(/^\{(\w+)/.exec(text.slice(i))?.[1] ?? "");
          depth += 1;
        } else if (text[i] === "}") depth -= 1;
      }
      return names.sort();
    };
    const english = new Map(en);
    const differing = zh.filter(([key, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(english.get(key) ?? "")));
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  describe("speak plain official Chinese", () => {
    /** The words a reader sees: no ICU argument names, selector keys or rich-text tags. */
    const words = (text: string) =>
      text
        .replace(/<\/?\w+>/g, "")
        .replace(/\{\s*\w+\s*(?:,\s*\w+\s*,?)?/g, "{")
        .replace(/[=\w]+\s*\{/g, "{");

    it("leave developer words out", () => {
      const developerWords = [/\bsample\b/i, /\bseed\b/i, /种子/, /\bslug\b/i, /\bnull\b/i, /\bundefined\b/i, /\bNaN\b/];
      const found = zh.filter(([, text]) => developerWords.some((word) => word.test(words(text))));
      expect(found).toEqual([]);
    });

    it("use Latin letters only for names of formats, products and examples", () => {
      const allowed = new Set([
        ...["Excel", "WPS", "Word", "PDF", "PNG", "JPEG", "GIF", "WebP", "JSON", "YAML", "CSV", "xlsx", "xls", "et", "MB", "UTF"],
        ...["http", "https", "Ctrl", "Mac", "Efraimidis", "Spirakis", "u"],
        // Spreadsheet columns, and examples of what to type.
        ...["A", "B"],
        ...["jinan", "IDEOLOGY"],
      ]);
      const found = zh.flatMap(([key, text]) => (words(text).match(/[A-Za-z]+/g) ?? []).filter((word) => !allowed.has(word)).map((word) => `${key}: ${word}`));
      expect(found).toEqual([]);
    });

    it("count checklist items as 事项, not 职责", () => {
      // {items} and {newItems} count items; a list's duties are counted as {duties}.
      const counts = zh.flatMap(([key, text]) => [...text.matchAll(/\{(?:items|newItems)\}\s*项(\S{2})/g)].map((match) => `${key}: ${match[1]}`));
      expect(counts.length).toBeGreaterThan(0);
      expect(counts.filter((count) => !count.endsWith(": 事项"))).toEqual([]);
    });

    it("issue with one verb, 下发; 发布 only publishes a version of a list", () => {
      expect(zh.filter(([, text]) => /印发|签发|下达/.test(text))).toEqual([]);
      const listNamespaces = ["catalogs.", "editor.", "move.", "catalogFormat.", "catalogTemplate."];
      expect(zh.filter(([key, text]) => text.includes("发布") && !listNamespaces.some((ns) => key.startsWith(ns)))).toEqual([]);
    });
  });
});
