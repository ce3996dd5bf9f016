import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { exportCatalog } from "../lib/catalogs/catalog-io";
import type { TCatalogFile } from "../lib/validation/catalog-file";
import { expect, openAs, test } from "./fixtures";

test("an administrator writes a list in the editor, publishes and assigns it, revises it, compares the versions and moves the assignments to the new one", async ({
  browser,
  page,
  signIn,
  expectAccessible,
}) => {
  const suffix = crypto.randomBytes(3).toString("hex");
  await signIn("admin");
  await page.goto("/catalogs");
  // Refused empty: the alert names each field, and the first takes the focus.
  await page.getByRole("button", { name: "新建并编辑" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "“清单名称”：此项为必填项。" })).toContainText("“发布机关”：此项为必填项。");
  await expect(page.getByLabel("清单名称")).toBeFocused();
  // Only Chinese is typed: the key is suggested from the name (this year and a short code) and follows it.
  const title = `编辑器测试清单${[...suffix].map((c) => "零一二三四五六七八九甲乙丙丁戊己"[parseInt(c, 16)]).join("")}`;
  const key = page.getByLabel("清单标识");
  await page.getByLabel("清单名称").fill("2025年度清单");
  await expect(key).toHaveValue(/^list-2025-[0-9a-f]{4}$/);
  // A key of one's own stays while the name changes; emptying it brings the suggestion back.
  await key.fill(`editor-${suffix}`);
  await page.getByLabel("清单名称").fill("2024年度清单");
  await expect(key).toHaveValue(`editor-${suffix}`);
  await key.fill("");
  await page.getByLabel("清单名称").fill(title);
  await expect(key).toHaveValue(/^list-\d{4}-[0-9a-f]{4}$/);
  await page.getByLabel("发布机关").fill("测试工委");
  await page.getByRole("button", { name: "新建并编辑" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "编辑清单" })).toBeVisible();

  // An empty list is refused.
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("清单中至少要有一项职责。")).toBeVisible();

  await page.getByRole("button", { name: "添加职责" }).click();
  await page.getByRole("button", { name: "添加职责" }).click();
  const first = page.getByTestId("editor-duty").nth(0);
  const second = page.getByTestId("editor-duty").nth(1);
  await first.getByLabel("编号").fill("E-1");
  await first.getByLabel("职责名称").fill(`研究部署年度工作${suffix}`);
  await second.getByLabel("编号").fill("E-1");
  await second.getByLabel("职责名称").fill(`报告年度工作${suffix}`);
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(second.getByText("编号重复，每项职责的编号必须唯一。")).toBeVisible();
  await second.getByLabel("编号").fill("E-2");
  await second.getByLabel("频次").selectOption("QUARTERLY");
  await page.getByRole("button", { name: "下移第 1 项" }).click();
  await expect(page.getByTestId("editor-duty").nth(0).getByLabel("编号")).toHaveValue("E-2");
  await expectAccessible(page);

  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByTestId("editor-preview").getByRole("listitem")).toHaveCount(2);
  await expect(page.getByTestId("editor-preview")).toContainText("每季度");
  await page.getByRole("button", { name: "返回编辑" }).click();
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存。" })).toBeVisible();

  await page.getByRole("link", { name: title }).click();
  await expect(page.getByTestId("catalog-duty")).toHaveCount(2);
  await page.getByRole("button", { name: "发布此版本" }).click();
  await expect(page.getByText("已发布", { exact: true })).toBeVisible();

  // Version 1 goes to every unit party group for this year: E-2 four times, E-1 once.
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByTestId("assign-plan")).toContainText("将下发到 8 个组织，共 40 项事项");
  await page.getByRole("button", { name: "确认下发 40 项事项" }).click();
  await expect(page.getByText("下发完成：新增 8 个组织、40 项事项。")).toBeVisible();

  await page.getByRole("button", { name: "新建修订版" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "编辑清单" })).toBeVisible();
  await expect(page.getByText("第 2 版")).toBeVisible();
  await page.getByTestId("editor-duty").nth(0).getByLabel("职责名称").fill(`每季度报告工作${suffix}`);
  await page.getByRole("button", { name: "删除第 2 项" }).click();
  await page.getByRole("button", { name: "添加职责" }).click();
  const added = page.getByTestId("editor-duty").nth(1);
  await added.getByLabel("编号").fill("E-3");
  await added.getByLabel("职责名称").fill(`约谈后进单位${suffix}`);
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存。" })).toBeVisible();

  await page.getByRole("link", { name: title }).click();
  await page.getByRole("link", { name: "与上一版比较" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "版本比较" })).toBeVisible();
  const rows = page.getByTestId("diff-row");
  await expect(rows.filter({ hasText: "修改" })).toContainText("E-2");
  await expect(rows.filter({ hasText: "修改" })).toContainText(`报告年度工作${suffix} → 每季度报告工作${suffix}`);
  await expect(rows.filter({ hasText: "新增" })).toContainText("E-3");
  await expect(rows.filter({ hasText: "删除" })).toContainText("E-1");
  await expectAccessible(page);

  // Publish version 2 and move this year's assignments to it, from the plan.
  await page.getByRole("link", { name: "第 2 版" }).click();
  await page.getByRole("button", { name: "发布此版本" }).click();
  await expect(page.getByText("已发布", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "将已下发的旧版本迁移到此版本" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "迁移到新版本" })).toBeVisible();
  const plan = page.getByTestId("move-plan");
  // E-2 keeps its 4 open items each (retitled), E-3 makes one each, E-1's one each is withdrawn.
  await expect(plan.getByTestId("move-row").filter({ hasText: "E-2" })).toContainText("修改");
  await expect(page.getByTestId("move-total-create")).toHaveText("8");
  await expect(page.getByTestId("move-total-update")).toHaveText("32");
  await expect(page.getByTestId("move-total-carry")).toHaveText("0");
  await expect(page.getByTestId("move-total-withdraw")).toHaveText("8");
  await expect(page.getByText("第 1 版：8 个组织")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "执行迁移" }).click();
  // The emptied plan is replaced, and the outcome stays in view beside it.
  await expect(page.getByText("该期间和范围内没有需要迁移到此版本的已下发清单。")).toBeVisible();
  await expect(page.getByText("已迁移 8 个组织：新建 8 项，更新 32 项，原样迁移 0 项，移出 8 项。")).toBeVisible();

  // A unit secretary sees the new version's duties, and the withdrawn one only when asking for it.
  const { page: secretary, close } = await openAs(browser, "u06-secretary");
  await secretary.goto(`/checklists?status=open&q=${suffix}`);
  await expect(secretary.getByRole("link", { name: new RegExp(`每季度报告工作${suffix}`) })).toHaveCount(4);
  await expect(secretary.getByRole("link", { name: new RegExp(`约谈后进单位${suffix}`) })).toHaveCount(1);
  await expect(secretary.getByRole("link", { name: new RegExp(`研究部署年度工作${suffix}`) })).toHaveCount(0);
  await secretary.goto("/checklists?status=WITHDRAWN");
  await secretary.getByRole("link", { name: new RegExp(`研究部署年度工作${suffix}`) }).click();
  await expect(secretary.getByText("该职责已在清单新版本中删除，此事项不再办理，仅保留记录。")).toBeVisible();
  await expect(secretary.getByTestId("item-history")).toContainText("因职责删除移出清单");
  await close();
});

