import { expect, test } from "./fixtures";

// The organization tree (机构管理): browse and search it, add an organization, edit it, close it with its plan first.

test.describe("the organization tree", () => {
  test("an administrator opens the tree by keyboard, adds a branch under an organ party committee, renames it and closes it", async ({
    page,
    signIn,
    expectAccessible,
  }) => {
    const code = `U05-B${Date.now().toString(36).slice(-4)}`;
    await signIn("admin");
    await page.goto("/admin/orgs");
    await expect(page.getByRole("heading", { level: 1, name: "组织机构" })).toBeVisible();

    // The tree opens a level at a time, by keyboard.
    const root = page.getByRole("button", { name: /^展开省直机关工委/ });
    await root.focus();
    await page.keyboard.press("Enter");
    // Opened, the same button now collapses it.
    await expect(page.getByRole("button", { name: "收起省直机关工委（示例）" })).toHaveAttribute("aria-expanded", "true");
    const unit = page.getByRole("button", { name: /^展开省自然资源厅党组/ });
    await unit.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("link", { name: "省自然资源厅机关党委" })).toBeVisible();
    await expectAccessible(page);

    // Found by code; its page offers an organization below it.
    await page.getByRole("searchbox", { name: "查找组织" }).fill("U05-OPC");
    await page.getByRole("button", { name: "查找" }).click();
    await expect(page.getByRole("status").filter({ hasText: "共找到 1 个组织" })).toBeVisible();
    await page.getByRole("link", { name: "省自然资源厅机关党委" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "省自然资源厅机关党委" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "新增下级组织" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "新增下级组织" })).toBeVisible();

    // A taken code is refused at its field, focused, and nothing typed is lost.
    await page.getByLabel("组织名称").fill("省自然资源厅测绘处党支部");
    await page.getByLabel("组织编码").fill("U05-B1");
    await page.getByLabel("组织类型").selectOption({ label: "党支部" });
    await page.getByRole("button", { name: "新增组织" }).click();
    await expect(page.getByText("此编码已被其他组织使用。").first()).toBeVisible();
    await expect(page.getByLabel("组织编码")).toBeFocused();
    await expect(page.getByLabel("组织名称")).toHaveValue("省自然资源厅测绘处党支部");
    await page.getByLabel("组织编码").fill(code);
    await expectAccessible(page);
    await page.getByRole("button", { name: "新增组织" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "省自然资源厅测绘处党支部" })).toBeVisible();
    await expect(page.getByText(`编码 ${code} · 党支部`)).toBeVisible();

    // Renamed at the version the page holds.
    await page.getByLabel("组织名称").fill("省自然资源厅测绘地理信息处党支部");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("已保存。")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "省自然资源厅测绘地理信息处党支部" })).toBeVisible();

    // Closing shows what it touches first, then asks.
    await page.getByRole("link", { name: "撤销" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "撤销“省自然资源厅测绘地理信息处党支部”" })).toBeVisible();
    await page.getByRole("button", { name: "预览影响范围" }).click();
    const plan = page.getByTestId("restructure-plan");
    await expect(plan).toContainText("撤销将影响（进行中的督查报告转交“省自然资源厅机关党委”）");
    await expect(page.getByTestId("plan-withdrawItems")).toHaveText("0");
    await expectAccessible(page);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "确认撤销" }).click();
    await expect(page.getByTestId("org-closed")).toContainText("撤销，历史记录保留可查");
    await expect(page.getByRole("link", { name: "撤销" })).toHaveCount(0);

    // Closed: out of the tree, found on request with its mark.
    await page.goto(`/admin/orgs?q=${code}`);
    await expect(page.getByText("没有找到符合条件的组织")).toBeVisible();
    await page.getByLabel("包括已撤销的组织").check();
    await page.getByRole("button", { name: "查找" }).click();
    await expect(page.getByTestId("org-hit").filter({ hasText: code })).toContainText("已撤销");
  });

  test("a move previews what it touches and refuses a parent that cannot hold it", async ({ page, signIn, expectAccessible }) => {
    await signIn("admin");
    await page.goto("/admin/orgs?q=U05-GB1-B1");
    await page.getByRole("link", { name: "省自然资源厅离退休干部第一党支部" }).click();
    await page.getByRole("link", { name: "调整隶属关系" }).click();
    // Nothing picked: the page says what is missing.
    await page.getByRole("button", { name: "预览影响范围" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "请选择新的上级组织。" })).toBeVisible();
    const select = page.getByLabel("新的上级组织");
    // A branch is offered no branch as its parent.
    await expect(select.locator("option", { hasText: "（U05-B1）" })).toHaveCount(0);
    const value = await select.locator("option", { hasText: "（U05-OPC）" }).getAttribute("value");
    await select.selectOption(value ?? "");
    await page.getByRole("button", { name: "预览影响范围" }).click();
    await expect(page.getByTestId("plan-orgsMoved")).toHaveText("1");
    await expect(page.getByRole("button", { name: "确认调整" })).toBeEnabled();
    await expectAccessible(page);
  });
});
