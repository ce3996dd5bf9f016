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
  await page.goto("/duties?status=NOT_STARTED");
  const row = page.getByTestId("checklist-row").first();
  const title = (await row.getByRole("link").textContent())?.trim() ?? "";
  await row.getByRole("link").click();
  await expect(page).toHaveURL(/\/duties\/\w+$/);
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
  await expect(reviewer.getByText("退回时请填写审核意见。")).toBeVisible();
  await reviewer.getByLabel("审核意见").fill("请补充会议签到表。");
  await reviewer.getByRole("button", { name: "退回" }).click();
  await expect(reviewer.getByText("请补充会议签到表。").first()).toBeVisible();

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
    .filter({ has: reviewer.locator(`a[href="${new URL(itemUrl).pathname}"]`) })
    .getByRole("checkbox", { name: new RegExp(`^选择：${dutyTitle}`) })
    .check();
  await reviewer.getByRole("button", { name: "批量通过（1 项）" }).click();
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
