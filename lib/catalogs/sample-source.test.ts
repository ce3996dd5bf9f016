import { describe, expect, it } from "vitest";
import { displaySource, isSampleSource, SAMPLE_SOURCE } from "@/lib/catalogs/sample-source";

describe("a sample list's source", () => {
  it("is 示例, or sample as older files say", () => {
    expect(SAMPLE_SOURCE).toBe("示例");
    for (const source of ["示例", " 示例 ", "sample", "Sample", "ＳＡＭＰＬＥ"]) expect(isSampleSource(source), source).toBe(true);
    for (const source of ["鲁机工〔2020〕3号", "示例清单", "samples", ""]) expect(isSampleSource(source), source).toBe(false);
  });

  it("reads in Chinese wherever it is shown, and any other source as it is", () => {
    expect(displaySource("sample")).toBe("示例");
    expect(displaySource("鲁机工〔2020〕3号")).toBe("鲁机工〔2020〕3号");
  });
});
