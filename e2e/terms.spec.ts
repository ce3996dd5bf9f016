import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Today in Beijing as "YYYY-MM-DD". */
function todayInBeijing(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/** The election day of a term of `years` that falls due `months` from today: the same day of the month, or that month's last day. */
function electedForDueIn(months: number, years: number): string {
  const [y, m, d] = todayInBeijing().split("-").map(Number) as [number, number, number];
  const month = m - 1 + months - years * 12;
  const lastDay = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** The term ledger's line of an organization. */
const ledgerRow = (page: Page, orgName: string) => page.getByTestId("term-row").filter({ has: page.getByRole("link", { name: orgName, exact: true }) });

test("a unit secretary records an election due in two months, sees it yellow in the term ledger, and records the appointment talk", async ({ page, signIn, expectAccessible }) => {
  test.setTimeout(120_000);
  // The second branch of U01's general branch has no term recorded in the demo.
  const branch = "省发展和改革委员会离退休干部第二党支部";
  const stamp = Date.now().toString(36).slice(-5);
  const secretary = `吴新${stamp}`;
  const points = `履行第一责任人职责，落实“三会一课” ${stamp}`;

  await signIn("u01-secretary");
  await page.goto("/terms");
  await expect(page.getByRole("heading", { level: 1, name: "换届台账" })).toBeVisible();
  await expect(ledgerRow(page, branch)).toHaveAttribute("data-state", "missing");
  await expect(ledgerRow(page, branch).getByTestId("term-state")).toHaveText("未录入");
  await expectAccessible(page);

  // The organization's page: nothing recorded yet; the unit records for the branch below it.
  await ledgerRow(page, branch).getByRole("link", { name: branch }).click();
  await expect(page.getByRole("heading", { level: 1, name: branch })).toBeVisible();
  await expect(page.getByTestId("current-term")).toContainText("尚未录入本届委员会");
  await expectAccessible(page);

  const election = page.getByRole("form", { name: "记录换届选举" });
  await election.getByLabel("选举日期").fill(electedForDueIn(2, 3));
  await expect(election.getByLabel("任期（年）")).toHaveValue("3");
  await election.getByLabel("书记", { exact: true }).fill(secretary);
  await election.getByLabel("当选委员").fill(`${secretary}\n郑华\n王敏`);
  await election.getByRole("button", { name: "记录换届选举" }).click();
  await expect(election.getByRole("status")).toHaveText("换届选举已记录，上一届委员会同时结束。");
  const current = page.getByTestId("current-term");
  await expect(current).toContainText(secretary);
  await expect(current.getByTestId("warning-badge")).toHaveAttribute("data-colour", "yellow");
  await expect(current).toContainText("3个月内届满");

  // The ledger shows it in the ledger's yellow, among the terms due within three months.
  await page.goto("/terms");
  await expect(ledgerRow(page, branch)).toHaveAttribute("data-state", "yellow");
  await expect(ledgerRow(page, branch).getByTestId("warning-badge")).toHaveAttribute("data-colour", "yellow");
  await page.getByTestId("summary-yellow").click();
  await expect(page).toHaveURL(/state=yellow/);
  await expect(ledgerRow(page, branch)).toBeVisible();
  await expect(page.getByTestId("term-row").and(page.locator(':not([data-state="yellow"])'))).toHaveCount(0);

  // The level above talks with the new secretary, and the talk shows in the talks ledger.
  await ledgerRow(page, branch).getByRole("link", { name: branch }).click();
  const talk = page.getByRole("form", { name: "记录任职谈话" });
  await expect(talk.getByLabel("谈话对象")).toHaveValue(secretary);
  await talk.getByLabel("谈话日期").fill(todayInBeijing());
  await talk.getByLabel("谈话人").fill("张书记（党组书记）");
  await talk.getByLabel("谈话要点").fill(points);
  await talk.getByRole("button", { name: "记录任职谈话" }).click();
  await expect(talk.getByRole("status")).toHaveText("任职谈话已记录。");
  await expect(page.getByTestId("org-talk").first()).toContainText(points);

  await page.goto("/terms");
  await page.getByRole("navigation", { name: "台账类别" }).getByRole("link", { name: "任职谈话台账" }).click();
  await expect(page).toHaveURL(/\/terms\/talks$/);
  const row = page.getByTestId("talk-row").filter({ hasText: points });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(branch);
  await expect(row).toContainText(secretary);
  await expectAccessible(page);

  // The ledger downloads as a workbook named for it.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("ledger-export").click()]);
  expect(download.suggestedFilename()).toMatch(/^任职谈话台账-\d{4}-\d{2}-\d{2}\.xlsx$/);

  await page.getByRole("navigation", { name: "台账类别" }).getByRole("link", { name: "负责人调整台账" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "换届台账" })).toBeVisible();
  await expect(page.getByTestId("head-row").first()).toBeVisible();
  await expectAccessible(page);
});

test("a branch secretary reads their own branch's terms but records nothing; another unit's branch is not found", async ({ page, signIn }) => {
  await signIn("u01-branch");
  await page.goto("/terms");
  await expect(page.getByTestId("term-row")).toHaveCount(1);
  await page.getByTestId("term-row").getByRole("link").click();
  await expect(page.getByText("本组织的换届选举、任职谈话和负责人调整由上级党组织记录。")).toBeVisible();
  await expect(page.getByRole("form")).toHaveCount(0);
  const ownUrl = page.url();

  await signIn("u02-secretary");
  expect((await page.goto(ownUrl))?.status()).toBe(404);
  expect((await page.goto("/terms/a%00b"))?.status()).toBe(404);
  // A malformed organization in the filter is ignored, never an error.
  expect((await page.goto("/terms?org=a%00b&state=nonsense"))?.status()).toBe(200);
  await expect(page.getByTestId("term-row").first()).toBeVisible();
});

test("on a phone, the term ledger fits the screen with each line's state in view", async ({ page, signIn }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn("u01-secretary");
  await page.goto("/terms");
  const first = page.getByTestId("term-row").first();
  await expect(first.getByTestId("term-state")).toBeInViewport();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
