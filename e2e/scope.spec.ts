import type { Browser } from "@playwright/test";
import { DEMO_PASSWORD, expect, test } from "./fixtures";

/** An item and the organization page of unit U02, found as unit U02's own secretary sees them. */
async function unitBTargets(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await page.request.post("/api/auth/callback/credentials", { form: { username: "u02-secretary", password: DEMO_PASSWORD, csrfToken, json: "true" } });
  await page.goto("/checklists?status=NOT_STARTED");
  const itemPath = (await page.getByTestId("checklist-row").first().getByRole("link").getAttribute("href")) ?? "";
  await page.goto(itemPath);
  const orgPath = (await page.getByRole("navigation", { name: "位置" }).getByRole("link").nth(1).getAttribute("href")) ?? "";
  expect(itemPath).toMatch(/^\/checklists\/\w+$/);
  expect(orgPath).toMatch(/^\/orgs\/\w+$/);
  return {
    itemPath,
    orgPath,
    statusOfItem: async () => {
      await page.goto(itemPath);
      // Wait for the page itself, not its loading state, before asking.
      await page.getByRole("heading", { name: "办理", exact: true }).waitFor();
      return page.getByRole("button", { name: "保存进展" }).isVisible();
    },
    close: () => context.close(),
  };
}

test("a secretary of unit A gets not found for unit B's checklist and item, and cannot change B's item", async ({ browser, page, signIn, expectAccessible }) => {
  const b = await unitBTargets(browser);
  await signIn("u01-secretary");

  for (const path of [b.orgPath, b.itemPath, `/progress?org=${b.orgPath.split("/").pop()}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  }
  await expectAccessible(page);

  // Post to B's item: open one of A's own items and rewrite the action's payload to B's item id.
  await page.goto("/checklists?status=NOT_STARTED");
  await page.getByTestId("checklist-row").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/checklists\/\w+$/);
  const ownId = page.url().split("/").pop() ?? "";
  const foreignId = b.itemPath.split("/").pop() ?? "";
  await page.route(`**/checklists/${ownId}`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    await route.continue({ postData: (request.postData() ?? "").replaceAll(ownId, foreignId) });
  });
  await page.getByLabel("办理说明").fill("越权尝试");
  await page.getByRole("button", { name: "保存进展" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "未找到该事项，或您无权访问。" })).toBeVisible();

  // B's item is still open for B's own secretary.
  expect(await b.statusOfItem()).toBe(true);
  await b.close();
});

test("a download outside the secretary's scope is refused in their language, and an ended session goes back to sign-in", async ({ browser, page, signIn, baseURL }) => {
  const b = await unitBTargets(browser);
  const foreignOrgId = b.orgPath.split("/").pop() ?? "";
  await b.close();
  await signIn("u01-secretary");
  for (const path of [`/checklists/export?root=${foreignOrgId}`, "/evidence/nosuchfile", "/catalogs/nosuchversion/export?format=json"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toBe("您访问的页面不存在，或不在您的组织范围内。");
  }

  // A session cookie that no longer verifies: proxy.ts lets it through, the route sends it to sign in.
  const context = await browser.newContext();
  await context.addCookies([{ name: "next-auth.session-token", value: "ended", url: baseURL }]);
  const response = await context.request.get("/checklists/export?status=open", { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toMatch(/\/login\?callbackUrl=%2Fchecklists%2Fexport%3Fstatus%3Dopen$/);
  // On the host the browser asked, whose cookies it holds (not the one the server was started on).
  expect(new URL(response.headers().location ?? "", baseURL).origin).toBe(new URL(baseURL ?? "").origin);
  await context.close();
});
