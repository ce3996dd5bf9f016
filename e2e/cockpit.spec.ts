import { expect, test } from "./fixtures";

test("the committee's cockpit: figures from the ledger, each chart opening the rows behind it down the tree", async ({ page, signIn, expectAccessible }) => {
  await signIn("supervisor");
  await page.goto("/progress");
  await page.getByRole("link", { name: "工作台", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  await expectAccessible(page);
  const tiles = page.getByRole("region", { name: "主要指标" });
  await expect(tiles.getByRole("link")).toHaveCount(8);

  // The progress chart's figures, folded under it, are the progress page's: its first unit opens that unit's level.
  const progress = page.getByRole("region", { name: "各单位职责完成情况" });
  await progress.getByText("查看数据").click();
  const first = progress.getByRole("rowheader").first().getByRole("link");
  const unit = (await first.innerText()).trim();
  await first.click();
  await expect(page).toHaveURL(/\/progress\?org=\w+/);
  const shown = page.getByRole("paragraph").filter({ hasText: "（含全部下级）" });
  await expect(shown).toContainText(unit);

  // A click on the chart itself does the same: the lowest bar is the unit listed first.
  await page.goto("/cockpit");
  const chart = page.getByTestId("chart-progress");
  await expect(chart.locator("svg")).toBeVisible();
  // The bars, in their warning colours; the first drawn is the first unit listed.
  await chart.locator('path[fill="#c21d2a"], path[fill="#e0a100"], path[fill="#1a7f37"], path[fill="#8a9099"]').filter({ visible: true }).first().click();
  await expect(page).toHaveURL(/\/progress\?org=\w+/);
  await expect(shown).toContainText(unit);

  // The findings ring opens the findings it counts; the grades the year's results.
  await page.goto("/cockpit");
  const findings = page.getByRole("region", { name: "问题整改" });
  await findings.getByText("查看数据").click();
  const open = Number((await findings.getByRole("row").filter({ hasText: "未销号问题" }).getByRole("cell").innerText()).trim());
  await findings.getByRole("link", { name: "未销号问题" }).click();
  await expect(page).toHaveURL(/\/findings\?.*open=1/);
  await expect(page.getByText(`共 ${open} 项`, { exact: false }).first()).toBeVisible();
});

test("a unit secretary's cockpit is their own unit's", async ({ page, signIn, expectAccessible }) => {
  await signIn("u01-secretary");
  await page.goto("/cockpit");
  await expect(page.getByText(/^省发展和改革委员会党组 · /)).toBeVisible();
  const progress = page.getByRole("region", { name: "各单位职责完成情况" });
  await progress.getByText("查看数据").click();
  // The level below the unit: its own party committee, none of the other units.
  await expect(progress.getByRole("rowheader")).toHaveText(["省发展和改革委员会机关党委"]);
  await expect(page.getByRole("link", { name: /^记录对.+的约谈$/ })).toHaveCount(0);
  await expectAccessible(page);
});
