import { DEMO_PASSWORD, expect, test } from "./fixtures";

test.describe("sign-in", () => {
  test("a secretary signs in with the right password and lands on their duties", async ({ page, expectAccessible }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
    await expectAccessible(page);
    await page.getByLabel("用户名").fill("u01-secretary");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/checklists$/);
    await expect(page.getByRole("heading", { level: 1, name: "我的职责" })).toBeVisible();
    await expect(page.getByTestId("current-user")).toContainText("张书记");

    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/checklists");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fchecklists/);
  });

  test("a wrong password and an unknown user get the same generic error", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("用户名").fill("u01-secretary");
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "用户名或密码不正确。" })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);

    await page.getByLabel("用户名").fill("no-such-user");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "用户名或密码不正确。" })).toBeVisible();
  });

  test("empty fields are caught before anything is sent", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("此项为必填项。")).toHaveCount(2);
    await expect(page.getByLabel("用户名")).toHaveAttribute("aria-invalid", "true");
  });

  // Each is a path that a naive check ("starts with one slash") lets through,
  // and that a browser reads as another host.
  const HOSTILE_CALLBACKS = ["/\\evil.example/", "/\t/evil.example/", "/\\/evil.example/", "/\t\\evil.example/"];

  test("a signed-in visit to the sign-in page with a hostile return address stays on the app", async ({ page, signIn, baseURL }) => {
    // Were the app to send the browser away, it would land here rather than on the network.
    await page.context().route((url) => url.hostname === "evil.example", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" }));
    await signIn("u01-secretary");
    for (const target of HOSTILE_CALLBACKS) {
      await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
      expect(new URL(page.url()).origin, target).toBe(new URL(baseURL ?? "").origin);
      await expect(page.getByRole("heading", { level: 1, name: "我的职责" })).toBeVisible();
    }
  });

  test("signing in through the form with a hostile return address lands on the app", async ({ page, baseURL }) => {
    await page.context().route((url) => url.hostname === "evil.example", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" }));
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/\\evil.example/")}`);
    await page.getByLabel("用户名").fill("u01-secretary");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/checklists$/);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? "").origin);
    await expect(page.getByRole("heading", { level: 1, name: "我的职责" })).toBeVisible();
  });

  test("a return address on the app is kept after signing in", async ({ page }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/checklists?q=会议")}`);
    await page.getByLabel("用户名").fill("u01-secretary");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/checklists\?q=/);
    await expect(page.getByLabel("搜索职责")).toHaveValue("会议");
  });
});
