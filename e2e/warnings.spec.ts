import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// The demo's items fall due at month and quarter ends and the server runs on
// today's date, so which organizations are red is not fixed: every
// expectation below is read off the page itself.

const RED = '[data-testid="progress-warning"][data-worst="red"]';

function redRows(page: Page) {
  return page.getByTestId("progress-row").filter({ has: page.locator(RED) });
}

/** From a progress level, follow red organizations down until a red branch (党支部) shows; false if this subtree has none. */
async function descendToRedBranch(page: Page, depth = 0): Promise<boolean> {
  const branch = redRows(page).filter({ has: page.getByText("党支部", { exact: true }) });
  if ((await branch.count()) > 0) return true;
  if (depth > 3) return false;
  // Drill-down links, most overdue first: the likeliest way to a red branch.
  const hrefs = await redRows(page)
    .getByRole("rowheader")
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  for (const href of hrefs) {
    await page.goto(`${href}&sort=overdue&dir=desc`);
    await expect(page.getByTestId("progress-parent").locator(RED)).toBeVisible();
    if (await descendToRedBranch(page, depth + 1)) return true;
  }
  return false;
}

test("walks the red/yellow/green roll-up", async ({ page, signIn, expectAccessible }) => {
  test.setTimeout(120_000);
  await signIn("supervisor");
  await page.goto("/progress");
  await expect(page.getByRole("heading", { level: 1, name: "进度总览" })).toBeVisible();
  await expect(page.getByTestId("progress-row")).toHaveCount(8);
  await expectAccessible(page);

  // Each unit names its worst colour in words; some unit is red, so the whole province is.
  const warnings = page.getByTestId("progress-row").getByTestId("progress-warning");
  for (const worst of await warnings.evaluateAll((cells) => cells.map((c) => c.getAttribute("data-worst")))) {
    expect(["red", "yellow", "green", "none"]).toContain(worst);
  }
  const redUnits = redRows(page);
  expect(await redUnits.count()).toBeGreaterThan(0);
  // A red unit has red items to count, as many as it has overdue, said once: "红色预警 N 项", not the colour and then its count.
  const overdue = Number(await redUnits.first().getByTestId("progress-overdue").textContent());
  await expect(redUnits.first().getByTestId("warning-badge").filter({ hasText: "红色预警" })).toHaveCount(1);
  await expect(redUnits.first().getByTestId("warning-badge").filter({ hasText: "红色预警" })).toHaveText(`红色预警 ${overdue} 项`);
  await expect(page.getByTestId("progress-parent").locator(RED)).toBeVisible();
  await expect(redUnits.first().getByRole("link", { name: new RegExp(`^红色预警 ${overdue} 项`) })).toBeVisible();

  // Down the tree along red organizations to a red branch.
  expect(await descendToRedBranch(page), "some red unit has a red branch").toBe(true);
  await expectAccessible(page);
  const branchRow = redRows(page).filter({ has: page.getByText("党支部", { exact: true }) }).first();
  // The row header holds the name, then the type.
  const branchName = ((await branchRow.getByRole("rowheader").textContent()) ?? "").trim().replace(/党支部$/, "").trim();
  const redLink = branchRow.getByRole("link", { name: /^红色预警 \d+ 项/ });
  const red = Number(/(\d+)/.exec((await redLink.textContent()) ?? "")?.[1]);
  expect(red).toBeGreaterThan(0);

  // The branch's ledger, filtered to its red items.
  await redLink.click();
  await expect(page).toHaveURL(/\/orgs\/\w+\?warning=red$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(branchName);
  await expect(page.getByLabel("预警", { exact: true })).toHaveValue("red");
  await expect(page.getByTestId("warning-summary")).toContainText(`红色预警 ${red} 项`);
  await expect(page.getByText(new RegExp(`共 ${red} 项`))).toBeVisible();
  const rows = page.getByTestId("checklist-row");
  await expect(rows).toHaveCount(Math.min(red, 25));
  for (const row of await rows.all()) {
    await expect(row.getByTestId("warning-badge").filter({ visible: true })).toHaveAttribute("data-colour", "red");
    await expect(row.getByTestId("warning-badge").filter({ visible: true })).toContainText(/红色预警\s*·\s*逾期 \d+ 天/);
  }
  await expectAccessible(page);

  // The export carries the same filters and holds the same rows.
  const href = (await page.getByTestId("export-link").getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/checklists\/export\?/);
  expect(href).toContain("warning=red");
  expect(href).toMatch(/root=\w+/);
  const download = await page.request.get(href);
  expect(download.ok()).toBe(true);
  expect(download.headers()["content-type"]).toContain("spreadsheetml");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await download.body()).buffer);
  const sheet = workbook.worksheets[0];
  expect(sheet?.getRow(1).getCell(1).value).toBe("编号");
  expect(sheet?.getRow(1).getCell(9).value).toBe("预警");
  expect((sheet?.actualRowCount ?? 0) - 1).toBe(red);
});
