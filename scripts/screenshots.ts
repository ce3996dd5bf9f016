// Takes screenshots of the main pages from a running server, for the README
// and for looking at what we build: `npx tsx scripts/screenshots.ts [baseUrl] [outDir]`.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";

const BASE = process.argv[2] ?? "http://127.0.0.1:3000";
const OUT = process.argv[3] ?? "docs/screenshots";
const PASSWORD = "Demo#2026";

async function signedInPage(browser: Browser, username: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai", deviceScaleFactor: 1 });
  const page = await context.newPage();
  const { csrfToken } = (await (await page.request.get(`${BASE}/api/auth/csrf`)).json()) as { csrfToken: string };
  await page.request.post(`${BASE}/api/auth/callback/credentials`, { form: { username, password: PASSWORD, csrfToken, json: "true" } });
  return page;
}

async function shoot(page: Page, url: string, name: string) {
  await page.goto(`${BASE}${url}`, { waitUntil: "networkidle" });
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
  console.log(`${name}: ${page.url()}`);
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const executablePath = fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const anon = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await shoot(anon, "/login", "login");

    const secretary = await signedInPage(browser, "u01-secretary");
    await shoot(secretary, "/checklists", "duties");
    const firstItem = await secretary.getByTestId("checklist-row").first().getByRole("link").getAttribute("href");
    if (firstItem) await shoot(secretary, firstItem, "item");

    const supervisor = await signedInPage(browser, "supervisor");
    await shoot(supervisor, "/progress", "progress");

    const phone = await signedInPage(browser, "u02-branch", { width: 390, height: 844 });
    await shoot(phone, "/checklists", "duties-phone");

    // Inspections: the unit's reports, a finding under rectification, the ledger, the analysis, a new spot check.
    await shoot(secretary, "/inspections", "inspections");
    const myReport = secretary.getByTestId("my-report").first().getByRole("link");
    const [report, finding] = await Promise.all([myReport.first().getAttribute("href"), myReport.nth(1).getAttribute("href")]);
    if (finding) await shoot(secretary, finding, "finding");
    if (report) await shoot(secretary, report, "report");
    await shoot(supervisor, "/findings?list=responsibilities", "rectification");
    await shoot(supervisor, "/inspections/analysis", "analysis");
    const inspector = await signedInPage(browser, "inspector");
    await shoot(inspector, "/inspections/new", "new-round");
    const unitPhone = await signedInPage(browser, "u02-secretary", { width: 390, height: 844 });
    await shoot(unitPhone, "/inspections", "inspections-phone");
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
