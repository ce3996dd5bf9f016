import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo#2026";

/** Signs in through next-auth's credentials endpoint; the browser context keeps the session cookie. */
async function signInByRequest(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { username, password, csrfToken, json: "true", callbackUrl: "/" },
  });
  expect(response.ok()).toBe(true);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith("next-auth.session-token")), `signed in as ${username}`).toBe(true);
}

/** A second person at another browser: a fresh context signed in as `username`. */
export async function openAs(browser: Browser, username: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInByRequest(page, username);
  return { page, close: () => context.close() };
}

/** The catalogs' top-level namespaces: next-intl shows a missing message as "namespace.key". */
const NAMESPACES = Object.keys(JSON.parse(fs.readFileSync(path.resolve("messages/zh.json"), "utf8")) as Record<string, unknown>);
const MISSING_MESSAGE = new RegExp(`\\b(?:${NAMESPACES.join("|")})\\.[A-Za-z_]+(?:\\.[A-Za-z_]+)*\\b`);

/** Fails when the page shows a message key instead of its text. */
export async function expectNoMissingMessages(page: Page): Promise<void> {
  const text = await page.locator("body").innerText();
  expect(MISSING_MESSAGE.exec(text)?.[0] ?? null, "a message key shown instead of its text").toBeNull();
}

type Fixtures = {
  signIn: (username: string) => Promise<void>;
  expectAccessible: (page: Page) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  signIn: async ({ page }, use) => {
    await use((username) => signInByRequest(page, username));
  },
  expectAccessible: async ({}, use) => {
    await use(async (page) => {
      // Metadata is streamed after the body: wait for the title instead of
      // catching the page between its content and its <title>.
      await expect(page).toHaveTitle(/\S/);
      await expectNoMissingMessages(page);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
    });
  },
});

export { expect };

/** "已完成 12 / 40 项（30%）" → 12 */
export async function doneCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("progress-text").textContent()) ?? "";
  const match = /(\d+)\s*\/\s*(\d+)/.exec(text);
  if (!match) throw new Error(`no progress in "${text}"`);
  return Number(match[1]);
}
