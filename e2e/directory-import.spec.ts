import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { parseCsv } from "../lib/directory/csv";
import { ORG_TYPE_WORDS, ROLE_WORDS } from "../lib/directory/directory-layout";
import { expect, test } from "./fixtures";

// The directory import (批量导入组织与人员) end to end: a new branch of unit U07
// and its secretary come in from a spreadsheet, the secretary signs in with the
// one-time password from the download, a branch list assigned to the new branch
// alone shows on their duties, and the branch then moves to unit U08 with its
// items. Later specs count only the eight units at the top and U08's review
// queue, which a branch that submits nothing leaves as they were.

const BRANCH = { code: "U07-B9", name: "省交通运输厅导入测试党支部", parent: "U07-OPC" };
const SECRETARY = { username: "u07-b9-secretary", name: "钱书记" };
const BRANCH_LIST = "机关党支部“五个基本”责任清单（示例）";

/** The two sheets of an import file, as an administrator fills them in. */
async function directoryFile(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const orgs = workbook.addWorksheet("组织");
  orgs.addRow(["组织编码", "组织名称", "英文名称", "组织类型", "上级组织编码", "排序"]);
  orgs.addRow([BRANCH.code, BRANCH.name, "Import Test Branch, Provincial Department of Transport", ORG_TYPE_WORDS.BRANCH, BRANCH.parent, 9]);
  const people = workbook.addWorksheet("人员");
  people.addRow(["用户名", "姓名", "邮箱", "组织编码", "角色"]);
  people.addRow([SECRETARY.username, SECRETARY.name, "", BRANCH.code, ROLE_WORDS.SECRETARY]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dl-e2e-")), "组织与人员.xlsx");
  fs.writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return file;
}

test("an administrator imports a branch and its secretary; the secretary signs in with the one-time password from the download and sees the list assigned to the new branch, which then moves to another unit with its items", async ({
  browser,
  page,
  signIn,
  expectAccessible,
}) => {
  test.setTimeout(120_000);

  // Step 1: preview the file, then import it.
  await signIn("admin");
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { level: 1, name: "批量导入组织与人员" })).toBeVisible();
  await page.getByLabel("选择文件").setInputFiles(await directoryFile());
  await page.getByRole("button", { name: "检查并预览" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByTestId("preview-orgs")).toHaveText("新增 1 个，修改 0 个，不变 0 个");
  await expect(preview).toContainText(`${BRANCH.code} ${BRANCH.name}（党支部，上级 ${BRANCH.parent}）`);
  await expect(preview.getByTestId("preview-users")).toHaveText("新增 1 个，修改 0 个，不变 0 个");
  await expect(preview).toContainText(`${SECRETARY.username}（${SECRETARY.name}）`);
  await expect(preview.getByTestId("preview-grants")).toHaveText("新增 1 项，已有 0 项");
  await expect(preview).toContainText(`${SECRETARY.username}：${BRANCH.code} 书记`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "确认导入" }).click();
  const done = page.getByTestId("import-done");
  await expect(done).toContainText("导入完成：新增组织 1 个，修改 0 个；新增账号 1 个，修改 0 个；新增角色 1 项。");
  await expect(preview).toHaveCount(0);

  // Step 2: the one-time passwords, downloaded once.
  const downloading = page.waitForEvent("download");
  await done.getByRole("link", { name: "下载 1 个新账号的一次性密码" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("新账号一次性密码.csv");
  const rows = parseCsv(fs.readFileSync(await download.path(), "utf8"));
  expect(rows[0]).toEqual(["用户名", "姓名", "一次性密码"]);
  expect(rows.slice(1)).toHaveLength(1);
  const [username, name, oneTimePassword] = rows[1] ?? [];
  expect([username, name]).toEqual([SECRETARY.username, SECRETARY.name]);
  expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);

  // Step 3: the secretary signs in with it, must set their own password, and finds nothing assigned yet.
  const context = await browser.newContext();
  const secretary = await context.newPage();
  await secretary.goto("/login");
  await secretary.getByLabel("用户名").fill(SECRETARY.username);
  await secretary.getByLabel("密码").fill(oneTimePassword ?? "");
  await secretary.getByRole("button", { name: "登录" }).click();
  await expect(secretary).toHaveURL(/\/account\/password(\?|$)/);
  await expect(secretary.getByRole("heading", { level: 1, name: "请设置您自己的密码" })).toBeVisible();
  await secretary.getByLabel("一次性密码").fill(oneTimePassword ?? "");
  await secretary.getByLabel("新密码", { exact: true }).fill("Import#2026");
  await secretary.getByLabel("再次输入新密码").fill("Import#2026");
  await secretary.getByRole("button", { name: "设置密码并继续" }).click();
  await expect(secretary).toHaveURL(/\/checklists$/);
  await expect(secretary.getByRole("heading", { level: 1, name: "我的职责" })).toBeVisible();
  await expect(secretary.getByText("本期暂无下发的职责。")).toBeVisible();
  await expect(secretary.getByTestId("checklist-row")).toHaveCount(0);

  // Step 4: the administrator assigns the published branch list to the new branch alone.
  await page.goto("/catalogs");
  await page
    .getByTestId("catalog-card")
    .filter({ has: page.getByRole("heading", { name: BRANCH_LIST }) })
    .getByRole("listitem")
    .filter({ hasText: "已发布" })
    .getByRole("link")
    .click();
  await expect(page.getByRole("heading", { level: 1, name: BRANCH_LIST })).toBeVisible();
  const scope = page.getByLabel("下发范围");
  const branchOption = await scope.locator("option", { hasText: BRANCH.name }).getAttribute("value");
  expect(branchOption, "the new branch is offered as a scope").toBeTruthy();
  await scope.selectOption(branchOption ?? "");
  const types = page.getByRole("group", { name: "组织类型" }).getByRole("checkbox");
  await expect(types).toHaveCount(1);
  await expect(page.getByRole("checkbox", { name: "党支部" })).toBeChecked();
  await page.getByRole("button", { name: "预览" }).click();
  const plan = page.getByTestId("assign-plan");
  await expect(plan).toContainText(/将下发到 1 个组织，共 \d+ 项事项；其中新增 1 个组织/);
  const items = Number(/共 (\d+) 项事项/.exec((await plan.textContent()) ?? "")?.[1]);
  expect(items).toBeGreaterThan(0);
  await plan.getByRole("button", { name: `确认下发 ${items} 项事项` }).click();
  await expect(page.getByText(`下发完成：新增 1 个组织、${items} 项事项。`)).toBeVisible();

  // Step 5: the secretary's duties now hold the branch's items, and nothing else.
  await secretary.reload();
  await expect(secretary.getByTestId("checklist-row").first()).toBeVisible();
  await expect(secretary.getByText("本期暂无下发的职责。")).toHaveCount(0);
  await expect(secretary.getByText(new RegExp(`共 ${items} 项`))).toBeVisible();
  await secretary.goto(`/checklists?q=${encodeURIComponent("支部委员会换届选举")}`);
  await expect(secretary.getByTestId("checklist-row")).toHaveCount(1);
  await expect(secretary.getByTestId("checklist-row")).toContainText("按期完成支部委员会换届选举");
  await context.close();

  // Step 7 (move): the administrator finds the branch and moves it under U08's organ party committee; its items go with it.
  await page.goto("/admin/orgs");
  await page.getByRole("searchbox", { name: "查找组织" }).fill(BRANCH.code);
  await page.getByRole("button", { name: "查找", exact: true }).click();
  const hit = page.getByTestId("org-hit");
  await expect(hit).toHaveCount(1);
  await hit.getByRole("link", { name: BRANCH.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: BRANCH.name })).toBeVisible();
  const branchUrl = page.url();
  const breadcrumb = page.getByRole("navigation", { name: "所在位置" });
  const u07Opc = await breadcrumb.getByRole("link", { name: "省交通运输厅机关党委" }).getAttribute("href");
  await page.getByRole("link", { name: "调整隶属关系" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `调整“${BRANCH.name}”的隶属关系` })).toBeVisible();
  const parent = page.getByLabel("新的上级组织");
  const u08Opc = await parent.locator("option", { hasText: "（U08-OPC）" }).getAttribute("value");
  expect(u08Opc, "U08-OPC is offered as the new parent").toBeTruthy();
  await parent.selectOption(u08Opc ?? "");
  await page.getByRole("button", { name: "预览影响范围" }).click();
  const movePlan = page.getByTestId("restructure-plan");
  await expect(movePlan.getByRole("heading", { name: "迁到“省卫生健康委员会机关党委”之下将影响" })).toBeVisible();
  await expect(movePlan.getByTestId("plan-orgsMoved")).toHaveText("1");
  await expect(movePlan.getByTestId("plan-liveItems")).toHaveText(String(items));
  await expect(movePlan.getByTestId("plan-grantsMoved")).toHaveText("1");
  await expectAccessible(page);
  await page.getByRole("button", { name: "确认调整" }).click();
  await expect(page).toHaveURL(branchUrl);
  await expect(breadcrumb.getByRole("link", { name: "省卫生健康委员会机关党委" })).toBeVisible();
  await expect(breadcrumb.getByRole("link", { name: "省交通运输厅机关党委" })).toHaveCount(0);

  // Progress now counts the branch and its items under U08's committee, and no longer under U07's.
  await page.goto(`/progress?org=${u08Opc}`);
  const movedRow = page.getByTestId("progress-row").filter({ hasText: BRANCH.name });
  await expect(movedRow).toHaveCount(1);
  await expect(movedRow).toContainText(`0/${items}`);
  await page.goto(`/progress?org=${u07Opc?.split("/").at(-1)}`);
  await expect(page.getByTestId("progress-parent")).toContainText("省交通运输厅机关党委");
  await expect(page.getByTestId("progress-row").filter({ hasText: BRANCH.name })).toHaveCount(0);
});
