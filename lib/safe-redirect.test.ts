import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/safe-redirect";

const ORIGIN = "https://ledger.example.org";

describe("safeRedirectPath", () => {
  it("keeps the app's own paths with their search and hash", () => {
    expect(safeRedirectPath("/checklists")).toBe("/checklists");
    expect(safeRedirectPath("/checklists/export?status=open#top")).toBe("/checklists/export?status=open#top");
    expect(safeRedirectPath("/findings?q=%E4%B8%89%E4%BC%9A")).toBe("/findings?q=%E4%B8%89%E4%BC%9A");
    expect(safeRedirectPath("/orgs/abc?q=a b")).toBe("/orgs/abc?q=a%20b");
    expect(safeRedirectPath("/%5Cevil.example/")).toBe("/%5Cevil.example/");
    expect(safeRedirectPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeRedirectPath("/login?callbackUrl=%2F%2Fevil.example")).toBe("/login?callbackUrl=%2F%2Fevil.example");
  });

  it("keeps an absolute URL on the given origin, as a path", () => {
    expect(safeRedirectPath(`${ORIGIN}/checklists?status=open`, ORIGIN)).toBe("/checklists?status=open");
    expect(safeRedirectPath(`${ORIGIN}`, ORIGIN)).toBe("/");
    expect(safeRedirectPath("/checklists", "http://127.0.0.1:3100")).toBe("/checklists");
  });

  const hostile = [
    // Another host, spelled as browsers read it.
    "//evil.example",
    "//evil.example/duties",
    "///evil.example",
    "/\\evil.example/",
    "\\\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    "/\t/evil.example",
    "/\t\\evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "\u0000//evil.example",
    "\u001f//evil.example",
    "/\u0009/evil.example",
    "/./\\evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "/checklists/..//evil.example",
    "/%2e//evil.example",
    // Another scheme or origin.
    "https://evil.example",
    "http://evil.example/duties",
    "https:\\\\evil.example",
    "HTTPS://evil.example",
    "ftp://evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    // Userinfo: the host is after the "@".
    `${ORIGIN}@evil.example/`,
    "https://ledger.example.org:443@evil.example/",
    "//ledger.example.org@evil.example",
    "/\\ledger.example.org@evil.example",
    // Our own origin on another scheme or port.
    "http://ledger.example.org/duties",
    "https://ledger.example.org:8443/duties",
  ];

  it.each(hostile)("refuses %j", (target) => {
    expect(safeRedirectPath(target, ORIGIN)).toBe("/");
    expect(safeRedirectPath(target)).toBe("/");
  });

  it("reads a same-scheme URL without slashes as a path, as browsers do", () => {
    expect(safeRedirectPath("https:evil.example", ORIGIN)).toBe("/evil.example");
    expect(safeRedirectPath("https:/evil.example", ORIGIN)).toBe("/evil.example");
    expect(safeRedirectPath("https:evil.example")).toBe("/");
  });

  it("never answers with something a browser would read as another host", () => {
    const prefixes = ["/", "//", "/\\", "\\", "/\t", "/./", "/../"];
    for (const prefix of prefixes) {
      for (const host of ["evil.example", "\\evil.example", "/evil.example", "%5Cevil.example"]) {
        const out = safeRedirectPath(prefix + host, ORIGIN);
        expect(out.startsWith("/")).toBe(true);
        expect(new URL(out, ORIGIN).origin).toBe(ORIGIN);
      }
    }
  });

  it("answers the home page for nothing usable", () => {
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath("")).toBe("/");
    expect(safeRedirectPath(["/checklists"])).toBe("/");
    expect(safeRedirectPath("/checklists", "not an origin")).toBe("/");
    expect(safeRedirectPath("http://[::1")).toBe("/");
  });
});
