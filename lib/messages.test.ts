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
});
