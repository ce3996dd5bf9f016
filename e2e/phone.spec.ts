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
    ["/findings", "整改台账"],
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

test("on a phone, my duties open on the first duty, with the filters folded behind one button that counts them", async ({ page, signIn, expectAccessible }) => {
  // A unit secretary: the widest summary and the most filters above the list.
  await signIn("u01-secretary");
  await page.goto("/checklists");
  await expect(page.getByRole("heading", { level: 1, name: "我的职责" })).toBeVisible();
  // The first duty's title, whole, without scrolling.
  await expect(page.getByTestId("checklist-row").first().getByRole("link")).toBeInViewport({ ratio: 1 });
  const filters = page.getByRole("search", { name: "筛选条件" });
  await expect(filters).toBeHidden();
  await expectFitsScreen(page);
  await expectAccessible(page);

  // By keyboard: unfold, choose, apply; the button then counts the filter and the list still comes first.
  const toggle = page.getByRole("button", { name: "筛选", exact: true });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(filters).toBeVisible();
  await expect(page.getByRole("button", { name: "收起筛选" })).toHaveAttribute("aria-expanded", "true");
  await page.getByLabel("责任类别").selectOption("MAIN");
  await filters.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page).toHaveURL(/kind=MAIN/);
  await expect(page.getByRole("button", { name: "筛选（1）" })).toHaveAttribute("aria-expanded", "false");
  await expect(filters).toBeHidden();
  await expect(page.getByTestId("checklist-row").first().getByRole("link")).toBeInViewport({ ratio: 1 });
});

test("on a phone, the review queue folds its filters too", async ({ page, signIn }) => {
  await signIn("u02-staff");
  await page.goto("/reviews?kind=IMPLEMENTING");
  await expect(page.getByRole("heading", { level: 1, name: "待审核" })).toBeVisible();
  const queueFilters = page.getByRole("search", { name: "筛选待审核事项" });
  await expect(queueFilters).toBeHidden();
  await page.getByRole("button", { name: "筛选（1）" }).click();
  await expect(queueFilters.getByLabel("责任类别")).toHaveValue("IMPLEMENTING");
  await expectFitsScreen(page);
});

test("on a phone, the rectification ledger folds its filters too", async ({ page, signIn }) => {
  await signIn("supervisor");
  await page.goto("/findings");
  await expect(page.getByRole("heading", { level: 1, name: "整改台账" })).toBeVisible();
  const ledgerFilters = page.getByRole("search");
  await expect(ledgerFilters).toBeHidden();
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(ledgerFilters).toBeVisible();
  await expectFitsScreen(page);
});

test("on a phone, the progress table keeps the organization and overdue columns in view", async ({ page, signIn, expectAccessible }) => {
  await signIn("supervisor");
  await page.goto("/progress");
  await expect(page.getByRole("heading", { level: 1, name: "进度总览" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /^组织/ })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole("columnheader", { name: /^逾期/ })).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId("progress-overdue").first()).toBeInViewport({ ratio: 1 });
  await expectFitsScreen(page);

  // Scrolled sideways, the organization stays put.
  const frame = page.locator("main table").locator("xpath=..");
  await frame.evaluate((el) => el.scrollBy({ left: 400 }));
  expect(await frame.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await expect(page.getByTestId("progress-row").first().getByRole("rowheader")).toBeInViewport({ ratio: 1 });
  await expectAccessible(page);
});
