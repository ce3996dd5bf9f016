import { expect, openAs, test } from "./fixtures";

test("a unit secretary hands a duty to a branch, which sees it and ticks it off; the unit still answers for it", async ({
  browser,
  page,
  signIn,
  expectAccessible,
}) => {
  await signIn("u03-secretary");
  // Main duties belong to the unit's party group itself.
  await page.goto("/checklists?kind=MAIN&status=NOT_STARTED");
  const row = page.getByTestId("checklist-row").first();
  const title = (await row.getByRole("link").textContent())?.trim() ?? "";
  await row.getByRole("link").click();
  await expect(page).toHaveURL(/\/checklists\/\w+$/);
  const itemUrl = page.url();

  const target = page.getByLabel("交办给");
  const branch = await target.locator('optgroup[label="下级组织"] option', { hasText: "省财政厅办公室党支部" }).getAttribute("value");
  expect(branch).toMatch(/^org:/);
  // Nothing chosen: refused in place.
  await page.getByRole("button", { name: "交办", exact: true }).click();
  // The refusal names the field in the alert and stands under the field.
  await expect(page.getByRole("alert").filter({ hasText: "“交办给”：请选择交办对象。" })).toBeVisible();
  await expect(page.getByText("请选择交办对象。", { exact: true })).toBeVisible();
  await target.selectOption(branch ?? "");
  await page.getByRole("button", { name: "交办", exact: true }).click();
  await expect(page.getByText("已交办给 省财政厅办公室党支部。")).toBeVisible();
  await expect(page.getByTestId("delegated-to")).toContainText("省财政厅办公室党支部");
  await expect(page.getByTestId("item-history")).toContainText("交办了此事项");
  await expectAccessible(page);

  // The branch secretary finds it among their duties and ticks it off.
  const { page: branchPage, close } = await openAs(browser, "u03-branch");
  await branchPage.goto("/checklists?status=delegated");
  await branchPage.getByRole("link", { name: title }).click();
  await expect(branchPage.getByText("上级交办")).toBeVisible();
  // A delegate works on the item but cannot pass it on.
  await expect(branchPage.getByRole("heading", { name: "交办" })).toHaveCount(0);
  await branchPage.getByRole("radio", { name: "文字" }).check();
  await branchPage.getByLabel("标题").fill("支部落实情况");
  await branchPage.getByLabel("内容").fill("支部已召开专题会议落实。");
  await branchPage.getByRole("button", { name: "添加", exact: true }).click();
  await expect(branchPage.getByText("已添加。")).toBeVisible();
  await branchPage.getByLabel("办理说明").fill("支部已按要求落实");
  await branchPage.getByRole("button", { name: "提交审核" }).click();
  await expect(branchPage.getByText(/已提交，等待.*审核。/)).toBeVisible();

  // The unit sees it submitted, by the branch.
  await page.goto(itemUrl);
  await expect(page.getByTestId("submitted-by")).toContainText("支书");
  await expect(page.getByText("支部已按要求落实", { exact: true })).toBeVisible();

  // Another unit's branch secretary still cannot open it.
  const { page: stranger, close: closeStranger } = await openAs(browser, "u02-branch");
  const response = await stranger.goto(itemUrl);
  expect(response?.status()).toBe(404);
  await closeStranger();
  await close();
});

test("a committee finds whom to hand a duty to among many organizations and people, by name or user name", async ({ page, signIn }) => {
  await signIn("wc-secretary");
  // Supervisory duties are the committee's own: every organization of the demo tree lies below it.
  await page.goto("/checklists?kind=SUPERVISORY&status=NOT_STARTED");
  await page.getByTestId("checklist-row").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/checklists\/\w+$/);

  const target = page.getByLabel("交办给");
  const search = page.getByRole("search", { name: "查找下级组织或人员" });
  await search.getByRole("searchbox").fill("省财政厅办公室");
  await search.getByRole("searchbox").press("Enter");
  await expect(target.locator("option", { hasText: "省教育厅" })).toHaveCount(0);
  const branch = target.locator('optgroup[label="下级组织"] option', { hasText: "省财政厅办公室党支部" });
  await expect(branch).toHaveCount(1);
  await target.selectOption((await branch.getAttribute("value")) ?? "");

  // A second search, for a person by user name, keeps the organization chosen.
  await search.getByRole("searchbox").fill("u03-branch");
  await search.getByRole("button", { name: "查找" }).click();
  await expect(target.locator('optgroup[label="人员"] option')).toHaveCount(1);
  await expect(target.locator('optgroup[label="下级组织"] option')).toHaveText(["省财政厅办公室党支部"]);
  await expect(target.locator("option:checked")).toHaveText("省财政厅办公室党支部");

  await page.getByRole("button", { name: "交办", exact: true }).click();
  await expect(page.getByTestId("delegated-to")).toContainText("省财政厅办公室党支部");
  await page.getByRole("button", { name: "收回交办" }).click();
  await expect(page.getByTestId("delegated-to")).toHaveCount(0);
});
