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
