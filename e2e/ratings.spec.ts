import { expect, test } from "./fixtures";

test("the committee previews the year's scores, reads how a unit scored, and changes the scheme the grades follow", async ({ page, signIn, expectAccessible }) => {
  await signIn("supervisor");
  await page.goto("/progress");
  await page.getByRole("link", { name: "述职评议", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "述职评议考核" })).toBeVisible();
  await expectAccessible(page);
  const table = page.getByRole("table", { name: "单位党组（党委）：8 个单位" });
  const rows = table.getByRole("row");
  // A header row and the eight units' party groups, ranked.
  await expect(rows).toHaveCount(9);
  const ranks = (await table.locator("tbody tr td:first-child").allTextContents()).map(Number);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  // Nobody has rated yet: the rated part waits.
  await expect(table.getByText("待录入")).toHaveCount(8);

  // The first unit's explanation: each indicator with its count, share, points.
  const first = table.locator("tbody tr").first();
  const unit = (await first.getByRole("rowheader").innerText()).trim();
  const total = (await first.locator("td").nth(4).innerText()).trim();
  await first.getByRole("link", { name: `查看 ${unit} 的得分明细` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${unit}：得分明细` })).toBeVisible();
  const indicators = page.getByRole("table", { name: "台账指标" });
  await expect(indicators.getByRole("rowheader")).toHaveText(["职责完成（按分值）", "按时完成", "佐证齐全", "问题按期销号"]);
  await expect(page.getByText(total, { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  // The scheme: a sum that is not 100 is refused in place; bands lowered, cap and vetoes off, saved.
  await page.getByRole("link", { name: "返回得分预览" }).click();
  await page.getByRole("link", { name: "编辑方案" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "编辑考核方案" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("职责完成（按分值）").fill("31");
  await page.getByRole("button", { name: "保存方案" }).click();
  await expect(page.getByText("台账指标与评议部分的分值合计须为 100 分。").first()).toBeVisible();
  await page.getByLabel("职责完成（按分值）").fill("30");
  await page.getByLabel("“好”的分数线").fill("20");
  await page.getByLabel("“较好”的分数线").fill("15");
  await page.getByLabel("“一般”的分数线").fill("10");
  await page.getByLabel("“好”等次比例上限（%）").fill("");
  await page.getByLabel("严重问题未销号").uncheck();
  await page.getByRole("button", { name: "保存方案" }).click();
  await expect(page.getByText("方案已保存。")).toBeVisible();

  await page.getByRole("link", { name: "返回得分预览" }).click();
  await expect(page.getByText("第 1 版，周督导于")).toBeVisible();
  await expect(page.getByText("好 ≥ 20，较好 ≥ 15，一般 ≥ 10，其余为差")).toBeVisible();
  // Every unit scores at least 20 of the ledger's 60 points here: all are 好 now, by the bands.
  await expect(table.locator("tbody tr").getByText("好", { exact: true })).toHaveCount(8);
  await expect(table.getByText("按分数线")).toHaveCount(8);
});

test("a unit's secretary has no rating pages", async ({ page, signIn }) => {
  await signIn("u01-secretary");
  await page.goto("/checklists");
  await expect(page.getByRole("link", { name: "述职评议", exact: true })).toHaveCount(0);
  const response = await page.goto("/ratings");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "述职评议考核" })).toHaveCount(0);
});
