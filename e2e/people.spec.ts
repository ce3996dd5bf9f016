import type { Page } from "@playwright/test";
import { expect, openAs, test } from "./fixtures";

// People, accounts and roles (人员与权限): administrators keep accounts and roles; everyone keeps their own.

/** Opens an account's page from the people list, found by its username. */
async function openAccount(page: Page, username: string): Promise<void> {
  await page.goto(`/admin/users?q=${encodeURIComponent(username)}`);
  await page.locator(`[data-testid="user-row"][data-username="${username}"]`).getByRole("link").click();
  await expect(page.getByText(`用户名：${username}`)).toBeVisible();
}

/** Picks an organization in a role's select by its code, shown in every option. */
async function pickOrg(page: Page, code: string): Promise<void> {
  const select = page.getByLabel("组织", { exact: true });
  const value = await select.locator("option", { hasText: `（${code}）` }).getAttribute("value");
  expect(value, code).toBeTruthy();
  await select.selectOption(value ?? "");
}

test.describe("people and accounts", () => {
  test("an administrator creates a branch secretary, who sets their own password and works; revoking the role takes effect at once", async ({
    page,
    browser,
    signIn,
    expectAccessible,
  }) => {
    const username = `u03-b1-${Date.now().toString(36)}`;
    await signIn("admin");
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "人员与账号" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "新建账号" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "新建账号" })).toBeVisible();
    await expectAccessible(page);

    // Nothing picked: the refusal names the fields, and nothing is lost.
    await page.getByLabel("用户名").fill(username);
    await page.getByRole("button", { name: "创建账号" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "“姓名”：此项为必填项。" })).toBeVisible();
    await expect(page.getByLabel("姓名")).toBeFocused();
    await expect(page.getByLabel("用户名")).toHaveValue(username);

    await page.getByLabel("姓名").fill("孙书记");
    await pickOrg(page, "U03-B1");
    await page.getByRole("combobox", { name: "角色" }).selectOption({ label: "书记" });
    await page.getByRole("button", { name: "创建账号" }).click();
    await expect(page.getByText(`已创建账号 ${username}。`)).toBeVisible();
    const oneTimePassword = (await page.getByTestId("otp-value").innerText()).trim();
    expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    await expect(page.getByTestId("one-time-password")).toContainText("此密码只显示这一次");

    // The secretary signs in through the form with the one-time password and must set their own first.
    const context = await browser.newContext();
    const secretary = await context.newPage();
    await secretary.goto("/");
    await secretary.getByLabel("用户名").fill(username);
    await secretary.getByLabel("密码").fill(oneTimePassword);
    await secretary.getByRole("button", { name: "登录" }).click();
    await expect(secretary).toHaveURL(/\/account\/password$/);
    await expect(secretary.getByRole("heading", { level: 1, name: "请设置您自己的密码" })).toBeVisible();
    await expect(secretary.getByRole("link", { name: "我的职责" })).toHaveCount(0);
    await expectAccessible(secretary);
    // Every other page sends them back here.
    await secretary.goto("/checklists");
    await expect(secretary).toHaveURL(/\/account\/password\?next=%2Fchecklists$/);

    await secretary.getByLabel("一次性密码").fill(oneTimePassword);
    await secretary.getByLabel("新密码", { exact: true }).fill("abcdefgh");
    await secretary.getByLabel("再次输入新密码").fill("abcdefgh");
    await secretary.getByRole("button", { name: "设置密码并继续" }).click();
    await expect(secretary.getByText("请包含小写字母、大写字母、数字、符号中的至少三种。").first()).toBeVisible();
    await expect(secretary.getByLabel("新密码", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await secretary.getByLabel("新密码", { exact: true }).fill("Branch#2026");
    await secretary.getByLabel("再次输入新密码").fill("Branch#2026");
    await secretary.getByRole("button", { name: "设置密码并继续" }).click();
    await expect(secretary).toHaveURL(/\/checklists$/);
    await expect(secretary.getByRole("heading", { level: 1, name: "我的职责" })).toBeVisible();
    await expect(secretary.getByText("省财政厅办公室党支部").first()).toBeVisible();
    await expect(secretary.getByTestId("acting-org")).toHaveText(/省财政厅办公室党支部/);
    await expect(secretary.locator("tbody tr").first()).toBeVisible();

    // The administrator revokes the role; the secretary's next page no longer shows those duties.
    await page.getByRole("link", { name: "查看该账号" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "孙书记" })).toBeVisible();
    await expect(page.getByTestId("account-status")).toContainText("已启用");
    await expectAccessible(page);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "撤销省财政厅办公室党支部的书记角色" }).click();
    await expect(page.getByText("该账号目前没有任何角色。")).toBeVisible();

    await secretary.reload();
    await expect(secretary.getByRole("heading", { level: 1, name: "我的职责" })).toHaveCount(0);
    await expect(secretary.getByText("您访问的页面不存在，或不在您的组织范围内。")).toBeVisible();
    await secretary.goto("/");
    await expect(secretary).toHaveURL(/\/account$/);
    await expect(secretary.getByTestId("no-roles")).toHaveText("您目前没有任何角色，请联系本单位系统管理员。");
    await context.close();
  });

  test("a deactivated account's open session ends at its next page; reactivated, it signs in again", async ({ page, browser, signIn }) => {
    const { page: branch, close } = await openAs(browser, "u05-branch");
    await branch.goto("/checklists");
    await expect(branch.getByRole("heading", { level: 1, name: "我的职责" })).toBeVisible();

    await signIn("admin");
    await openAccount(page, "u05-branch");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "停用账号" }).click();
    await expect(page.getByTestId("account-status")).toContainText("已停用");

    await branch.reload();
    await expect(branch).toHaveURL(/\/login/);
    await page.goto("/admin/users?status=inactive");
    await expect(page.locator('[data-testid="user-row"][data-username="u05-branch"]')).toContainText("已停用");

    await openAccount(page, "u05-branch");
    await page.getByRole("button", { name: "重新启用" }).click();
    await expect(page.getByTestId("account-status")).toContainText("已启用");
    await close();
    const { page: again, close: closeAgain } = await openAs(browser, "u05-branch");
    await again.goto("/checklists");
    await expect(again.getByRole("heading", { level: 1, name: "我的职责" })).toBeVisible();
    await closeAgain();
  });

  test("a user with roles on two organizations switches the one they act in, and 我的职责 follows", async ({ page, browser, signIn }) => {
    await signIn("admin");
    await openAccount(page, "u06-branch");
    await pickOrg(page, "U06-B2");
    await page.getByRole("combobox", { name: "角色" }).selectOption({ label: "书记" });
    await page.getByRole("button", { name: "授予角色" }).click();
    await expect(page.getByTestId("grant-row")).toHaveCount(2);

    const { page: branch, close } = await openAs(browser, "u06-branch");
    // The menu's code arrives after the page (acting-org-switcher.tsx): it is held back here until the
    // button has been pressed, as on a slow line, and the press still opens the menu once it arrives.
    let menuRequested!: () => void;
    const requested = new Promise<void>((resolve) => (menuRequested = resolve));
    let releaseMenu!: () => void;
    const released = new Promise<void>((resolve) => (releaseMenu = resolve));
    await branch.route("**/_next/static/chunks/**", async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes("menuitemradio")) {
        menuRequested();
        await released;
      }
      await route.fulfill({ response, body });
    });
    await branch.goto("/checklists");
    const subtitle = branch.getByRole("heading", { level: 1, name: "我的职责" }).locator("xpath=following-sibling::p");
    await expect(subtitle).toHaveText(/省生态环境厅办公室党支部$/);
    await expect(branch.getByTestId("acting-scope")).toContainText("显示省生态环境厅办公室党支部及其下级组织的职责。");

    // By keyboard: open the switcher (before its menu has loaded), move to the other organization, choose it.
    await requested;
    await branch.getByTestId("acting-org").focus();
    await branch.keyboard.press("Enter");
    releaseMenu();
    await expect(branch.getByRole("menuitemradio", { name: "省生态环境厅办公室党支部" })).toHaveAttribute("aria-checked", "true");
    await branch.getByRole("menuitemradio", { name: "省生态环境厅政策法规处党支部" }).focus();
    await branch.keyboard.press("Enter");
    await expect(subtitle).toHaveText(/省生态环境厅政策法规处党支部$/);
    await expect(branch.getByTestId("acting-org")).toContainText("省生态环境厅政策法规处党支部");
    // Remembered: a new page opens where the user left off.
    await branch.goto("/checklists");
    await expect(subtitle).toHaveText(/省生态环境厅政策法规处党支部$/);

    await branch.getByRole("link", { name: "查看全部职责" }).click();
    await expect(branch).toHaveURL(/scope=all/);
    await expect(subtitle).toContainText("省生态环境厅办公室党支部");
    await expect(subtitle).toContainText("省生态环境厅政策法规处党支部");
    await close();

    // Leave the demo account as it was.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "撤销省生态环境厅政策法规处党支部的书记角色" }).click();
    await expect(page.getByTestId("grant-row")).toHaveCount(1);
  });

  test("everyone edits their own profile; a bad email address is refused at its field", async ({ page, signIn, expectAccessible }) => {
    await signIn("u05-staff");
    await page.goto("/");
    await page.getByTestId("current-user").click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { level: 1, name: "个人设置" })).toBeVisible();
    await expectAccessible(page);
    await expect(page.getByRole("link", { name: "前往通知设置" })).toHaveAttribute("href", "/notifications#preferences");

    await page.getByLabel("电子邮箱").fill("not-an-email");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByLabel("电子邮箱")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("请填写有效的电子邮箱地址。").first()).toBeVisible();
    await page.getByLabel("电子邮箱").fill("chen.staff@example.org");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("已保存。")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("电子邮箱")).toHaveValue("chen.staff@example.org");

    await page.getByRole("link", { name: "修改密码" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "修改密码" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("当前密码").fill("wrong-password");
    await page.getByLabel("新密码", { exact: true }).fill("Staff#2027x");
    await page.getByLabel("再次输入新密码").fill("Staff#2027x");
    await page.getByRole("button", { name: "修改密码" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "“当前密码”：密码不正确。" })).toBeVisible();
    await expect(page.getByLabel("当前密码")).toBeFocused();
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("the people list, an account and one's own settings fit the screen, secondary columns under the name", async ({ page, signIn }) => {
    await signIn("admin");
    await page.goto("/admin/users?q=u03-branch");
    const row = page.locator('[data-testid="user-row"][data-username="u03-branch"]');
    await expect(row.getByRole("link", { name: "王支书" })).toBeVisible();
    // The username's own column is hidden; it shows under the name instead.
    await expect(page.getByRole("columnheader", { name: "用户名" })).toBeHidden();
    await expect(row.getByText("u03-branch").first()).toBeVisible();
    const fits = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), page.url()).toBeLessThanOrEqual(0);
    await fits();
    await row.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: "王支书" })).toBeVisible();
    await fits();
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1, name: "个人设置" })).toBeVisible();
    await fits();
  });
});
