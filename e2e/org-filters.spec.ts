import { expect, test } from "./fixtures";

// Every organization filter of a list finds organizations by name or code when the scope holds more
// than the select lists (OrgFilter, findOrgOptions): the words are kept in their box, the select lists
// what they found, and an organization chosen stays listed once the words are gone.
const LISTS = [
  { path: "/reviews", select: "#review-org" },
  { path: "/findings", select: "#ledger-org" },
  { path: "/terms", select: "#terms-filter-org" },
  { path: "/terms/talks", select: "#talks-filter-org" },
  { path: "/terms/heads", select: "#heads-filter-org" },
];
const WORDS = "交通运输厅离退休干部第二";
const FOUND = "省交通运输厅离退休干部第二党支部";

for (const list of LISTS) {
  test(`${list.path}: the organization filter finds an organization by name and keeps the one chosen`, async ({ page, signIn, expectAccessible }) => {
    await signIn("wc-secretary");
    await page.goto(`${list.path}?orgq=${encodeURIComponent(WORDS)}`);
    const search = page.locator(`${list.select}q`);
    await expect(search).toHaveValue(WORDS);
    await expect(page.getByLabel("查找组织")).toHaveValue(WORDS);
    const select = page.locator(list.select);
    const options = select.locator("option");
    await expect(options).toHaveCount(2);
    await expect(options.nth(1)).toHaveText(FOUND);
    await expectAccessible(page);

    await select.selectOption({ label: FOUND });
    await search.fill("");
    await search.press("Enter");
    await expect(page).toHaveURL(/[?&]org=\w+/);
    await expect(select.locator("option:checked")).toHaveText(new RegExp(FOUND));
  });
}

// The forms that act on an organization find it the same way: assigning a list (OrgPicker on
// findCatalogOrgs) and moving a list's assignments to a version (OrgFilter on the move page).
const BRANCH_LIST = "机关党支部“五个基本”责任清单（示例）";

test("assigning a list: the scope picker finds a branch by name, keeps the organization chosen, and previews the branch alone", async ({ page, signIn, expectAccessible }) => {
  await signIn("admin");
  await page.goto("/catalogs");
  await page
    .getByTestId("catalog-card")
    .filter({ has: page.getByRole("heading", { name: BRANCH_LIST }) })
    .getByRole("listitem")
    .filter({ hasText: "已发布" })
    .getByRole("link")
    .click();
  const scope = page.getByLabel("下发范围");
  const first = await scope.locator("option:checked").textContent();
  const search = page.getByRole("search").first().getByLabel("查找组织");
  await search.fill(WORDS);
  await search.press("Enter");
  // What was chosen stays listed (and chosen) beside what the search found.
  await expect(scope.locator("option")).toHaveCount(2);
  await expect(scope.locator("option:checked")).toHaveText(first ?? "");
  await expect(scope.locator("option", { hasText: FOUND })).toHaveCount(1);
  await expect(page).toHaveURL(/\/catalogs\/\w+$/);
  await expectAccessible(page);

  await scope.selectOption({ label: (await scope.locator("option", { hasText: FOUND }).textContent()) ?? "" });
  await page.getByRole("checkbox", { name: "党支部" }).check();
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByTestId("assign-plan")).toContainText(/将下发到 1 个组织，共 \d+ 项事项/);
});

test("moving assignments to a version: the organization select finds a branch by name", async ({ page, signIn }) => {
  await signIn("admin");
  await page.goto("/catalogs");
  await page
    .getByTestId("catalog-card")
    .filter({ has: page.getByRole("heading", { name: BRANCH_LIST }) })
    .getByRole("listitem")
    .filter({ hasText: "已发布" })
    .getByRole("link")
    .click();
  await expect(page.getByRole("heading", { level: 1, name: BRANCH_LIST })).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}/move?orgq=${encodeURIComponent(WORDS)}`);
  await expect(page.locator("#move-orgq")).toHaveValue(WORDS);
  const select = page.locator("#move-org");
  await expect(select.locator("option")).toHaveCount(1);
  await expect(select.locator("option")).toHaveText(FOUND);
});

test("a new round: the organizations picked by hand stay picked through a search that finds one more, and the round covers both", async ({ page, signIn, expectAccessible }) => {
  const title = `抽查 ${Date.now()}`;
  await signIn("inspector");
  await page.goto("/inspections/new");
  await page.getByLabel("督查名称").fill(title);
  await page.getByLabel("指定单位").check();
  const orgs = page.getByLabel("选择单位");
  const first = (await orgs.locator("option", { hasText: "省财政厅党组" }).first().textContent()) ?? "";
  await orgs.selectOption({ label: first });

  // The pickers in order: the round's scope, then the organizations picked by hand.
  const search = page.getByRole("search").nth(1).getByLabel("查找组织");
  await search.fill(WORDS);
  await search.press("Enter");
  await expect(orgs.locator("option")).toHaveCount(2);
  await expect(orgs.locator("option:checked")).toHaveText(first);
  await expectAccessible(page);
  await orgs.selectOption([{ label: first }, { label: (await orgs.locator("option", { hasText: FOUND }).textContent()) ?? "" }]);

  await page.getByRole("button", { name: "创建督查" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(FOUND)).toBeVisible();
  await expect(page.getByText("省财政厅党组").first()).toBeVisible();
});
