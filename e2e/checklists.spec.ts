import { doneCount, expect, openAs, test } from "./fixtures";

test("a unit secretary backs a duty with evidence and submits it by keyboard; the committee approves it and progress moves; undoing moves it back", async ({
  browser,
  page,
  signIn,
  expectAccessible,
}) => {
  await signIn("u05-secretary");
  await page.goto("/checklists");
  await expect(page.getByRole("heading", { level: 1, name: "我的职责" })).toBeVisible();
  await expectAccessible(page);
  const before = await doneCount(page);

  // Only this unit's main responsibilities that are not started.
  await page.getByLabel("状态").selectOption("NOT_STARTED");
  await page.getByLabel("责任类别").selectOption("MAIN");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/status=NOT_STARTED/);
  await page.getByTestId("checklist-row").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/checklists\/\w+$/);
  const itemUrl = page.url();
  const title = (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";
  await expectAccessible(page);

  // Evidence first: a short written record.
  await page.getByRole("radio", { name: "文字" }).check();
  await page.getByLabel("标题").fill("党组会议纪要");
  await page.getByLabel("内容").fill("2026年3月12日党组会议专题研究机关党建工作。");
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByText("已添加。")).toBeVisible();

  // Keyboard only: the note field, then the button.
  await page.getByLabel("办理说明").focus();
  await page.keyboard.type("已召开党组会议专题研究，纪要已归档。");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "提交审核" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText(/已提交，等待.*审核。/)).toBeVisible();
  await expect(page.getByTestId("submitted-by")).toContainText("陈书记");
  const history = page.getByTestId("item-history");
  await expect(history.getByRole("listitem").first()).toContainText("陈书记 提交了办理情况");
  await expect(history).toContainText("已召开党组会议专题研究，纪要已归档。");

  // The working committee reviews unit party groups.
  const { page: committee, close } = await openAs(browser, "wc-secretary");
  await committee.goto("/reviews");
  // Quarterly duties repeat their title: pick the row by its link (which carries ?from=reviews).
  const queued = committee.getByTestId("review-row").filter({ has: committee.locator(`a[href^="${new URL(itemUrl).pathname}?"]`) });
  await expect(queued.getByRole("checkbox")).toHaveAccessibleName(new RegExp(`^选择：${title}`));
  await queued.getByRole("checkbox").check();
  await committee.getByRole("button", { name: "批量通过（1 项）" }).click();
  await committee.getByRole("dialog").getByRole("button", { name: "确认通过（1 项）" }).click();
  await expect(committee.getByText("已审核通过 1 项。")).toBeVisible();

  await page.goto("/checklists");
  await expect(page.getByTestId("progress-text")).toContainText(`已完成 ${before + 1} /`);
  await page.goto(itemUrl);
  await expect(page.getByTestId("completed-by")).toContainText("陈书记");
  // The unit cannot undo an approved item; the reviewer can.
  await expect(page.getByRole("button", { name: "撤销完成" })).toHaveCount(0);
  await committee.goto(itemUrl);
  await committee.getByRole("button", { name: "撤销完成" }).click();
  await expect(committee.getByTestId("item-history").getByRole("listitem").first()).toContainText("郑书记 撤销了办结");
  await close();
  await page.goto("/checklists");
  await expect(page.getByTestId("progress-text")).toContainText(`已完成 ${before} /`);
});

test("the second of two people submitting the same duty gets a conflict with the current state", async ({ browser, page, signIn }) => {
  // The secretary and the staff member of the organ party committee both reach its branches' duties.
  await signIn("u07-secretary");
  await page.goto("/checklists?status=NOT_STARTED&kind=IMPLEMENTING");
  await page.getByTestId("checklist-row").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/checklists\/\w+$/);
  const itemUrl = page.url();

  const { page: otherPage, close } = await openAs(browser, "u07-staff");

  // Both have the item open; the staff member backs it with evidence and submits first.
  await otherPage.goto(itemUrl);
  await otherPage.getByRole("radio", { name: "文字" }).check();
  await otherPage.getByLabel("标题").fill("支部工作记录");
  await otherPage.getByLabel("内容").fill("已按要求完成。");
  await otherPage.getByRole("button", { name: "添加", exact: true }).click();
  await expect(otherPage.getByText("已添加。")).toBeVisible();
  await otherPage.getByLabel("办理说明").fill("干事已完成");
  await otherPage.getByRole("button", { name: "提交审核" }).click();
  await expect(otherPage.getByText(/已提交，等待.*审核。/)).toBeVisible();

  await page.getByLabel("办理说明").fill("书记也来完成");
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "此记录刚被其他人修改，您的操作未保存。" })).toBeVisible();
  await expect(page.getByTestId("conflict-current")).toContainText("待审核");
  await page.getByRole("button", { name: "载入最新内容" }).click();
  await expect(page.getByText("干事已完成").first()).toBeVisible();
  await close();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("a branch secretary's duties fit the screen, with due date and status under each title", async ({ page, signIn, expectAccessible }) => {
    await signIn("u03-branch");
    await page.goto("/checklists");
    await expect(page.getByRole("heading", { level: 1, name: "我的职责" })).toBeVisible();
    const row = page.getByTestId("checklist-row").first();
    await expect(row.getByText(/^(未开始|进行中|待审核|已完成|不适用)$/).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});

test("the organization filter finds any organization by its name, for a scope too large to list, and keeps the one chosen", async ({ page, signIn, expectAccessible }) => {
  await signIn("supervisor");
  const words = "交通运输厅离退休干部第二";
  await page.goto(`/checklists?orgq=${encodeURIComponent(words)}`);
  await expect(page.getByLabel("查找组织")).toHaveValue(words);
  const orgFilter = page.getByLabel("组织", { exact: true });
  await expect(orgFilter.locator("option")).toHaveText(["全部组织", "省交通运输厅离退休干部第二党支部"]);
  await expectAccessible(page);

  await orgFilter.selectOption({ label: "省交通运输厅离退休干部第二党支部" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/org=\w+/);
  await expect(page.getByTestId("checklist-row").first()).toBeVisible();
  // The filter names what it filters by, found again or not.
  await page.getByLabel("查找组织").fill("");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByLabel("组织", { exact: true })).toHaveValue(/\w+/);
  await expect(page.getByLabel("组织", { exact: true }).locator("option:checked")).toHaveText(/省交通运输厅离退休干部第二党支部/);
});
