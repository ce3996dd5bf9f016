import { expect, expectNoMissingMessages, test } from "./fixtures";

test("a standing group's round visits two of its units; the coverage page shows them visited and the rest not", async ({ page, signIn, expectAccessible }) => {
  test.setTimeout(150_000);
  const name = `第一督查组 ${Date.now()}`;
  const units = ["省自然资源厅党组", "省生态环境厅党组", "省交通运输厅党组"] as const;

  // The committee sets up the group: one inspector, leading it, and three units.
  await signIn("supervisor");
  await page.goto("/inspections");
  await page.getByRole("link", { name: "常设督查组" }).click();
  await page.getByRole("link", { name: "新建督查组" }).click();
  const form = page.getByRole("form", { name: "新建常设督查组" });
  await form.getByLabel("督查组名称").fill(name);
  const unitBoxes = form.getByRole("group", { name: "包联单位" });
  // A search narrows the long list; units ticked before it stay ticked, and counted.
  await unitBoxes.getByLabel(units[0]).check();
  await unitBoxes.getByRole("searchbox", { name: "按名称筛选单位" }).fill("厅");
  // Enter in the search narrows; it does not send the form.
  await unitBoxes.getByRole("searchbox", { name: "按名称筛选单位" }).press("Enter");
  await expect(unitBoxes.getByLabel("省发展和改革委员会党组")).toBeHidden();
  for (const unit of units.slice(1)) await unitBoxes.getByLabel(unit).check();
  await unitBoxes.getByRole("searchbox", { name: "按名称筛选单位" }).fill("");
  await expect(unitBoxes.getByText("已选 3 个单位")).toBeVisible();
  // (The Enter above sent nothing: no refusal was shown before the form is sent below.)
  await expect(form.getByRole("alert")).toHaveCount(0);
  await form.getByRole("button", { name: "新建督查组" }).click();
  await expect(form.getByText("请至少选择一名成员。", { exact: true })).toBeVisible();
  await form.getByRole("group", { name: "成员" }).getByLabel("吴督查").check();
  await form.getByLabel("组长").selectOption({ label: "吴督查" });
  await expectAccessible(page);
  await form.getByRole("button", { name: "新建督查组" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("成员 1 人 · 包联单位 3 个")).toBeVisible();

  // The group's inspector runs a round by the group over two of its units and issues both reports.
  await signIn("inspector");
  await page.goto("/inspections/new");
  await page.getByLabel("督查名称").fill(`${name} 季度督查`);
  await page.getByLabel("常设督查组（可选）").selectOption({ label: name });
  await expect(page.getByLabel("组长")).toHaveValue(/.+/);
  await page.getByLabel("指定单位").check();
  const picked = page.getByLabel("选择单位");
  const values = await Promise.all(units.slice(0, 2).map(async (u) => (await picked.locator("option", { hasText: u }).first().getAttribute("value"))!));
  await picked.selectOption(values);
  await page.getByRole("button", { name: "创建督查" }).click();
  await expect(page).toHaveURL(/\/inspections\/(?!new$)\w+$/);
  await expect(page.getByRole("link", { name })).toBeVisible();
  const roundUrl = page.url();
  await expect(page.getByTestId("round-report")).toHaveCount(2);
  for (const i of [0, 1]) {
    await page.goto(roundUrl);
    await page.getByTestId("round-report").nth(i).getByRole("link").click();
    await page.getByRole("textbox", { name: "总体情况" }).fill("党建工作责任落实总体到位。");
    // Today in Beijing, where the app keeps its days.
    await page.getByLabel("检查日期").fill(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    await page.getByRole("button", { name: "保存报告" }).click();
    await expect(page.getByText("已保存。")).toBeVisible();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "下发报告" }).click();
    await expect(page.getByTestId("report-status")).toHaveText("已下发");
  }

  // The group's coverage: two of its three units visited, the third not, with the days since.
  await page.goto("/inspections/groups");
  await page.getByRole("link", { name: `${name}的督查覆盖情况` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${name} · 督查覆盖情况` })).toBeVisible();
  await expect(page.getByTestId("coverage-tally")).toContainText("单位已覆盖 2/3");
  const list = page.getByRole("region", { name: "督查覆盖明细" });
  const rowOf = (unit: string) => list.getByRole("row").filter({ has: page.getByRole("link", { name: unit, exact: true }) });
  await expect(rowOf(units[0])).toContainText("已督查");
  await expect(rowOf(units[0])).toContainText("（今天）");
  await expect(rowOf(units[1])).toContainText("已督查");
  await expect(rowOf(units[2])).toContainText("未督查");
  await expectAccessible(page);
  await page.getByLabel("覆盖情况").selectOption({ label: "未督查" });
  await page.getByRole("button", { name: "查看" }).click();
  await expect(list.getByRole("link", { name: units[0], exact: true })).toHaveCount(0);
  await expect(list.getByRole("link", { name: units[2], exact: true })).toBeVisible();
  await expectNoMissingMessages(page);

  // The committee's page counts the group's units among its own.
  await signIn("supervisor");
  await page.goto("/inspections/coverage");
  await expect(page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) })).toContainText("2/3");
  await expectAccessible(page);
});
