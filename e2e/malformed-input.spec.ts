import { expect, test } from "./fixtures";

const REFUSED_SEARCH = "搜索内容含有无法识别的字符（如空字符），未按此条件筛选。";

test.describe("a NUL byte or a malformed id in the address", () => {
  test("the lists with %00 in the search show the search box's message and the list, never the error page", async ({ page, signIn, expectAccessible }) => {
    await signIn("u01-secretary");

    const duties = await page.goto("/checklists?q=%E6%8D%A2%E5%B1%8A%00%E9%80%89%E4%B8%BE&status=open");
    expect(duties?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "我的职责" })).toBeVisible();
    await expect(page.getByLabel("搜索职责")).toHaveValue("换届选举");
    await expect(page.getByLabel("搜索职责")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(REFUSED_SEARCH)).toBeVisible();
    // The other filter still applies.
    await expect(page.locator("#filter-status")).toHaveValue("open");
    await expect(page.getByTestId("checklist-row").first()).toBeVisible();
    await expect(page.getByText("出错了")).toHaveCount(0);
    await expectAccessible(page);

    const orgId = await page.locator("#filter-org option").nth(1).getAttribute("value");
    expect(orgId).toMatch(/^\w+$/);
    const org = await page.goto(`/orgs/${orgId}?q=a%00b`);
    expect(org?.status()).toBe(200);
    await expect(page.getByLabel("搜索职责")).toHaveValue("ab");
    await expect(page.getByText(REFUSED_SEARCH)).toBeVisible();
    await expect(page.getByTestId("checklist-row").first()).toBeVisible();
    await expect(page.getByText("出错了")).toHaveCount(0);

    const ledger = await page.goto("/findings?q=%00");
    expect(ledger?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "整改台账" })).toBeVisible();
    await expect(page.getByLabel("问题描述")).toHaveValue("");
    await expect(page.getByText(REFUSED_SEARCH)).toBeVisible();
    await expect(page.getByText("出错了")).toHaveCount(0);
    await expectAccessible(page);

    // An export with such words, made by hand, says why it exports nothing.
    const exported = await page.request.get("/checklists/export?q=a%00b");
    expect(exported.status()).toBe(400);
    expect(await exported.text()).toBe(REFUSED_SEARCH);
  });

  test("an id route with a malformed or unknown id answers not found", async ({ page, signIn }) => {
    await signIn("admin");
    for (const path of [
      "/checklists/a%00b",
      "/orgs/a%00b",
      "/findings/a%00b",
      "/inspections/a%00b",
      "/inspections/reports/a%00b",
      "/catalogs/a%00b",
      "/catalogs/a%00b/edit",
      "/catalogs/cmbq8x2v40000abcd1234efgh",
      "/checklists/..%5C..%5Cetc",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "页面不存在" }), path).toBeVisible();
    }
    for (const path of ["/evidence/a%00b", "/catalogs/a%00b/export?format=json"]) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).toBe("您访问的页面不存在，或不在您的组织范围内。");
    }
    // A notice that cannot exist leads to the list of notices.
    await page.goto("/notifications/a%00b/open");
    await expect(page).toHaveURL(/\/notifications$/);
  });
});
