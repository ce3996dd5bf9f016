import { describe, expect, it } from "vitest";
import { noticePlaceParam, ZNotificationQuery } from "./notifications";

describe("the notices page's search params", () => {
  it("reads back the notice a page starts next to, to the millisecond", () => {
    const notice = { createdAt: new Date("2026-11-30T08:15:42.123Z"), id: "cmxb9z9hx00031d7ds0mhrxi1" };
    expect(noticePlaceParam(notice)).toBe(`${Date.UTC(2026, 10, 30, 8, 15, 42, 123)}.cmxb9z9hx00031d7ds0mhrxi1`);
    expect(ZNotificationQuery.parse({ older: noticePlaceParam(notice), unread: "1" })).toEqual({ unread: "1", older: notice });
    expect(ZNotificationQuery.parse({ newer: noticePlaceParam(notice) }).newer).toStrictEqual(notice);
  });

  it("falls back to the first page on a place it cannot read", () => {
    for (const bad of ["", "abc", "12.", ".ck1", "12.ck-1", "1.2.3", "9".repeat(16) + ".ck1", ["1.ck1", "2.ck2"]]) {
      expect(ZNotificationQuery.parse({ older: bad, newer: bad }), String(bad)).toEqual({});
    }
  });
});
