import { currentYear } from "../lib/dates";
import { expect, test } from "./fixtures";

test("the supervisor follows progress per unit, sorts it, drills down and reads a unit's checklist read-only", async ({ page, signIn, expectAccessible }) => {
  await signIn("supervisor");
  await page.goto("/");
  await expect(page).toHaveURL(/\/progress$/);
  await expect(page.getByRole("heading", { level: 1, name: "进度总览" })).toBeVisible();
  await expectAccessible(page);
  const rows = page.getByTestId("progress-row");
  await expect(rows).toHaveCount(8);

  await page.getByRole("link", { name: /完成率/ }).click();
  await expect(page).toHaveURL(/sort=rate&dir=desc/);
  const rates = (await page.getByTestId("progress-row").getByTestId("progress-rate").allTextContents()).map((t) => Number(t.replace("%", "")));
  expect(rates).toEqual([...rates].sort((a, b) => b - a));
  await expect(page.getByRole("columnheader", { name: /完成率/ })).toHaveAttribute("aria-sort", "descending");

  await page.getByRole("link", { name: /逾期/ }).click();
  await expect(page).toHaveURL(/sort=overdue&dir=desc/);
  const overdue = (await page.getByTestId("progress-row").getByTestId("progress-overdue").allTextContents()).map(Number);
  expect(overdue).toEqual([...overdue].sort((a, b) => b - a));

  // Down the tree: a unit, then its organ party committee.
  await page.getByRole("link", { name: "省教育厅党组", exact: true }).click();
  await expect(page.getByTestId("progress-parent")).toContainText("省教育厅党组");
  await expect(rows).toHaveCount(1);
  await page.getByRole("link", { name: "查看台账" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "省教育厅党组" })).toBeVisible();
  await expectAccessible(page);

  await page.getByTestId("checklist-row").first().getByRole("link").click();
  await expect(page.getByText("您可以查看此事项，但无权办理。")).toBeVisible();
  await expect(page.getByRole("button", { name: "提交审核" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "保存进展" })).toHaveCount(0);

  // Another period: nothing is assigned for the first quarter, and drilling down keeps the period.
  await page.goto("/progress");
  await page.getByLabel("考核期间").selectOption({ label: `${currentYear()} 年第 1 季度` });
  await page.getByRole("button", { name: "查看", exact: true }).click();
  await expect(page.getByText(/年第 1 季度各组织责任落实情况/)).toBeVisible();
  await expect(rows).toHaveCount(8);
  await expect(page.getByTestId("progress-rate")).toHaveText(Array<string>(8).fill("—"));
  await page.getByRole("link", { name: "省教育厅党组", exact: true }).click();
  await expect(page.getByTestId("progress-parent")).toContainText("已完成 0/0");
  await expect(page.getByLabel("考核期间")).toHaveValue(new URL(page.url()).searchParams.get("period") ?? "");
  await expectAccessible(page);
});
