import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { exportCatalog } from "../lib/catalogs/catalog-io";
import type { TCatalogFile } from "../lib/validation/catalog-file";
import { expect, openAs, test } from "./fixtures";

function unitList(suffix: string): TCatalogFile {
  return {
    key: `e2e-unit-list-${suffix}`,
    title: `端到端测试清单${suffix}`,
    issuer: "测试工委",
    source: "端到端测试",
    version: 1,
    duties: [
      { code: "T-01", title: `专题研究机关党建工作${suffix}`, description: "每季度召开党组会议专题研究。", kind: "MAIN", bodyType: "PARTY_GROUP", frequency: "QUARTERLY", evidenceRequired: true, weight: 60 },
      { code: "T-02", title: `报告年度党建工作${suffix}`, description: "年底向机关工委书面报告。", kind: "MAIN", bodyType: "PARTY_GROUP", frequency: "YEARLY", evidenceRequired: true, weight: 40 },
    ],
  };
}

async function writeTemp(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dl-e2e-")), name);
  fs.writeFileSync(file, bytes);
  return file;
}

test("an administrator imports an Excel list, publishes it, assigns it to every unit party group, and a unit secretary sees the new duties", async ({
  browser,
  page,
  signIn,
  expectAccessible,
}) => {
  const suffix = crypto.randomBytes(3).toString("hex");
  const list = unitList(suffix);
  const xlsx = await writeTemp(`${list.key}.xlsx`, await exportCatalog(list, "xlsx"));

  await signIn("admin");
  await page.goto("/catalogs");
  await expect(page.getByRole("heading", { level: 1, name: "责任清单" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("清单文件（Excel、JSON 或 YAML）").setInputFiles(xlsx);
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await expect(page.getByText("导入成功，已保存为草稿。")).toBeVisible();
  await page.getByRole("link", { name: "查看并发布" }).click();

  await expect(page.getByRole("heading", { level: 1, name: list.title })).toBeVisible();
  await expect(page.getByTestId("catalog-duty")).toHaveCount(2);
  await expect(page.getByText("草稿", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "发布此版本" }).click();
  await expect(page.getByText("已发布", { exact: true })).toBeVisible();

  // Assign to every unit party group under the committee, for this year.
  await expect(page.getByLabel("下发范围")).toHaveValue(/.+/);
  await expect(page.getByRole("checkbox", { name: "单位党组（党委）" })).toBeChecked();
  await page.getByRole("button", { name: "预览" }).click();
  // 8 party groups, 4 quarterly + 1 yearly item each.
  await expect(page.getByTestId("assign-plan")).toContainText("将下发到 8 个组织，共 40 项事项");
  await expectAccessible(page);
  await page.getByRole("button", { name: "确认下发 40 项事项" }).click();
  await expect(page.getByText("下发完成：新增 8 个组织、40 项事项。")).toBeVisible();

  // Assigning again creates nothing twice.
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByTestId("assign-plan")).toContainText("这些职责均已下发，无需重复下发。");

  // The export gives the same list back.
  const download = await page.request.get(page.url() + "/export?format=json");
  expect(download.ok()).toBe(true);
  expect(await download.json()).toMatchObject({ key: list.key, version: 1, duties: [{ code: "T-01" }, { code: "T-02" }] });

  // A secretary of one of those units sees the new duties.
  const { page: secretary, close } = await openAs(browser, "u04-secretary");
  await secretary.goto("/checklists?kind=MAIN&status=NOT_STARTED");
  await expect(secretary.getByRole("link", { name: new RegExp(`专题研究机关党建工作${suffix}`) })).toHaveCount(4);
  await expect(secretary.getByRole("link", { name: new RegExp(`报告年度党建工作${suffix}`) })).toHaveCount(1);
  await close();
});

test("a bad spreadsheet is refused whole, with every problem by row and column", async ({ page, signIn }) => {
  const workbook = new ExcelJS.Workbook();
  const meta = workbook.addWorksheet("清单");
  meta.addRows([
    ["清单标识", "e2e-broken-list"],
    ["清单名称", "有问题的清单"],
    ["发布机关", "测试工委"],
    ["来源", "测试"],
    ["版本", 1],
  ]);
  const duties = workbook.addWorksheet("职责");
  duties.addRow(["编号", "职责名称", "责任主体", "频次"]);
  duties.addRow(["X-01", "第一项", "单位党组（党委）", "每年"]);
  duties.addRow(["X-01", "第二项", "单位党组（党委）", "每两年"]);
  const file = await writeTemp("broken.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));

  await signIn("admin");
  await page.goto("/catalogs");
  // No file chosen: the alert names the field, and the field takes the focus.
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "“清单文件（Excel、JSON 或 YAML）”：请先选择要导入的文件。" })).toBeVisible();
  await expect(page.getByLabel("清单文件（Excel、JSON 或 YAML）")).toBeFocused();
  await page.getByLabel("清单文件（Excel、JSON 或 YAML）").setInputFiles(file);
  await page.getByRole("button", { name: "导入", exact: true }).click();
  const problems = page.getByTestId("catalog-problems");
  await expect(problems).toContainText("缺少必填列“责任类别”");
  await expect(problems).toContainText("第 3 行（频次）");
  await expect(problems).toContainText("“每两年”不在可选范围内");
  await expect(problems).toContainText("编号“X-01”重复");
  await expect(page.getByText("导入成功")).toHaveCount(0);

  // Nothing of it reached the database.
  await page.reload();
  await expect(page.getByText("有问题的清单")).toHaveCount(0);
});

