import { describe, expect, it } from "vitest";
import { randomKeyNonce, suggestCatalogKey } from "@/lib/catalogs/catalog-key";
import { ZNewCatalog } from "@/lib/validation/catalog-editor";

const options = { year: 2026, nonce: "3f9a" };
const isValidKey = (key: string) => ZNewCatalog.shape.key.safeParse(key).success;

describe("suggesting a list's key from its name", () => {
  it("takes the Latin part of the name", () => {
    expect(suggestCatalogKey("Jinan 2026 机关党建责任清单", options)).toBe("jinan-2026");
    expect(suggestCatalogKey("济南市 Jinan-Party Group List", options)).toBe("jinan-party-group-list");
    // Full-width letters and digits, as a Chinese input method types them.
    expect(suggestCatalogKey("Ｊｉｎａｎ２０２６清单", options)).toBe("jinan2026");
  });

  it("makes one from the year and a short code when the name is Chinese only", () => {
    expect(suggestCatalogKey("2025年度机关党建责任清单", options)).toBe("list-2025-3f9a");
    expect(suggestCatalogKey("２０２４年党支部工作清单", options)).toBe("list-2024-3f9a");
    expect(suggestCatalogKey("机关党委工作职责清单", options)).toBe("list-2026-3f9a");
    expect(suggestCatalogKey("", options)).toBe("list-2026-3f9a");
    // Digits alone, or one stray letter, do not make a key.
    expect(suggestCatalogKey("第3批清单", options)).toBe("list-2026-3f9a");
    expect(suggestCatalogKey("A类清单", options)).toBe("list-2026-3f9a");
  });

  it("always suggests a key the form accepts", () => {
    const names = [
      "Jinan 2026",
      "2026年度机关党建责任清单",
      "x".repeat(100),
      `${"ab ".repeat(40)}清单`,
      "——清单——",
      "A",
      "ÀÉÎ 清单",
      "党组（党委）主体责任清单（2026）",
    ];
    for (const name of names) {
      const key = suggestCatalogKey(name, { year: 2026, nonce: randomKeyNonce() });
      expect(isValidKey(key), `${name} → ${key}`).toBe(true);
    }
  });

  it("gives Chinese-only names of the same year different keys", () => {
    const keys = new Set(Array.from({ length: 20 }, () => suggestCatalogKey("责任清单", { year: 2026, nonce: randomKeyNonce() })));
    expect(keys.size).toBeGreaterThan(15);
  });
});
