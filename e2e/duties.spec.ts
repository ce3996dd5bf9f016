import { doneCount, expect, openAs, test } from "./fixtures";

test("a unit secretary ticks a duty off with a note, sees progress move, and undoes it", async ({ page, signIn, expectAccessible }) => {
  await signIn("u05-secretary");
  await page.goto("/duties");
  await expect(page.getByRole("heading", { level: 1, name: "我的职责" })).toBeVisible();
  await expectAccessible(page);
  const before = await doneCount(page);
  const bar = page.getByRole("progressbar", { name: "完成进度" }).first();
  const barBefore = Number(await bar.getAttribute("aria-valuenow"));

  // Only this unit's main responsibilities that are not started.
  await page.getByLabel("状态").selectOption("NOT_STARTED");
  await page.getByLabel("责任类别").selectOption("MAIN");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/status=NOT_STARTED/);
  await page.getByTestId("checklist-row").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/duties\/\w+$/);
  const itemUrl = page.url();

  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  // Keyboard only: the note field, then the button.
  await page.getByLabel("完成说明").focus();
  await page.keyboard.type("已召开党组会议专题研究，纪要已归档。");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "标记为已完成" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("button", { name: "撤销完成" })).toBeVisible();
  await expect(page.getByTestId("completed-by")).toContainText("陈书记");
  const history = page.getByTestId("item-history");
  await expect(history.getByRole("listitem").first()).toContainText("陈书记 标记为已完成");
  await expect(history).toContainText("已召开党组会议专题研究，纪要已归档。");

  await page.getByRole("link", { name: "我的职责" }).first().click();
  await expect(page.getByTestId("progress-text")).toContainText(`已完成 ${before + 1} /`);
  expect(Number(await bar.getAttribute("aria-valuenow"))).toBeGreaterThanOrEqual(barBefore);

  // Undo from the item page.
  await page.goto(itemUrl);
  await page.getByRole("button", { name: "撤销完成" }).click();
  await expect(page.getByRole("button", { name: "标记为已完成" })).toBeVisible();
  await expect(page.getByTestId("item-history").getByRole("listitem").first()).toContainText("陈书记 撤销了完成");
  await page.goto("/duties");
  await expect(page.getByTestId("progress-text")).toContainText(`已完成 ${before} /`);
});

test("the second of two people ticking the same duty gets a conflict with the current state", async ({ browser, page, signIn }) => {
  // The secretary and the staff member of the organ party committee both reach its branches' duties.
  await signIn("u07-secretary");
  await page.goto("/duties?status=NOT_STARTED&kind=IMPLEMENTING");
  await page.getByTestId("checklist-row").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/duties\/\w+$/);
  const itemUrl = page.url();

  const { page: otherPage, close } = await openAs(browser, "u07-staff");

  // Both have the item open; the staff member ticks first.
  await otherPage.goto(itemUrl);
  await otherPage.getByLabel("完成说明").fill("干事已完成");
  await otherPage.getByRole("button", { name: "标记为已完成" }).click();
  await expect(otherPage.getByRole("button", { name: "撤销完成" })).toBeVisible();

  await page.getByLabel("完成说明").fill("书记也来完成");
  await page.getByRole("button", { name: "标记为已完成" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "此事项刚被其他人修改，您的操作未保存。" })).toBeVisible();
  await expect(page.getByTestId("conflict-current")).toContainText("已完成");
  await expect(page.getByTestId("conflict-current")).toContainText("赵干事");
  await page.getByRole("button", { name: "载入最新内容" }).click();
  await expect(page.getByText("干事已完成").first()).toBeVisible();
  await close();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("a branch secretary's duties fit the screen, with due date and status under each title", async ({ page, signIn, expectAccessible }) => {
    await signIn("u03-branch");
    await page.goto("/duties");
    await expect(page.getByRole("heading", { level: 1, name: "我的职责" })).toBeVisible();
    const row = page.getByTestId("checklist-row").first();
    await expect(row.getByText(/^(未开始|进行中|已完成)$/).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});
