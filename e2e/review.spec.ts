import type { Page } from "@playwright/test";
import { currentYear } from "../lib/dates";
import { expect, openAs, test } from "./fixtures";

/** The smallest file that reads as a PDF by its content. */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

test("a branch submits with a PDF, the organ party committee returns it, the branch adds a file and resubmits, and it is approved", async ({
  browser,
  page,
  signIn,
  expectAccessible,
}) => {
  await signIn("u02-branch");
  await page.goto("/checklists?status=NOT_STARTED");
  const row = page.getByTestId("checklist-row").first();
  const title = (await row.getByRole("link").textContent())?.trim() ?? "";
  await row.getByRole("link").click();
  await expect(page).toHaveURL(/\/checklists\/\w+$/);
  const itemUrl = page.url();
  const dutyTitle = (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";

  // The duty needs evidence: submitting without it is refused.
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("此项职责需要佐证材料，请先添加佐证材料再提交。")).toBeVisible();

  await page.getByRole("radio", { name: "文件" }).check();
  await page.getByLabel("选择文件").setInputFiles({ name: "支委会会议记录.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByText("已添加。")).toBeVisible();
  await page.getByLabel("办理说明").fill("已召开支委会专题研究，会议记录见附件。");
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText(/已提交，等待.*审核。/)).toBeVisible();
  await expectAccessible(page);

  // The organ party committee finds it in its queue and returns it with a comment.
  const { page: reviewer, close } = await openAs(browser, "u02-staff");
  await reviewer.goto("/reviews");
  await expect(reviewer.getByTestId("nav-count-reviews")).toBeVisible();
  await reviewer.getByRole("link", { name: title }).click();
  await reviewer.getByRole("button", { name: "退回" }).click();
  await expect(reviewer.getByRole("alert").filter({ hasText: "“审核意见”：退回时请填写审核意见。" })).toBeVisible();
  await expect(reviewer.getByLabel("审核意见")).toBeFocused();
  await reviewer.getByLabel("审核意见").fill("请补充会议签到表。");
  await reviewer.getByRole("button", { name: "退回" }).click();
  await expect(reviewer.getByText("请补充会议签到表。").first()).toBeVisible();
  // The reviewer who sent it back is not offered the unit's form for it.
  await expect(reviewer.getByText("此事项已退回，等待办理单位修改后重新提交。")).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "提交审核" })).toHaveCount(0);

  // It reads 已退回 in the branch's list, under its own filter, with the comment one click away.
  await page.goto("/checklists?status=RETURNED");
  const returned = page.getByTestId("checklist-row").filter({ hasText: title });
  await expect(returned).toHaveCount(1);
  const status = page.getByLabel("状态", { exact: true });
  await expect(status).toHaveValue("RETURNED");
  for (const option of ["待审核", "已退回"]) await expect(status.locator("option", { hasText: option })).toHaveCount(1);
  await expect(page.getByTestId("returned-count")).toContainText("已退回");
  const badge = returned.getByTestId("returned-comment").filter({ visible: true });
  await badge.getByText("已退回").click();
  await expect(badge).toContainText("退回意见：请补充会议签到表。");

  // The branch hears of it, adds the missing file and submits again.
  await page.goto("/notifications");
  const notice = page.getByTestId("notice").first();
  await expect(notice).toContainText("请补充会议签到表。");
  await notice.getByRole("link", { name: dutyTitle }).click();
  await expect(page).toHaveURL(itemUrl);
  await expect(page.getByTestId("review-comment")).toContainText("请补充会议签到表。");
  await page.getByRole("radio", { name: "文件" }).check();
  await page.getByLabel("选择文件").setInputFiles({ name: "会议签到表.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByText("已添加。")).toBeVisible();
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText(/已提交，等待.*审核。/)).toBeVisible();

  // Approved from the queue, several at once if need be.
  await reviewer.goto("/reviews");
  await reviewer
    .getByTestId("review-row")
    .filter({ has: reviewer.locator(`a[href^="${new URL(itemUrl).pathname}?"]`) })
    .getByRole("checkbox", { name: new RegExp(`^选择：${dutyTitle}`) })
    .check();
  await reviewer.getByRole("button", { name: "批量通过（1 项）" }).click();
  await reviewer.getByRole("dialog").getByRole("button", { name: "确认通过（1 项）" }).click();
  await expect(reviewer.getByText("已审核通过 1 项。")).toBeVisible();
  await close();

  await page.goto(itemUrl);
  await expect(page.getByText("已完成").first()).toBeVisible();
  const history = page.getByTestId("item-history");
  await expect(history).toContainText("审核通过");
  await expect(history).toContainText("退回了此事项");
  await expect(history).toContainText("请补充会议签到表。");
  await expect(history.getByTestId("history-move").first()).toContainText("待审核 → 已完成");
  // Both files stay with the item, each downloadable.
  await expect(page.getByRole("link", { name: "下载 会议签到表.pdf（第 1 版）" })).toBeVisible();
  await expect(page.getByRole("link", { name: "下载 支委会会议记录.pdf（第 1 版）" })).toBeVisible();
});

