import ExcelJS from "exceljs";
import { currentYear } from "../lib/dates";
import { expect, expectNoMissingMessages, openAs, test } from "./fixtures";

/** The smallest file that reads as a PDF by its content. */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

test("a spot check from the draw to a finding closed out, and counted in the analysis", async ({ browser, page, signIn, expectAccessible }) => {
  test.setTimeout(180_000);
  const title = `随机抽查 ${Date.now()}`;

  // The inspector draws one branch of the finance department, unannounced, with a seed anyone can rerun.
  await signIn("inspector");
  await page.goto("/inspections");
  await page.getByRole("link", { name: "新建督查" }).click();
  await page.getByLabel("督查名称").fill(title);
  await page.getByLabel("暗访（不提前通知）").check();
  const root = page.getByLabel("抽取范围");
  const u03 = await root.locator("option", { hasText: "省财政厅党组" }).getAttribute("value");
  await root.selectOption(u03!);
  await page.getByLabel("抽取数量").fill("1");
  await page.getByLabel("抽取码（可选）").fill("e2e-2026");
  await page.getByRole("button", { name: "抽取并创建" }).click();
  await expect(page.getByText("可复现校验通过")).toBeVisible();
  await expect(page).toHaveURL(/\/inspections\/(?!new$)\w+$/);
  const roundUrl = page.url();
  const roundId = roundUrl.split("/").at(-1)!;
  await expect(page.getByText("e2e-2026").first()).toBeVisible();
  await expect(page.getByTestId("round-report")).toHaveCount(1);
  await expectAccessible(page);

  // Unannounced: the unit sees nothing of the round yet.
  const unit = await openAs(browser, "u03-secretary");
  await unit.page.goto("/inspections");
  await expect(unit.page.getByRole("heading", { name: "督查轮次" })).toBeVisible();
  await expect(unit.page.getByText(title)).toHaveCount(0);
  expect((await unit.page.goto(roundUrl))?.status()).toBe(404);

  // The report: summary, date, two findings, then issue it.
  await page.getByTestId("round-report").getByRole("link").click();
  await expect(page.getByTestId("report-status")).toHaveText("草稿");
  await page.getByRole("textbox", { name: "总体情况" }).fill("支部组织生活总体规范，但记录和学习计划存在问题。");
  await page.getByLabel("检查日期").fill("2026-11-20");
  await page.getByRole("button", { name: "保存报告" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  const addForm = page.locator("form").filter({ has: page.getByRole("button", { name: "添加问题" }) });
  for (const [description, category] of [
    ["支部“三会一课”记录缺失两次。", "组织生活"],
    ["年度理论学习计划未制定。", "理论学习"],
  ] as const) {
    await addForm.getByLabel("问题描述").fill(description);
    await addForm.getByLabel("问题类别").selectOption({ label: category });
    await addForm.getByLabel("严重程度").selectOption({ label: "较重" });
    await addForm.getByRole("button", { name: "添加问题" }).click();
    await expect(page.getByTestId("report-finding").filter({ hasText: description })).toBeVisible();
  }
  await expect(page.getByTestId("report-finding")).toHaveCount(2);
  await expectAccessible(page);
  // Tagged common by hand, before issue.
  const first = page.getByTestId("report-finding").first();
  await first.getByText("修改", { exact: true }).click();
  await first.getByLabel("共性 / 个性").selectOption({ label: "共性问题" });
  await first.getByRole("button", { name: "保存修改" }).click();
  await expect(first.getByTestId("finding-tag")).toHaveText("共性问题");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "下发报告" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("已下发");
  await expect(page.getByRole("button", { name: "添加问题" })).toHaveCount(0);

  // It prints on A4 with the signature lines and without the site's navigation.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByText("督查组组长（签字）：")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  await page.emulateMedia({ media: "screen" });

  // The unit secretary is told, and sees the report about their unit, with both findings and their deadlines.
  await unit.page.goto("/notifications");
  const notice = unit.page.getByTestId("notice").filter({ hasText: title });
  await expect(notice).toContainText("督查报告已下发");
  await unit.page.goto("/inspections");
  const report = unit.page.getByTestId("my-report").filter({ hasText: title });
  await expect(report).toBeVisible();
  await expect(report.getByTestId("my-finding")).toHaveCount(2);
  await expect(report.getByTestId("finding-state").first()).toHaveText("待整改");
  await expect(report).toContainText("2027");
  await report.getByRole("link", { name: "支部“三会一课”记录缺失两次。" }).click();
  await expect(unit.page).toHaveURL(/\/findings\/\w+$/);
  const findingUrl = unit.page.url();

  // Rectification: measures, owner, evidence, submit for close-out.
  await unit.page.getByLabel("整改措施").fill("补齐会议记录，建立每月检查制度。");
  await unit.page.getByLabel("整改责任人").selectOption({ label: "王书记" });
  await unit.page.getByRole("button", { name: "保存整改方案" }).click();
  await expect(unit.page.getByTestId("finding-state").first()).toHaveText("整改中");
  await unit.page.getByRole("radio", { name: "文件" }).check();
  // A file the upload route refuses by its content: the alert names the field, which takes the focus.
  await unit.page.getByLabel("选择文件").setInputFiles({ name: "整改会议记录.pdf", mimeType: "application/pdf", buffer: Buffer.from("not a PDF") });
  await unit.page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(unit.page.getByRole("alert").filter({ hasText: "“选择文件”：不支持此文件" })).toBeVisible();
  await expect(unit.page.getByLabel("选择文件")).toBeFocused();
  await unit.page.getByLabel("选择文件").setInputFiles({ name: "整改会议记录.pdf", mimeType: "application/pdf", buffer: PDF });
  await unit.page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(unit.page.getByTestId("finding-evidence-entry").filter({ hasText: "整改会议记录" })).toBeVisible();
  await unit.page.getByRole("button", { name: "申请销号" }).click();
  await expect(unit.page.getByTestId("finding-state").first()).toHaveText("待验收");
  await expectAccessible(unit.page);

  // Who must act is named on the finding: the group's members and the committee's supervisors and administrators.
  await expect(unit.page.getByTestId("acceptors-GROUP")).toContainText("由督查组成员验收：吴督查");
  await expect(unit.page.getByTestId("acceptors-COMMITTEE")).toContainText("由机关工委督查、管理人员验收：");
  await expect(unit.page.getByTestId("acceptors-COMMITTEE")).toContainText("周督导");
  await expect(unit.page.getByTestId("acceptors-COMMITTEE")).not.toContainText("郑书记");

  // The group finds it waiting for its acceptance, from the inspections page and its queue, and accepts; then the working committee: closed out.
  await page.goto("/inspections");
  await expect(page.getByTestId("acceptance-waiting")).toBeVisible();
  await page.getByRole("link", { name: "去验收" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "待我验收" })).toBeVisible();
  await page.getByTestId("acceptance-row").filter({ hasText: "支部“三会一课”记录缺失两次。" }).getByRole("link").click();
  await expect(page).toHaveURL(findingUrl);
  await page.getByRole("button", { name: "以督查组身份验收通过" }).click();
  await expect(page.getByTestId("acceptance-GROUP")).toContainText("吴督查");
  await expect(page.getByTestId("finding-state").first()).toHaveText("待验收");

  const committee = await openAs(browser, "supervisor");
  await committee.page.goto("/inspections/acceptances");
  await expect(committee.page.getByTestId("nav-count-inspections")).toBeVisible();
  await expect(committee.page.getByTestId("acceptance-row").filter({ hasText: "支部“三会一课”记录缺失两次。" })).toContainText("机关工委");
  await expectAccessible(committee.page);
  await committee.page.goto(findingUrl);
  await committee.page.getByRole("button", { name: "以机关工委身份验收通过" }).click();
  await expect(committee.page.getByTestId("finding-state").first()).toHaveText("已销号");
  await expect(committee.page.getByTestId("acceptance-COMMITTEE")).toContainText("周督导");
  // The committee may reopen it, with a reason.
  await expect(committee.page.getByRole("button", { name: "重新打开" })).toBeVisible();
  await expectNoMissingMessages(committee.page);

  await unit.page.reload();
  await expect(unit.page.getByTestId("finding-state").first()).toHaveText("已销号");

  // The analysis of the round counts it: two findings, one closed out, on time.
  await committee.page.goto(`/inspections/analysis?round=${roundId}`);
  const summary = committee.page.getByTestId("analysis-summary");
  await expect(summary.getByRole("link", { name: "在整改台账中查看：问题总数" })).toHaveText(/^2\s/);
  await expect(summary.getByRole("link", { name: "在整改台账中查看：已销号" }).first()).toHaveText(/^1\s/);
  await expect(committee.page.getByTestId("analysis-on-time")).toContainText("100%");
  await expectAccessible(committee.page);

  // Drilling down: the closed-out count opens the ledger on that one finding.
  await summary.getByRole("link", { name: "在整改台账中查看：已销号" }).first().click();
  await expect(committee.page).toHaveURL(/\/findings\?.*closed=1/);
  await expect(committee.page.getByRole("link", { name: "支部“三会一课”记录缺失两次。" })).toBeVisible();
  await expect(committee.page.getByText("年度理论学习计划未制定。")).toHaveCount(0);
  await expectAccessible(committee.page);

  // The chart drills down the same way: its closed-out (green) segment opens those findings of its category.
  await committee.page.goto(`/inspections/analysis?round=${roundId}`);
  await committee.page.getByTestId("chart-analysis-categories").locator('path[fill="#1a7f37"]').filter({ visible: true }).first().click();
  await expect(committee.page).toHaveURL(/\/findings\?.*category=\w+.*closed=1/);
  await expect(committee.page.getByRole("link", { name: "支部“三会一课”记录缺失两次。" })).toBeVisible();

  await Promise.all([unit.close(), committee.close()]);
});

test("a round's title, dates and leader are corrected after creation, and a round created by mistake is deleted", async ({ page, signIn, expectAccessible }) => {
  const title = `日常督查 ${Date.now()}`;
  await signIn("inspector");
  await page.goto("/inspections/new");
  // Refused in the browser: the alert names the field, and the field takes the focus; first an empty title, then no organization.
  await page.getByLabel("指定单位").check();
  await page.getByRole("button", { name: "创建督查" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "“督查名称”：此项为必填项。" })).toBeVisible();
  await expect(page.getByLabel("督查名称")).toBeFocused();
  await page.getByLabel("督查名称").fill(title);
  await page.getByRole("button", { name: "创建督查" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "“选择单位”：请至少选择一个被督查单位。" })).toBeVisible();
  await expect(page.getByLabel("选择单位")).toBeFocused();
  await expect(page.getByRole("button", { name: "载入最新内容" })).toHaveCount(0);
  const orgs = page.getByLabel("选择单位");
  await orgs.selectOption([(await orgs.locator("option", { hasText: "省财政厅党组" }).first().getAttribute("value"))!]);
  await page.getByRole("button", { name: "创建督查" }).click();
  await expect(page).toHaveURL(/\/inspections\/(?!new$)\w+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // The type, scope and organizations stay; the title, dates and group can change.
  await page.getByText("修改名称、日期和督查组").click();
  await page.getByLabel("督查名称").fill(`${title}（更正）`);
  await page.getByLabel("结束日期").fill(`${currentYear()}-12-31`);
  await page.getByLabel("组长").selectOption({ label: "吴督查" });
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${title}（更正）` })).toBeVisible();
  await expect(page.getByText(`12月31日`).first()).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "吴督查" })).toContainText("组长");
  await expectAccessible(page);

  // Nothing issued and nothing found yet: the round can go, its draft report with it.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "删除本轮督查" }).click();
  await expect(page).toHaveURL(/\/inspections$/);
  await expect(page.getByRole("heading", { level: 1, name: "督查整改" })).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
});

test("staff enter a provincial tour's feedback; the unit finds its problems to rectify, another unit nothing", async ({ browser, page, signIn, expectAccessible }) => {
  const problem = `巡视反馈问题 ${Date.now()}`;
  await signIn("supervisor");
  await page.goto("/inspections");
  await page.getByRole("link", { name: "巡视巡察反馈" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "巡视巡察反馈台账" })).toBeVisible();
  await page.getByRole("link", { name: "录入反馈问题" }).click();
  const unit = page.getByLabel("被巡视巡察单位");
  await unit.selectOption((await unit.locator("option", { hasText: "省卫生健康委员会党组" }).getAttribute("value"))!);
  await page.getByLabel("反馈机构").fill("省委第五巡视组");
  await page.getByLabel("反馈文号（可不填）").fill("省委巡视反馈〔2026〕5号");
  await page.getByLabel("反馈意见概要").fill("党组落实管党治党责任有差距。");
  // No problem yet: refused, nothing lost.
  await page.getByRole("button", { name: "保存反馈问题" }).click();
  await expect(page.getByRole("group", { name: "反馈问题清单" }).getByText("请至少添加一个反馈问题。")).toBeVisible();
  await page.getByRole("button", { name: "添加一个问题" }).click();
  const first = page.getByRole("group", { name: "第 1 个问题" });
  await first.getByLabel("问题表述").fill(problem);
  await first.getByLabel("整改时限").fill("2020-01-01");
  await page.getByRole("button", { name: "保存反馈问题" }).click();
  await expect(first.getByText("整改时限须晚于反馈日期。")).toBeVisible();
  await expect(page.getByLabel("反馈机构")).toHaveValue("省委第五巡视组");
  await first.getByLabel("整改时限").fill("2099-06-30");
  await expectAccessible(page);
  await page.getByRole("button", { name: "保存反馈问题" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "巡视巡察反馈 · 省卫生健康委员会党组" })).toBeVisible();
  await expect(page.getByText(`1. ${problem}`)).toBeVisible();
  await expect(page.getByText("巡视：省委第五巡视组")).toBeVisible();
  await expectAccessible(page);
  // On paper: with the lines to sign, without the links.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByText("录入人（签字）：")).toBeVisible();
  await expect(page.getByRole("link", { name: "查看整改" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  const tourUrl = page.url();
  await page.goto("/inspections/tours");
  await expect(page.getByRole("row").filter({ hasText: "省委第五巡视组" })).toContainText("已销号 0/1");
  await expectAccessible(page);

  // The unit hears of it, opens it, and finds the problem in its rectification ledger under its source.
  const secretary = await openAs(browser, "u08-secretary");
  await secretary.page.goto("/notifications");
  await secretary.page.getByRole("link", { name: /省委第五巡视组/ }).first().click();
  await expect(secretary.page).toHaveURL(tourUrl);
  await secretary.page.goto("/findings?source=TOUR");
  await expect(secretary.page.getByLabel("问题来源")).toHaveValue("TOUR");
  await expect(secretary.page.getByRole("link", { name: new RegExp(problem) }).first()).toBeVisible();
  await secretary.page.goto("/findings?source=TALK");
  await expect(secretary.page.getByText(problem)).toHaveCount(0);
  await secretary.close();

  // Another unit sees neither the feedback nor its page.
  const other = await openAs(browser, "u07-secretary");
  await other.page.goto("/inspections/tours");
  await expect(other.page.getByText("省委第五巡视组")).toHaveCount(0);
  expect((await other.page.goto(tourUrl))?.status()).toBe(404);
  await other.close();
});

/** A problem list as staff would fill in the template. */
async function tourSheet(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("反馈问题");
  sheet.addRow(["单位代码", "问题表述", "问题类别", "严重程度", "整改时限"]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test("staff import a tour's problem list from Excel; the unit rectifies a problem and the committee closes it out", async ({ browser, page, signIn, expectAccessible }) => {
  test.setTimeout(120_000);
  const problem = `巡察反馈导入问题 ${Date.now()}`;
  const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  await signIn("supervisor");
  await page.goto("/inspections/tours");
  await page.getByRole("link", { name: "从 Excel 导入" }).click();
  // The template downloads as a workbook under its name in the catalog, and reads back as a sheet the import takes.
  const template = await page.request.get("/inspections/tours/template");
  expect(template.headers()["content-disposition"]).toContain(encodeURIComponent("巡视巡察反馈问题模板.xlsx"));
  const templateBook = new ExcelJS.Workbook();
  await templateBook.xlsx.load(new Uint8Array(await template.body()).buffer);
  expect(templateBook.worksheets[0]!.getRow(1).values).toEqual([undefined, "单位代码", "问题表述", "问题类别", "严重程度", "整改时限"]);
  const form = page.getByRole("form", { name: "导入巡视巡察反馈问题" });
  await form.getByLabel("类别").selectOption({ label: "巡察" });
  await form.getByLabel("反馈机构").fill("省直机关第二巡察组");
  await form.getByLabel("反馈意见概要").fill("巡察发现以下问题。");
  // A sheet with a bad row is refused whole, each problem named by row.
  await form.getByLabel("问题清单文件").setInputFiles({ name: "反馈.xlsx", mimeType: xlsx, buffer: await tourSheet([["U05", problem, "理论学习", "很严重", "2099-06-30"]]) });
  await form.getByRole("button", { name: "导入" }).click();
  await expect(page.getByText("文件有 1 处问题，未导入任何内容。")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "严重程度" }).filter({ hasText: "很严重" })).toContainText("2");
  await expectAccessible(page);
  await form.getByLabel("问题清单文件").setInputFiles({ name: "反馈.xlsx", mimeType: xlsx, buffer: await tourSheet([["U05", problem, "理论学习", "较重", "2099-06-30"]]) });
  await form.getByRole("button", { name: "导入" }).click();
  await expect(page.getByText("已导入 1 个单位的反馈问题；0 个单位此前已导入，未重复导入。")).toBeVisible();
  await page.getByRole("link", { name: "省自然资源厅党组：1 个问题" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "巡视巡察反馈 · 省自然资源厅党组" })).toBeVisible();
  const tourUrl = page.url();
  // The feedback document is kept beside it.
  await page.getByRole("button", { name: "上传文件：反馈文件" }).click();
  const upload = page.getByRole("form", { name: "上传文件：反馈文件" });
  await upload.getByLabel("选择文件").setInputFiles({ name: "巡察反馈意见.pdf", mimeType: "application/pdf", buffer: PDF });
  await upload.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByRole("list", { name: "反馈文件" }).getByRole("link", { name: "巡察反馈意见.pdf" })).toBeVisible();
  await expectAccessible(page);

  // The unit rectifies it on the finding's own page and asks for close-out.
  const unit = await openAs(browser, "u05-secretary");
  await unit.page.goto(tourUrl);
  // It reads the feedback document, and adds none to the committee's record.
  const [document] = await Promise.all([unit.page.waitForEvent("download"), unit.page.getByRole("link", { name: "巡察反馈意见.pdf" }).click()]);
  expect(document.suggestedFilename()).toBe("巡察反馈意见.pdf");
  await expect(unit.page.getByRole("button", { name: "上传文件：反馈文件" })).toHaveCount(0);
  await unit.page.getByRole("link", { name: "查看整改" }).click();
  await unit.page.getByLabel("整改措施").fill("制定整改方案，逐项落实。");
  await unit.page.getByLabel("整改责任人").selectOption({ index: 1 });
  await unit.page.getByRole("button", { name: "保存整改方案" }).click();
  await expect(unit.page.getByTestId("finding-state").first()).toHaveText("整改中");
  await unit.page.getByRole("button", { name: "申请销号" }).click();
  await expect(unit.page.getByTestId("finding-state").first()).toHaveText("待验收");
  const findingUrl = unit.page.url();
  await unit.close();

  // The committee, who entered it, accepts it as the group and as the committee: closed out.
  await page.goto(findingUrl);
  await page.getByRole("button", { name: "以督查组身份验收通过" }).click();
  await expect(page.getByText("验收通过 · 督查组")).toBeVisible();
  await page.getByRole("button", { name: "以机关工委身份验收通过" }).click();
  await expect(page.getByTestId("finding-state").first()).toHaveText("已销号");
  await page.goto("/inspections/tours");
  await expect(page.getByRole("row").filter({ hasText: "省自然资源厅党组" })).toContainText("已销号 1/1");

  // The analysis counts the tours' feedback apart, and its counts open the ledger on that source.
  await page.goto("/inspections/analysis");
  await page.getByLabel("问题来源").selectOption({ label: "巡视巡察" });
  await page.getByRole("form", { name: "筛选" }).getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/source=TOUR/);
  const ledgerLinks = page.locator('a[href^="/findings?"]');
  await expect(ledgerLinks.first()).toHaveAttribute("href", /source=TOUR/);
  await expectAccessible(page);
});
