import { DEMO_PASSWORD, expect, test } from "./fixtures";

test("the interface speaks Chinese by default, English on request, and remembers the choice per user", async ({ browser, page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // Chosen before signing in, kept once signed in.
  await page.getByLabel("Username").fill("u06-secretary");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My duties" })).toBeVisible();
  await expect(page.getByText("Main responsibilities").first()).toBeVisible();

  // Another browser with no cookie of its own: the user's saved language follows them.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const { csrfToken } = (await (await otherPage.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await otherPage.request.post("/api/auth/callback/credentials", { form: { username: "u06-secretary", password: DEMO_PASSWORD, csrfToken, json: "true" } });
  await otherPage.goto("/checklists");
  await expect(otherPage.getByRole("heading", { level: 1, name: "My duties" })).toBeVisible();

  // Switching back, signed in, saves it for the user too.
  await otherPage.getByRole("button", { name: "中文" }).click();
  await expect(otherPage.getByRole("heading", { level: 1, name: "我的职责" })).toBeVisible();
  await other.close();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "我的职责" })).toBeVisible();

});