/** As the signed-in branch secretary: backs its first duty not yet started with a written record and submits it; answers the item's path. */
async function submitFirstOpenDuty(page: Page, note: string): Promise<string> {
  await page.goto("/checklists?status=NOT_STARTED");
  await page.getByTestId("checklist-row").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/checklists\/\w+$/);
  await page.getByRole("radio", { name: "文字" }).check();
  await page.getByLabel("标题").fill("支部工作记录");
  await page.getByLabel("内容").fill(note);
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByText("已添加。")).toBeVisible();
  await page.getByLabel("办理说明").fill(note);
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText(/已提交，等待.*审核。/)).toBeVisible();
  return new URL(page.url()).pathname;
}

test("a reviewer works down the queue: period and due date in view, approve an item and go on to the next, back to the queue, then approve the rest at once after confirming, with a comment", async ({
  browser,
  page,
  signIn,
  expectAccessible,
}) => {
  test.setTimeout(120_000);
  // Unit U08 is this test's own: its branch submits three items, oldest first.
  await signIn("u08-branch");
  const first = await submitFirstOpenDuty(page, "第一项已办结。");
  const second = await submitFirstOpenDuty(page, "第二项已办结。");
  const third = await submitFirstOpenDuty(page, "第三项已办结。");

  const { page: reviewer, close } = await openAs(browser, "u08-staff");
  await reviewer.goto("/reviews");
  const rows = reviewer.getByTestId("review-row");
  await expect(rows).toHaveCount(3);
  // On a desktop the filters show at once; the phone's button to unfold them does not.
  await expect(reviewer.getByLabel("组织")).toBeVisible();
  await expect(reviewer.getByTestId("filter-toggle")).toBeHidden();
  // Each row shows its period and due date.
  for (const row of await rows.all()) {
    await expect(row.getByTestId("review-due")).toContainText(/^\d{4}年\d{1,2}月\d{1,2}日/);
    await expect(row.getByTestId("review-due")).toContainText(new RegExp(`${currentYear()} 年(度|第 \\d 季度)`));
  }
  await expectAccessible(reviewer);

  // Open the oldest submission, approve it, and go on to the next one.
  await rows.first().getByRole("link").click();
  await expect(reviewer).toHaveURL(new RegExp(`${first}\\?from=reviews`));
  const nav = reviewer.getByRole("navigation", { name: "审核队列" });
  await expect(nav).toContainText("审核队列中另有 2 项待审核。");
  await reviewer.getByLabel("审核意见").fill("同意。");
  await reviewer.getByRole("button", { name: "审核通过" }).click();
  await expect(nav).toContainText("本项已处理，审核队列中还有 2 项待审核。");
  await expect(reviewer.getByTestId("review-comment")).toContainText("同意。");
  await expectAccessible(reviewer);
  await nav.getByRole("link", { name: "下一项" }).click();
  await expect(reviewer).toHaveURL(new RegExp(`${second}\\?from=reviews`));
  await expect(reviewer.getByRole("button", { name: "审核通过" })).toBeVisible();
  await reviewer.getByRole("navigation", { name: "审核队列" }).getByRole("link", { name: "返回审核队列" }).click();
  await expect(reviewer).toHaveURL(/\/reviews$/);
  await expect(rows).toHaveCount(2);

  // Approving many asks first; Escape leaves everything as it was.
  await reviewer.getByRole("checkbox", { name: "全选本页" }).check();
  const approveButton = reviewer.getByRole("button", { name: "批量通过（2 项）" });
  await approveButton.focus();
  await reviewer.keyboard.press("Enter");
  const dialog = reviewer.getByRole("dialog", { name: "批量审核通过" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("approve-selection").getByRole("listitem")).toHaveCount(2);
  await expectAccessible(reviewer);
  await reviewer.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(approveButton).toBeFocused();
  await expect(rows).toHaveCount(2);

  // By keyboard: open, write the comment, confirm.
  await reviewer.keyboard.press("Enter");
  await expect(dialog.getByLabel("审核意见（选填）")).toBeFocused();
  await reviewer.keyboard.type("材料齐全，同意。");
  await reviewer.keyboard.press("Tab");
  await reviewer.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "确认通过（2 项）" })).toBeFocused();
  await reviewer.keyboard.press("Enter");
  // The queue refreshes to empty; the outcome stays in view, and focused.
  await expect(reviewer.getByText("没有等待您审核的事项。")).toBeVisible();
  await expect(reviewer.getByTestId("approve-outcome")).toHaveText("已审核通过 2 项。");
  await expect(reviewer.getByTestId("approve-outcome")).toBeFocused();
  await expect(dialog).toBeHidden();
  await close();

  // Both items carry the comment.
  for (const path of [second, third]) {
    await page.goto(path);
    await expect(page.getByTestId("review-comment")).toContainText("材料齐全，同意。");
    await expect(page.getByText("已完成").first()).toBeVisible();
  }
});
