import { describe, expect, it } from "vitest";
import { hrefWith } from "@/lib/href";

describe("hrefWith", () => {
  it("keeps the given params, drops empty ones and encodes values", () => {
    expect(hrefWith("/progress", { org: "o1", sort: undefined, q: "" })).toBe("/progress?org=o1");
    expect(hrefWith("/findings", { q: "三会一课 & 记录" })).toBe("/findings?q=%E4%B8%89%E4%BC%9A%E4%B8%80%E8%AF%BE+%26+%E8%AE%B0%E5%BD%95");
  });

  it("gives the bare path when nothing is left", () => {
    expect(hrefWith("/progress", { org: undefined })).toBe("/progress");
  });
});
