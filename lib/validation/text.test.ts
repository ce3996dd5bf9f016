import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ZSignIn } from "@/lib/validation/auth";
import { ZCatalogDraft, ZDutyForm, ZNewCatalog, EMPTY_DUTY } from "@/lib/validation/catalog-editor";
import { ZCatalogFile } from "@/lib/validation/catalog-file";
import { ZApproveItem, ZChecklistFilters, ZRequestNotApplicable, ZReturnItem, ZSubmitItem } from "@/lib/validation/checklists";
import { ZAddEvidence, ZUploadTitle } from "@/lib/validation/evidence";
import { ZFindingCategoryFields } from "@/lib/validation/finding-categories";
import { ZAddendum, ZCreateRound, ZFindingProgress, ZReopenFinding, ZRespond, ZReturnRectification, ZSaveFinding, ZSaveRectification, ZSaveReport } from "@/lib/validation/inspections";
import { readSearchParams } from "@/lib/validation/search-params";
import { isId, MALFORMED_ID, storableText, UNSTORABLE_TEXT, ZId, zRequiredText, zSearchWords, zText } from "@/lib/validation/text";

const CUID = "cmbq8x2v40000abcd1234efgh";
const HOSTILE_TEXT = ["a\u0000b", "\u0000", "  \u0000  ", "会议\u0000纪要", "a\uD800b", "\uDC00"];

function messagesAt(schema: z.ZodType, input: unknown, field: string): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.filter((issue) => issue.path.join(".") === field).map((issue) => issue.message);
}

describe("zText", () => {
  it("keeps what people type, line breaks and tabs included", () => {
    for (const text of ["会议纪要", "第一条\n第二条", "a\tb", "emoji 😀", "  trimmed  "]) {
      expect(zText(100).parse(text)).toBe(text.trim());
    }
  });

  it.each(HOSTILE_TEXT)("refuses %j, which PostgreSQL cannot store", (text) => {
    expect(zText(100).safeParse(text).error?.issues.map((i) => i.message)).toEqual([UNSTORABLE_TEXT]);
    expect(zRequiredText(100).safeParse(text).error?.issues.map((i) => i.message)).toContain(UNSTORABLE_TEXT);
  });

  it("still says required and too long", () => {
    expect(zRequiredText(5).safeParse("   ").error?.issues.map((i) => i.message)).toEqual(["required"]);
    expect(zText(5).safeParse("123456").error?.issues.map((i) => i.message)).toEqual(["tooLong"]);
  });
});

