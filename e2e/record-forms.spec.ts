import crypto from "node:crypto";
import { expect, openAs, test } from "./fixtures";

/** The smallest file that reads as a PDF by its content. */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

/**
 * Pages with several forms for one record: each form acts on the version
 * the page holds after the last successful step, its own or another form's,
 * without a reload in between; a change by someone else is still caught.
 */
test("a draft report and a finding take one step after another without a reload, and a real concurrent change is caught", async ({
  browser,
  page,
  signIn,
  expectAccessible,
}) => {
  test.setTimeout(180_000);
  const title = `日常督查 ${crypto.randomBytes(3).toString("hex")}`;

  // The inspector opens a round on one unit, picked by hand.
  await signIn("inspector");
  await page.goto("/inspections/new");
  await page.getByLabel("督查名称").fill(title);
  await page.getByRole("radio", { name: "指定单位" }).check();
  const orgs = page.getByLabel("选择单位");
  const unitOrg = await orgs.locator("option", { hasText: "省交通运输厅党组" }).getAttribute("value");
  await orgs.selectOption([unitOrg!]);
  await page.getByRole("button", { name: "创建督查" }).click();
  await page.getByTestId("round-report").getByRole("link").click();
  await expect(page.getByTestId("report-status")).toHaveText("草稿");
  const reportUrl = page.url();

  // Issuing an empty report names the missing fields, marks them and puts the cursor in the first.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "下发报告" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "“总体情况”：此项为必填项。" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "总体情况" })).toBeFocused();
  await expect(page.getByRole("textbox", { name: "总体情况" })).toHaveAttribute("aria-invalid", "true");
  // A refusal is not a conflict: nothing offers to load the latest.
  await expect(page.getByRole("button", { name: "载入最新内容" })).toHaveCount(0);

  // Someone else saves the same draft meanwhile: this page's next save meets a conflict, and loading the latest resolves it.
  const other = await openAs(browser, "inspector");
  await other.page.goto(reportUrl);
  await other.page.getByRole("textbox", { name: "总体情况" }).fill("另一位督查人员先保存的内容。");
  await other.page.getByRole("button", { name: "保存报告" }).click();
  await expect(other.page.getByText("已保存。")).toBeVisible();
  await other.close();
  await page.getByRole("textbox", { name: "总体情况" }).fill("学习制度落实较好，组织生活记录不全。");
  await page.getByRole("button", { name: "保存报告" }).click();
  await expect(page.getByTestId("conflict")).toContainText("此记录刚被其他人修改");
  await page.getByRole("button", { name: "载入最新内容" }).click();
  await expect(page.getByText("另一位督查人员先保存的内容。")).toBeVisible();

  // Save, add a finding, save again and issue, one after another on the same page.
  await page.getByRole("textbox", { name: "总体情况" }).fill("学习制度落实较好，组织生活记录不全。");
  await page.getByLabel("检查日期").fill("2026-11-20");
  await page.getByRole("button", { name: "保存报告" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  const addForm = page.locator("form").filter({ has: page.getByRole("button", { name: "添加问题" }) });
  await addForm.getByLabel("问题描述").fill("支部组织生活会记录缺少签到表。");
  await addForm.getByRole("button", { name: "添加问题" }).click();
  await expect(page.getByText("问题已添加。")).toBeVisible();
  await page.getByRole("button", { name: "保存报告" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "下发报告" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("已下发");

  // The unit: save the plan, record progress, add a file, then submit, without reloading.
  const unit = await openAs(browser, "u07-secretary");
  // Reaching the report without its notice still marks the notice read, and the bell follows.
  const unread = async () => Number(/\d+/.exec((await unit.page.getByTestId("notification-bell").getAttribute("aria-label")) ?? "")?.[0] ?? 0);
  await unit.page.goto("/inspections");
  const before = await unread();
  expect(before).toBeGreaterThan(0);
  await unit.page.getByRole("link", { name: title }).first().click();
  await expect(unit.page).toHaveURL(/\/inspections\/reports\//);
  await expect.poll(unread).toBe(before - 1);
  await unit.page.getByRole("link", { name: "支部组织生活会记录缺少签到表。" }).click();
  await expect(unit.page).toHaveURL(/\/findings\/\w+$/);

  // Submitting before the plan names the measures and the owner, and puts the cursor in the measures.
  await unit.page.getByRole("button", { name: "申请销号" }).click();
  await expect(unit.page.getByRole("alert").filter({ hasText: "“整改措施”：此项为必填项。" })).toBeVisible();
  await expect(unit.page.getByLabel("整改措施")).toBeFocused();
  await expect(unit.page.getByRole("button", { name: "载入最新内容" })).toHaveCount(0);

  await unit.page.getByLabel("整改措施").fill("补齐签到表，每次组织生活会后由组织委员核对。");
  await unit.page.getByLabel("整改责任人").selectOption({ label: "赵书记" });
  await unit.page.getByRole("button", { name: "保存整改方案" }).click();
  await expect(unit.page.getByText("已保存。")).toBeVisible();
  await unit.page.getByLabel("进展情况").fill("已补齐十月份签到表。");
  await unit.page.getByRole("button", { name: "记录进展" }).click();
  await expect(unit.page.getByText("进展已记录。")).toBeVisible();
  await unit.page.getByRole("radio", { name: "文件" }).check();
  await unit.page.getByLabel("选择文件").setInputFiles({ name: "签到表.pdf", mimeType: "application/pdf", buffer: PDF });
  await unit.page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(unit.page.getByTestId("finding-evidence-entry").filter({ hasText: "签到表" })).toBeVisible();
  await unit.page.getByLabel("进展情况").fill("已建立会后核对制度。");
  await unit.page.getByRole("button", { name: "记录进展" }).click();
  await expect(unit.page.getByTestId("finding-history")).toContainText("已建立会后核对制度。");
  await unit.page.getByRole("button", { name: "申请销号" }).click();
  await expect(unit.page.getByTestId("finding-state").first()).toHaveText("待验收");
  await expect(unit.page.getByTestId("conflict")).toHaveCount(0);
  await expectAccessible(unit.page);
  await unit.close();
});
