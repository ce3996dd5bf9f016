import { describe, expect, it } from "vitest";
import { readTourSheet, tourSheetTemplate } from "@/lib/inspections/tour-sheet";

describe("the tour problem sheet", () => {
  it("reads back its own template: the header and the example row", async () => {
    const example = { orgCode: "U01", text: "学习流于形式", category: "理论学习", severity: "较重", deadline: "2026/12/31" };
    const read = await readTourSheet(new Uint8Array(await tourSheetTemplate(example)));
    expect(read).toEqual({ rows: [{ row: 2, ...example, deadline: "2026-12-31" }], problems: [] });
  });

  it("refuses a file past the limit and a sheet without problems", async () => {
    expect((await readTourSheet(new Uint8Array(3 * 1024 * 1024))).problems).toEqual([{ code: "tooLarge", params: { max: 2 } }]);
    const empty = await tourSheetTemplate({ orgCode: "", text: "", category: "", severity: "", deadline: "" });
    expect((await readTourSheet(new Uint8Array(empty))).problems).toEqual([{ code: "noRows" }]);
  });
});
