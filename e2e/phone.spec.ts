import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

/** Wide tables scroll inside their frame; the page itself never scrolls sideways. */
async function expectFitsScreen(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, page.url()).toBeLessThanOrEqual(0);
}

test("on a phone, the supervisor's progress, analysis, ledger, round and report pages fit the screen", async ({ page, signIn }) => {
  await signIn("supervisor");
  for (const [path, heading] of [
    ["/progress", "进度总览"],
    ["/inspections/analysis", "督查问题分析"],
    ["/rectification", "整改台账"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectFitsScreen(page);
  }

  await page.goto("/inspections");
  await page.locator("main table a").first().click();
  await expect(page.getByTestId("round-report").first()).toBeVisible();
  await expectFitsScreen(page);
  await page.getByTestId("round-report").first().getByRole("link").first().click();
  await expect(page.getByRole("article")).toBeVisible();
  await expectFitsScreen(page);
});