test("an administrator starts next year from this one, with every status reset", async ({ page, signIn }) => {
  await signIn("admin");
  await page.goto("/catalogs");
  const form = page.getByRole("region", { name: "从本期间开始下一期间" });
  await form.getByLabel("复制来源期间").selectOption({ index: 0 });
  const nextYear = Number(await form.getByLabel("目标年度").inputValue());
  expect(nextYear).toBeGreaterThan(2000);
  await form.getByLabel("目标期间").selectOption("0");
  // The root is found by name beyond the first organizations listed; the one chosen stays chosen.
  const root = form.getByLabel("范围", { exact: true });
  const whole = (await root.locator("option:checked").textContent()) ?? "";
  await form.getByRole("searchbox", { name: "查找组织" }).fill("交通运输厅离退休干部第二");
  await form.getByRole("searchbox", { name: "查找组织" }).press("Enter");
  await expect(root.locator("option")).toHaveCount(2);
  await expect(root.locator("option:checked")).toHaveText(whole);
  await expect(root.locator("option").nth(1)).toContainText("省交通运输厅离退休干部第二党支部");
  await form.getByRole("button", { name: "开始新期间" }).click();
  await expect(form.getByText(/已为新期间下发：新增 \d+ 个组织、\d+ 项事项/)).toBeVisible();
  const text = (await form.getByText(/已为新期间下发/).textContent()) ?? "";
  expect(Number(/、(\d+) 项/.exec(text)?.[1])).toBeGreaterThan(1000);

  // Again: nothing is made twice.
  await form.getByRole("button", { name: "开始新期间" }).click();
  await expect(form.getByText("已为新期间下发：新增 0 个组织、0 项事项，状态均为未开始。")).toBeVisible();
});

test("the Excel template downloads beside the import form and imports as it is; the format guide is a page of its own", async ({ page, signIn, expectAccessible }) => {
  await signIn("admin");
  await page.goto("/catalogs");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 Excel 导入模板" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("责任清单导入模板.xlsx");
  const template = await writeTemp(download.suggestedFilename(), fs.readFileSync((await download.path())!));

  // Unchanged, it is a draft of a sample list with its one example duty.
  await page.getByLabel("清单文件（Excel、JSON 或 YAML）").setInputFiles(template);
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await expect(page.getByText("导入成功，已保存为草稿。")).toBeVisible();
  await page.getByRole("link", { name: "查看并发布" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "示例清单（请改为本单位清单名称）" })).toBeVisible();
  await expect(page.getByText("示例", { exact: true })).toBeVisible();
  await expect(page.getByTestId("catalog-duty")).toHaveCount(1);

  await page.goto("/catalogs");
  await page.getByRole("link", { name: "Excel 格式说明" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "清单 Excel 格式说明" })).toBeVisible();
  const columns = page.getByTestId("format-duty-columns").getByRole("rowheader");
  await expect(columns).toHaveCount(11);
  await expect(columns.first()).toContainText("编号");
  await expect(page.getByTestId("format-duty-columns")).toContainText("主体责任、协助职责、指导督促责任、具体落实职责");
  await expect(page.getByTestId("format-catalog-fields").getByRole("rowheader")).toHaveCount(8);
  await expect(page.getByRole("link", { name: "下载 Excel 导入模板" })).toHaveAttribute("href", "/catalogs/template");
  await expectAccessible(page);
});