/** 30 duties in three runs of ten: the party group's main ones, the organ party committee's, the branches'. */
function longList(suffix: string): TCatalogFile {
  const run = (prefix: string, over: Partial<TCatalogFile["duties"][number]>) =>
    Array.from({ length: 10 }, (_, i) => ({
      code: `${prefix}-${String(i + 1).padStart(2, "0")}`,
      title: `${prefix} 第${i + 1}项职责${suffix}`,
      description: "按要求落实。",
      kind: "IMPLEMENTING" as const,
      bodyType: "BRANCH" as const,
      frequency: "YEARLY" as const,
      evidenceRequired: false,
      weight: 1,
      ...over,
    }));
  return {
    key: `e2e-long-list-${suffix}`,
    title: `长清单${suffix}`,
    issuer: "测试工委",
    // The old English marker of a sample list: the editor shows it in Chinese.
    source: "sample",
    version: 1,
    duties: [
      ...run("PG", { kind: "MAIN", bodyType: "PARTY_GROUP", group: "组织领导" }),
      ...run("OC", { bodyType: "ORGAN_PARTY_COMMITTEE", group: "党员教育" }),
      ...run("BR", {}),
    ],
  };
}

test("in a long list the save bar stays in view, on a desktop and on a phone, and the duties fold by group", async ({ page, signIn, expectAccessible }) => {
  const suffix = crypto.randomBytes(3).toString("hex");
  const list = longList(suffix);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dl-e2e-")), `${list.key}.xlsx`);
  fs.writeFileSync(file, await exportCatalog(list, "xlsx"));
  await signIn("admin");
  await page.goto("/catalogs");
  await page.getByLabel("清单文件（Excel、JSON 或 YAML）").setInputFiles(file);
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await page.getByRole("link", { name: "查看并发布" }).click();
  await page.getByRole("link", { name: "编辑草稿" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "编辑清单" })).toBeVisible();
  await expect(page.getByLabel("来源（文件名称、文号及日期）")).toHaveValue("示例");

  const sections = page.getByTestId("editor-section");
  await expect(sections).toHaveCount(3);
  await expect(sections.nth(0)).toHaveText(/单位党组（党委） · 主体责任 · 组织领导\s*10 项/);
  await expect(sections.nth(2)).toHaveText(/党支部 · 具体落实职责\s*10 项/);
  const visibleDuties = page.locator("[data-testid=editor-duty]:visible");
  await expect(visibleDuties).toHaveCount(30);
  await expectAccessible(page);

  // Scrolled to the last duty, the save button and the outcome are on screen.
  const save = page.getByRole("button", { name: "保存草稿" });
  await page.getByTestId("editor-duty").last().scrollIntoViewIfNeeded();
  await expect(save).toBeInViewport();
  await page.getByTestId("editor-duty").last().getByLabel("分值").fill("3");
  await save.click();
  await expect(page.getByRole("status").filter({ hasText: "已保存。" })).toBeInViewport();

  // A group folds and unfolds, by mouse and by keyboard.
  await sections.nth(1).click();
  await expect(sections.nth(1)).toHaveAttribute("aria-expanded", "false");
  await expect(visibleDuties).toHaveCount(20);
  await expect(page.getByText(`OC 第1项职责${suffix}`)).toHaveCount(0);
  await sections.nth(1).focus();
  await page.keyboard.press("Enter");
  await expect(sections.nth(1)).toHaveAttribute("aria-expanded", "true");
  await expect(visibleDuties).toHaveCount(30);

  // A folded group with a mistake in it opens, and the bar says what is wrong.
  await page.getByTestId("editor-duty").last().getByLabel("编号").fill("");
  await sections.nth(2).click();
  await expect(visibleDuties).toHaveCount(20);
  await save.click();
  await expect(sections.nth(2)).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByTestId("editor-duty").last().getByText("此项为必填项。")).toBeVisible();
  await expect(page.getByText("有内容需要修改，请按提示修改后再保存。")).toBeInViewport();
  await page.getByTestId("editor-duty").last().getByLabel("编号").fill("BR-10");
  // Corrected, it stays open under the user's hands.
  await expect(visibleDuties).toHaveCount(30);

  // On a phone too.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId("editor-duty").last().scrollIntoViewIfNeeded();
  await expect(save).toBeInViewport();
  await save.click();
  await expect(page.getByRole("status").filter({ hasText: "已保存。" })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