describe("the text fields of every form refuse a NUL", () => {
  const item = { itemId: CUID, expectedVersion: 1 };
  const finding = { findingId: CUID, expectedVersion: 1 };
  const duty = { ...EMPTY_DUTY, code: "01", title: "职责" };
  const file = {
    key: "a-list",
    title: "清单",
    issuer: "机关工委",
    source: "sample",
    version: 1,
    duties: [{ code: "01", title: "职责", kind: "MAIN", bodyType: "PARTY_GROUP", frequency: "YEARLY" }],
  };
  const cases: [string, z.ZodType, Record<string, unknown>, string][] = [
    ["a submission note", ZSubmitItem, { ...item, note: "" }, "note"],
    ["a not-applicable reason", ZRequestNotApplicable, { ...item, reason: "不适用" }, "reason"],
    ["an approval comment", ZApproveItem, { ...item, comment: "" }, "comment"],
    ["a return comment", ZReturnItem, { ...item, comment: "请补充" }, "comment"],
    ["a text evidence title", ZAddEvidence, { ...item, kind: "TEXT", title: "标题", text: "内容" }, "title"],
    ["a text evidence body", ZAddEvidence, { ...item, kind: "TEXT", title: "标题", text: "内容" }, "text"],
    ["a link evidence address", ZAddEvidence, { ...item, kind: "LINK", title: "标题", url: "https://example.org/a" }, "url"],
    ["an upload title", ZUploadTitle, {}, ""],
    ["a finding description", ZSaveFinding, { reportId: CUID, description: "问题", categoryId: "fcat-theory", severity: "LOW" }, "description"],
    ["a report summary", ZSaveReport, { reportId: CUID, expectedVersion: 1, summary: "", inspectorIds: [] }, "summary"],
    ["an addendum", ZAddendum, { reportId: CUID, text: "补充" }, "text"],
    ["a response", ZRespond, { reportId: CUID, response: "回复" }, "response"],
    ["rectification measures", ZSaveRectification, { ...finding, measures: "措施", ownerId: CUID }, "measures"],
    ["progress", ZFindingProgress, { ...finding, text: "进展" }, "text"],
    ["a returned close-out", ZReturnRectification, { ...finding, comment: "退回" }, "comment"],
    ["a reopening reason", ZReopenFinding, { ...finding, reason: "重新打开" }, "reason"],
    [
      "a round title",
      ZCreateRound,
      { title: "督查", type: "ROUTINE", scopeOrgId: CUID, startsOn: "2026-01-01", endsOn: "2026-01-02", memberIds: [CUID], mode: "pick", orgIds: [CUID] },
      "title",
    ],
    ["a duty title in the editor", ZDutyForm, duty, "title"],
    ["a duty description in the editor", ZDutyForm, duty, "description"],
    ["a list's source in the editor", ZCatalogDraft, { versionId: CUID, source: "来源", sourceNote: "", duties: [duty] }, "sourceNote"],
    ["a new list's title", ZNewCatalog, { key: "a-list", title: "清单", issuer: "机关工委" }, "title"],
    ["a category name", ZFindingCategoryFields, { name: "类别", nameEn: "", sortOrder: 1 }, "name"],
    ["a list file's title", ZCatalogFile, file, "title"],
    ["a list file's duty title", ZCatalogFile, { ...file, duties: [{ ...file.duties[0], title: "职责" }] }, "duties.0.title"],
    ["a user name at sign-in", ZSignIn, { username: "u01-secretary", password: "x" }, "username"],
  ];

  it.each(cases)("%s", (_name, schema, valid, field) => {
    const withText = (text: string): unknown => {
      if (field === "") return text;
      const copy = structuredClone(valid);
      const path = field.split(".");
      let node: Record<string, unknown> = copy;
      for (const part of path.slice(0, -1)) node = node[part] as Record<string, unknown>;
      node[path.at(-1) ?? ""] = text;
      return copy;
    };
    expect(schema.safeParse(field === "" ? "标题" : valid).success).toBe(true);
    expect(messagesAt(schema, withText("正文\u0000正文"), field)[0]).toBe(UNSTORABLE_TEXT);
  });
});

describe("ids", () => {
  it("takes cuids and the fixed keys migrations seed", () => {
    expect(isId(CUID)).toBe(true);
    expect(isId("fcat-theory")).toBe(true);
    expect(ZId.parse(CUID)).toBe(CUID);
  });

  it.each(["a\u0000b", "\u0000", "../etc", "a b", "a/b", "%00", "-lead", "ｃ123", "x".repeat(65), "c\uD800"])("refuses %j before it reaches a query", (id) => {
    expect(isId(id)).toBe(false);
    expect(ZId.safeParse(id).error?.issues.map((i) => i.message)).toEqual([MALFORMED_ID]);
  });

  it("says required for an empty id, as a select left on its placeholder", () => {
    expect(ZId.safeParse("").error?.issues.map((i) => i.message)).toEqual(["required"]);
  });
});

describe("search params", () => {
  it("refuse search words PostgreSQL cannot take, keep the other filters and show the words again without them", () => {
    const raw = { q: "会议\u0000纪要", status: "open", kind: "MAIN", org: CUID };
    const { values, errors } = readSearchParams(ZChecklistFilters, raw);
    expect(values.q).toBeUndefined();
    expect(values).toMatchObject({ status: "open", kind: "MAIN", org: CUID, page: 1 });
    expect(errors).toEqual({ q: UNSTORABLE_TEXT });
    expect(storableText(raw.q)).toBe("会议纪要");
  });

  it("ignore a malformed id or value in a filter without an error", () => {
    const { values, errors } = readSearchParams(ZChecklistFilters, { org: "a\u0000b", period: "../x", owner: "\u0000", status: "\u0000", page: "\u0000" });
    expect(values).toMatchObject({ org: undefined, period: undefined, owner: undefined, status: undefined, page: 1 });
    expect(errors).toEqual({});
  });

  it("read good search words as before", () => {
    expect(readSearchParams(ZChecklistFilters, { q: "  换届  " })).toEqual({ values: expect.objectContaining({ q: "换届" }), errors: {} });
    expect(zSearchWords(3).parse("一二三四")).toBe("一二三");
    expect(zSearchWords(3).parse("   ")).toBeUndefined();
    expect(zSearchWords(3).parse(["a", "b"])).toBeUndefined();
  });
});
