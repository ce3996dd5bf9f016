import { currentYear } from "../lib/dates";
import { expect, openAs, test } from "./fixtures";

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
  // Last year's place stands beside each unit, with the way it moved since.
  await expect(table.getByText(/^(好|较好|一般|差) · 第 \d 名/)).toHaveCount(8);
  await expect(table.locator("tbody .sr-only", { hasText: /^名次(上升|下降|不变)$/ })).toHaveCount(8);
  // With no rating entered every total is below 60: every unit is 差, and lagging for it.
  const lagging = page.getByRole("region", { name: "后进单位" });
  await expect(lagging.getByRole("listitem")).toHaveCount(8);
  await expect(lagging.getByText("等次为差", { exact: false })).toHaveCount(8);

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
  await expect(lagging.getByText("本年度没有后进单位。")).toBeVisible();
});

test("a secretary edits and submits the report drafted from the ledger; the committee returns it once, and reads it resubmitted", async ({ page, signIn, expectAccessible }) => {
  await signIn("u01-secretary");
  await page.goto("/ratings");
  await page.getByRole("link", { name: /^撰写 .+ 的述职报告$/ }).click();
  const form = page.getByRole("form", { name: "述职报告" });
  const body = form.getByLabel("报告正文");
  // The draft puts rectification first.
  await expect(body).toHaveValue(/^.+2026年度抓党建工作述职报告\n\n一、问题整改情况\n\n/);
  const draft = await body.inputValue();
  expect(draft.indexOf("二、履行职责情况")).toBeGreaterThan(draft.indexOf("一、问题整改情况"));
  // The secretary's project of the year, as registered, with its milestones.
  expect(draft).toMatch(/三、书记抓党建项目推进情况\n\n1\. 党建引领优化营商环境“一件事”改革：.+\n项目节点完成 1\/3 个/);
  await expectAccessible(page);
  await body.fill(draft.replace("（请填写本年度书记抓党建项目的推进情况和成效。）", "书记项目“红色机关”建设已完成年度目标。"));
  await form.getByRole("button", { name: "保存草稿" }).click();
  await expect(form.getByText("草稿已保存。")).toBeVisible();
  await expect(page.getByText("草稿", { exact: true })).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await form.getByRole("button", { name: "提交述职报告" }).click();
  await expect(page.getByText("已提交", { exact: true })).toBeVisible();
  await expect(page.getByRole("form", { name: "述职报告" })).toHaveCount(0);
  const reportUrl = page.url();

  // The committee reads it and returns it, once, saying what to mend.
  await signIn("supervisor");
  await page.goto(reportUrl);
  await expect(page.getByText("书记项目“红色机关”建设已完成年度目标。")).toBeVisible();
  await expect(page.getByRole("button", { name: "打印 / 导出PDF" })).toBeVisible();
  await expectAccessible(page);
  const back = page.getByRole("form", { name: "退回修改" });
  await back.getByRole("button", { name: "退回述职报告" }).click();
  await expect(back.getByText("此项为必填项。", { exact: true })).toBeVisible();
  await back.getByLabel("退回意见").fill("整改情况请逐条写明措施和成效。");
  await back.getByRole("button", { name: "退回述职报告" }).click();
  await expect(page.getByText("述职报告尚未提交。")).toBeVisible();

  // The secretary sees why, mends it and submits again; it cannot be returned a second time.
  await signIn("u01-secretary");
  await page.goto(reportUrl);
  await expect(page.getByText(/退回修改：整改情况请逐条写明措施和成效。$/)).toBeVisible();
  const again = page.getByRole("form", { name: "述职报告" });
  await again.getByLabel("报告正文").fill(`${draft}\n\n补充：各项问题均已逐条整改。`);
  page.once("dialog", (dialog) => void dialog.accept());
  await again.getByRole("button", { name: "提交述职报告" }).click();
  await expect(page.getByText("已提交", { exact: true })).toBeVisible();

  await signIn("supervisor");
  await page.goto(reportUrl);
  await expect(page.getByText("补充：各项问题均已逐条整改。", { exact: false })).toBeVisible();
  await expect(page.getByRole("form", { name: "退回修改" })).toHaveCount(0);
  await page.getByRole("link", { name: "返回述职评议" }).click();
  await expect(page.getByRole("link", { name: "述职报告：已提交" })).toBeVisible();
});

test("the committee sets up the report meeting and records each report; an attendee rates a unit in the app inside the window", async ({ page, signIn, expectAccessible }) => {
  // Beijing's wall clock, as a datetime-local field takes it.
  const beijing = (ms: number) => new Date(ms + 8 * 60 * 60 * 1000).toISOString().slice(0, 16);
  await signIn("supervisor");
  await page.goto("/ratings");
  await page.getByRole("link", { name: "述职评议会", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "述职评议会" })).toBeVisible();
  const form = page.getByRole("form", { name: "安排述职评议会" });
  await form.getByLabel("会议日期").fill(beijing(Date.now()).slice(0, 10));
  await form.getByLabel("地点").fill("第一会议室");
  await form.getByLabel("民主测评开始时间").fill(beijing(Date.now() - 60 * 60 * 1000));
  // One end of the window without the other is refused in place.
  await form.getByRole("group", { name: "述职单位" }).getByRole("checkbox", { name: "省教育厅党组", exact: true }).check();
  await form.getByRole("group", { name: "参会测评人员" }).getByRole("checkbox", { name: "张书记", exact: true }).check();
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByText("请同时填写测评开始和截止时间，或都不填。", { exact: true })).toBeVisible();
  await form.getByLabel("民主测评截止时间").fill(beijing(Date.now() + 2 * 60 * 60 * 1000));
  await expectAccessible(page);
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("测评进行中")).toBeVisible();
  await expect(page.getByText("参会测评人员：张书记")).toBeVisible();
  const meetingUrl = page.url();

  // The setup changes afterwards: another room, another unit reporting.
  await page.getByText("会议设置（修改或删除）").click();
  const setup = page.getByRole("form", { name: "修改会议设置" });
  await setup.getByLabel("地点").fill("第二会议室");
  await setup.getByRole("group", { name: "述职单位" }).getByRole("checkbox", { name: "省财政厅党组", exact: true }).check();
  await expectAccessible(page);
  await setup.getByRole("button", { name: "保存会议设置" }).click();
  await expect(setup.getByText("会议设置已保存。")).toBeVisible();
  await expect(page.getByText(/· 第二会议室$/)).toBeVisible();
  await expect(page.getByRole("region", { name: "省财政厅党组" })).toBeVisible();

  // The secretary reported in person; the leader's comment.
  const record = page.getByRole("form", { name: "省教育厅党组的述职记录" });
  await record.getByRole("radio", { name: "现场述职" }).check();
  await record.getByLabel("点评人").fill("机关工委书记");
  await record.getByLabel("点评意见").fill("整改不够彻底，要举一反三。");
  await record.getByRole("button", { name: "保存述职记录" }).click();
  await expect(record.getByText("述职记录已保存。")).toBeVisible();
  await expectAccessible(page);

  // The attendee finds the meeting and rates the unit once.
  await signIn("u01-secretary");
  await page.goto("/ratings/meetings");
  await page.getByRole("link", { name: /述职评议会/ }).first().click();
  await expect(page).toHaveURL(meetingUrl);
  await expect(page.getByText("整改不够彻底", { exact: false })).toHaveCount(0);
  const ballot = page.getByRole("form", { name: "对省教育厅党组的民主测评" });
  for (const label of ["政治建设", "履行职责", "整改落实"]) await ballot.getByLabel(label).fill("85");
  await expectAccessible(page);
  await ballot.getByRole("button", { name: "提交测评" }).click();
  await expect(page.getByText("已测评", { exact: true })).toBeVisible();
  await expect(page.getByRole("form", { name: "对省教育厅党组的民主测评" })).toHaveCount(0);

  // The committee counts it with the unit's ballots.
  await signIn("supervisor");
  await page.goto(meetingUrl);
  await expect(page.getByRole("region", { name: "省教育厅党组" })).toContainText("民主测评票 1 张");
  await expect(page.getByRole("region", { name: "省教育厅党组" })).toContainText("现场述职");
});

test("a unit rates itself, the committee enters the rest and publishes, and the unit reads its grade and rank with the explanation", async ({ page, signIn, expectAccessible }) => {
  // Before publication the unit's secretary sees no result, only the self-rating their unit owes.
  await signIn("u01-secretary");
  await page.goto("/checklists");
  await page.getByRole("link", { name: "述职评议", exact: true }).click();
  await expect(page.getByText("本年度考核结果尚未公布。")).toBeVisible();
  await expect(page.getByRole("link", { name: "编辑方案" })).toHaveCount(0);
  await page.getByRole("link", { name: /^填写 .+ 的自评$/ }).click();
  const self = page.getByRole("form", { name: "本单位自评" });
  await expectAccessible(page);
  await self.getByLabel("政治建设").fill("90");
  await self.getByLabel("履行职责").fill("180");
  await self.getByRole("button", { name: "保存自评" }).click();
  await expect(self.getByText("请填写 0 到 100 之间的整数。", { exact: true })).toBeVisible();
  await self.getByLabel("履行职责").fill("80");
  await self.getByLabel("整改落实").fill("70");
  await self.getByRole("button", { name: "保存自评" }).click();
  await expect(self.getByText("评议已保存。")).toBeVisible();
  const unitUrl = page.url();
  const unitName = (await page.getByRole("heading", { level: 1 }).innerText()).replace(/：述职评议$/, "");

  // The committee sees the self-rating, and enters its own rating, two ballots (one taken back) and a deduction.
  await signIn("supervisor");
  await page.goto(unitUrl);
  await expect(page.getByRole("heading", { level: 1, name: `${unitName}：得分明细` })).toBeVisible();
  const entered = page.getByRole("table", { name: "评议录入" });
  await expect(entered.getByRole("row", { name: /^自评 90 80 70 80 / })).toBeVisible();
  const superior = page.getByRole("form", { name: "上级评价" });
  for (const [label, value] of [
    ["政治建设", "100"],
    ["履行职责", "90"],
    ["整改落实", "80"],
  ] as const)
    await superior.getByLabel(label).fill(value);
  await superior.getByRole("button", { name: "保存上级评价" }).click();
  await expect(superior.getByText("评议已保存。")).toBeVisible();
  const ballot = page.getByRole("form", { name: "民主测评票" });
  for (const scores of [["60", "70", "80"], ["10", "10", "10"]]) {
    for (const [i, label] of ["政治建设", "履行职责", "整改落实"].entries()) await ballot.getByLabel(label).fill(scores[i]!);
    await ballot.getByRole("button", { name: "录入测评票" }).click();
    await expect(ballot.getByText(/^已录入民主测评票 \d。$/)).toBeVisible();
    // The form clears for the next ballot.
    await expect(ballot.getByLabel("政治建设")).toHaveValue("");
  }
  page.once("dialog", (dialog) => void dialog.accept());
  await entered.getByRole("button", { name: "删除民主测评票 2" }).click();
  await expect(entered.getByRole("row", { name: /民主测评票/ })).toHaveCount(1);
  const adjustment = page.getByRole("form", { name: "加减分" });
  await adjustment.getByLabel("分值（减分填负数）").fill("-1.5");
  await adjustment.getByRole("button", { name: "录入加减分" }).click();
  await expect(adjustment.getByText("此项为必填项。", { exact: true })).toBeVisible();
  await adjustment.getByLabel("理由").fill("材料报送迟缓");
  await adjustment.getByRole("button", { name: "录入加减分" }).click();
  await expect(adjustment.getByText("加减分已录入。")).toBeVisible();
  // Self 80 × 40% and superior 90 × 60% of the 40 rated points: 12.8 + 21.6 = 34.4; the deduction explained with its author.
  await expect(page.getByText("自评 80 · 上级评价 90 · 民主测评 70 · 34.4")).toBeVisible();
  await expect(page.getByText("−1.5 材料报送迟缓（周督导）")).toBeVisible();
  const total = (await page.locator("dt", { hasText: /^总分$/ }).locator("xpath=following-sibling::dd[1]").innerText()).trim();
  await expectAccessible(page);

  // The scheme froze at the first rating; the committee publishes, with the incomplete units named in the question.
  await page.getByRole("link", { name: "返回得分预览" }).click();
  await expect(page.getByText("已冻结：本年度考核已开始，方案不再修改。")).toBeVisible();
  await expect(page.getByRole("link", { name: "编辑方案" })).toHaveCount(0);
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("还有 7 个单位的评议未录入完整");
    void dialog.accept();
  });
  await page.getByRole("button", { name: "公布考核结果" }).click();
  await expect(page.getByText(/^周督导于 .+ 公布；以下为公布时保存的结果。$/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "考核结果" })).toBeVisible();
  await expect(page.getByRole("button", { name: "公布考核结果" })).toHaveCount(0);

  // The committee bars the unit's secretary from the year's awards; the list names them and exports.
  await page.getByRole("link", { name: `查看 ${unitName} 的得分明细` }).first().click();
  const bar = page.getByRole("form", { name: "取消评先评优资格" });
  await bar.getByLabel("对象").selectOption({ index: 1 });
  await bar.getByLabel("理由").fill("履行第一责任人职责不力");
  await bar.getByRole("button", { name: "取消评先评优资格" }).click();
  await expect(page.getByRole("region", { name: "取消评先评优资格" }).getByText(/书记 .+：履行第一责任人职责不力/)).toBeVisible();
  await page.getByRole("link", { name: "返回得分预览" }).click();
  await expect(page.getByRole("region", { name: "取消评先评优资格名单" }).getByText(/书记 .+：履行第一责任人职责不力/)).toBeVisible();
  const list = await page.request.get((await page.getByRole("link", { name: "导出名单" }).getAttribute("href"))!);
  expect(list.status()).toBe(200);
  expect(list.headers()["content-type"]).toContain("spreadsheetml");
  const workbook = await page.request.get((await page.getByRole("link", { name: "导出 Excel" }).getAttribute("href"))!);
  expect(workbook.status()).toBe(200);

  // The unit reads its own result, and only its own.
  await signIn("u01-secretary");
  await page.goto("/ratings");
  const results = page.getByRole("table", { name: "单位党组（党委）：1 个单位" });
  await expect(results.getByRole("rowheader")).toHaveText([unitName]);
  await expect(results.getByText(total, { exact: true })).toBeVisible();
  await expectAccessible(page);
  await results.getByRole("link", { name: `查看 ${unitName} 的得分明细` }).click();
  await expect(page.getByText(/^考核结果已于 .+ 公布。$/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `${unitName}：得分明细` })).toBeVisible();
  await expect(page.getByText(/第 \d+ 名（共 8 个）/)).toBeVisible();
  await expect(page.getByText("−1.5 材料报送迟缓（周督导）")).toBeVisible();
  await expect(page.getByRole("region", { name: "取消评先评优资格" }).getByText(/：履行第一责任人职责不力/)).toBeVisible();
  // Nothing is rated after publication: the self-rating form is gone.
  await expect(page.getByRole("form", { name: "本单位自评" })).toHaveCount(0);
  await expectAccessible(page);
  // The rating sheet on paper: its title and unit, the explanation, the lines to sign; the bars stay on screen.
  await page.emulateMedia({ media: "print" });
  const sheet = page.getByRole("article", { name: "2026 年度述职评议考核评分表" });
  await expect(sheet.getByRole("heading", { level: 2, name: "2026 年度述职评议考核评分表" })).toBeVisible();
  await expect(sheet.getByText(`考核对象：${unitName}`)).toBeVisible();
  await expect(sheet.getByText("审核人（签字）：")).toBeVisible();
  await expect(page.getByRole("region", { name: "取消评先评优资格" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
});

test("a unit's secretary reaches their own unit's rating page and no other, and has no scheme page", async ({ page, signIn }) => {
  await signIn("supervisor");
  await page.goto("/ratings");
  const hrefs = await page
    .getByRole("table")
    .first()
    .locator("tbody a")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(hrefs).toHaveLength(8);

  await signIn("u01-secretary");
  const statuses = [];
  for (const href of hrefs) statuses.push((await page.goto(href))?.status());
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 404)).toHaveLength(7);
  expect((await page.goto("/ratings/scheme"))?.status()).toBe(404);
});

test("the committee drafts a circular from the year's findings, edits and issues it; the unit it names reads it, another does not", async ({ page, signIn, expectAccessible }) => {
  await signIn("supervisor");
  await page.goto("/ratings");
  await page.getByRole("link", { name: "通报", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "通报" })).toBeVisible();
  await page.getByRole("button", { name: "起草通报" }).click();
  const form = page.getByRole("form", { name: "通报草稿" });
  const body = form.getByLabel("正文");
  // Drafted from the demo's findings: the problems, then the rectification.
  await expect(body).toHaveValue(/一、发现的问题\n\n共发现问题 \d+ 个，涉及 (\d+) 个单位。[\s\S]*二、整改情况/);
  // The units found are named: the demo's findings are on two units at least (other tests may add more).
  const found = Number(/涉及 (\d+) 个单位/.exec(await body.inputValue())![1]);
  expect(found).toBeGreaterThanOrEqual(2);
  await expect(form.getByRole("group", { name: "点名的单位" }).getByRole("checkbox", { checked: true })).toHaveCount(found);
  await expectAccessible(page);

  // Name U01 alone (the demo's 省发展和改革委员会党组), number it, add the committee's requirement, and issue.
  const firstName = "省发展和改革委员会党组";
  const group = form.getByRole("group", { name: "点名的单位" });
  const ticked = group.getByRole("checkbox", { checked: true });
  while ((await ticked.count()) > 0) await ticked.first().uncheck();
  await group.getByRole("checkbox", { name: firstName, exact: true }).check();
  await form.getByLabel("文号").fill("机关工委通报〔2026〕3号");
  await body.fill(`${await body.inputValue()}\n\n请各单位对照检查，举一反三。`);
  await form.getByRole("button", { name: "保存草稿" }).click();
  await expect(form.getByText("草稿已保存。")).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "下发通报" }).click();
  await expect(page.getByText("已下发", { exact: true })).toBeVisible();
  const circular = page.getByRole("article");
  await expect(circular.getByText("机关工委通报〔2026〕3号")).toBeVisible();
  await expect(circular.getByText(`点名单位：${firstName}`)).toBeVisible();
  await expect(page.getByRole("form", { name: "通报草稿" })).toHaveCount(0);
  await expectAccessible(page);
  // On paper the heading stays: the committee, the number, the title.
  await page.emulateMedia({ media: "print" });
  await expect(circular.getByText("机关工委通报〔2026〕3号")).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  const url = page.url();

  // U01's secretary reads it from the list; U02's, no longer named, finds neither.
  await signIn("u01-secretary");
  await page.goto("/ratings/circulars");
  await page.getByRole("link", { name: "关于2026年度机关党建工作督查检查情况的通报" }).click();
  await expect(page.getByText("请各单位对照检查，举一反三。", { exact: false })).toBeVisible();
  await signIn("u02-secretary");
  await page.goto("/ratings/circulars");
  await expect(page.getByText("本年度没有通报。")).toBeVisible();
  expect((await page.goto(url))?.status()).toBe(404);
});

test("the committee records a talk with a lagging unit; the unit rectifies its commitment, the committee closes it out and follows up", async ({ page, signIn, browser, expectAccessible }) => {
  await signIn("supervisor");
  await page.goto("/ratings");
  // Every lagging unit offers the talk, named for it.
  const lagging = page.getByRole("region", { name: "后进单位" });
  await expect(lagging.getByRole("link", { name: /^记录对.+的约谈$/ })).toHaveCount(await lagging.getByRole("listitem").count());

  // From the unit's page: the unit comes filled in.
  await page.getByRole("link", { name: "查看 省教育厅党组 的得分明细" }).click();
  await expect(page.getByRole("region", { name: "约谈记录" })).toContainText("没有对本单位的约谈记录。");
  await page.getByRole("link", { name: "记录对省教育厅党组的约谈" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "记录约谈" })).toBeVisible();
  await expect(page.getByLabel("被约谈单位")).toHaveValue(/.+/);
  await page.getByLabel("事由说明").fill("2026 年度考核排名靠后");
  await page.getByLabel("约谈人（姓名、职务）").fill("周督导（机关工委副书记）");
  await page.getByLabel("谈话对象（姓名、职务）").fill("省教育厅党组书记");
  await page.getByLabel("指出的问题和要求").fill("三会一课落实不经常，整改推进慢。");
  await page.getByRole("button", { name: "添加一项承诺" }).click();
  const commitment = page.getByRole("group", { name: "第 1 项承诺" });
  await commitment.getByLabel("承诺事项").fill("一个月内补齐三会一课记录");
  // A deadline on the day of the talk is refused in place.
  await commitment.getByLabel("完成时限").fill("2020-01-01");
  await page.getByRole("button", { name: "保存约谈记录" }).click();
  await expect(commitment.getByText("完成时限须晚于约谈日期。")).toBeVisible();
  await commitment.getByLabel("完成时限").fill("2099-12-31");
  await expectAccessible(page);
  await page.getByRole("button", { name: "保存约谈记录" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "约谈记录 · 省教育厅党组" })).toBeVisible();
  await expect(page.getByText("1. 一个月内补齐三会一课记录")).toBeVisible();
  await expect(page.getByText("尚未回访。")).toBeVisible();
  await expectAccessible(page);
  // On paper: under the committee's name, with the lines to sign.
  await page.emulateMedia({ media: "print" });
  const record = page.getByRole("article");
  await expect(record.getByRole("heading", { level: 2, name: "约谈记录" })).toBeVisible();
  await expect(record.getByText("谈话对象（签字）：")).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  const talkUrl = page.url();

  // The unit hears of it, and rectifies the commitment on the findings' own page.
  const unit = await openAs(browser, "u02-secretary");
  await unit.page.goto("/notifications");
  await unit.page.getByRole("link", { name: /省教育厅党组 约谈/ }).first().click();
  await expect(unit.page).toHaveURL(talkUrl);
  await expect(unit.page.getByRole("heading", { level: 2, name: "回访情况" })).toHaveCount(0);
  await unit.page.getByRole("link", { name: "查看整改" }).click();
  await unit.page.getByLabel("整改措施").fill("补齐记录，每月由机关党委检查。");
  await unit.page.getByLabel("整改责任人").selectOption({ index: 1 });
  await unit.page.getByRole("button", { name: "保存整改方案" }).click();
  await expect(unit.page.getByTestId("finding-state").first()).toHaveText("整改中");
  await unit.page.getByRole("button", { name: "申请销号" }).click();
  await expect(unit.page.getByTestId("finding-state").first()).toHaveText("待验收");
  const findingUrl = unit.page.url();
  await unit.close();

  // The committee accepts it for both parties: closed out; the talk waits for its follow-up, then has it.
  await page.goto(findingUrl);
  await page.getByRole("button", { name: "以督查组身份验收通过" }).click();
  // The talk's holder accepts as its group, then as the committee.
  await expect(page.getByText("验收通过 · 督查组")).toBeVisible();
  await page.getByRole("button", { name: "以机关工委身份验收通过" }).click();
  await expect(page.getByTestId("finding-state").first()).toHaveText("已销号");
  await page.goto("/ratings/talks");
  const row = page.getByRole("row").filter({ hasText: "省教育厅" });
  await expect(row).toContainText("已销号 1/1");
  await expect(row).toContainText("待回访");
  await expectAccessible(page);
  // The cockpit lists it among the talks waiting for their follow-up, and stops once it has one.
  await page.goto("/cockpit");
  const due = page.getByRole("region", { name: "待回访的约谈" });
  await expect(due.getByRole("link", { name: /省教育厅党组/ })).toBeVisible();
  await due.getByRole("link", { name: /省教育厅党组/ }).click();
  await expect(page).toHaveURL(talkUrl);
  await page.getByLabel("回访中了解的情况").fill("三会一课记录已补齐，按月检查。");
  await page.getByRole("button", { name: "保存回访情况" }).click();
  await expect(page.getByText("回访情况已保存。")).toBeVisible();
  await page.goto("/ratings/talks");
  await expect(page.getByRole("row").filter({ hasText: "省教育厅" })).toContainText("已回访");
  await page.goto("/cockpit");
  await expect(page.getByRole("region", { name: "待回访的约谈" }).getByRole("link", { name: /省教育厅党组/ })).toHaveCount(0);
});

test("a secretary registers a project and marks its late milestone reached; the committee follows the colours and reviews it, which freezes it", async ({ page, signIn, browser, expectAccessible }) => {
  const year = currentYear();
  const title = `机关党建品牌提升 ${Date.now()}`;
  await signIn("u03-secretary");
  await page.goto("/ratings");
  await page.getByRole("link", { name: "书记项目" }).click();
  await page.getByRole("link", { name: "登记项目" }).click();
  await expect(page.getByLabel("所在组织")).toHaveValue(/.+/);
  await page.getByLabel("项目名称").fill(title);
  await page.getByLabel("项目目标").fill("打造“财政为民”支部品牌");
  await page.getByLabel("服务的中心工作").fill("预算管理一体化改革");
  const first = page.getByRole("group", { name: "第 1 个节点" });
  await first.getByLabel("节点内容").fill("制定方案");
  // A day outside the project's year is refused in place, nothing lost.
  await first.getByLabel("计划完成日期").fill(`${year + 1}-01-10`);
  await page.getByRole("button", { name: "添加一个节点" }).click();
  const second = page.getByRole("group", { name: "第 2 个节点" });
  await second.getByLabel("节点内容").fill("品牌成果展示");
  await second.getByLabel("计划完成日期").fill(`${year}-12-31`);
  await page.getByRole("button", { name: "登记项目" }).click();
  await expect(first.getByText("节点日期须在项目年度内。")).toBeVisible();
  await expect(page.getByLabel("项目名称")).toHaveValue(title);
  await first.getByLabel("计划完成日期").fill(`${year}-01-10`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "登记项目" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const milestones = page.getByRole("region", { name: "推进节点" });
  await expect(milestones.getByTestId("warning-badge").first()).toHaveAttribute("data-colour", "red");
  await expectAccessible(page);
  const projectUrl = page.url();

  // The committee sees it red among the year's projects.
  const committee = await openAs(browser, "supervisor");
  await committee.page.goto(`/ratings/projects?year=${year}&warning=red`);
  await expect(committee.page.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(committee.page);
  await committee.close();

  // The secretary marks the late milestone reached and notes the quarter's progress: no longer red.
  await page.getByRole("form", { name: "标记节点“制定方案”完成" }).getByRole("button", { name: "标记完成" }).click();
  await expect(milestones.getByText(/完成$/).first()).toBeVisible();
  await expect(page.getByRole("form", { name: "撤销节点“制定方案”的完成标记" })).toBeVisible();
  await page.getByLabel("进展内容").fill("完成品牌方案，经党组会议研究通过。");
  await page.getByRole("button", { name: "记录进展" }).click();
  await expect(page.getByText("进展已记录。")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByText("书记（签字）：")).toBeVisible();
  await expect(page.getByRole("button", { name: "记录进展" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("region", { name: "推进情况" }).getByText("完成品牌方案，经党组会议研究通过。")).toBeVisible();

  // The committee reviews it; the secretary then reads the review and can change nothing more.
  await signIn("supervisor");
  await page.goto(`/ratings/projects?year=${year}&warning=red`);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await page.goto(projectUrl);
  await page.getByLabel("部分完成").check();
  await page.getByLabel("评价意见").fill("品牌展示尚未完成。");
  await page.getByRole("button", { name: "保存评价" }).click();
  await expect(page.getByText("评价已保存。")).toBeVisible();
  await signIn("u03-secretary");
  await page.goto(projectUrl);
  await expect(page.getByText("品牌展示尚未完成。")).toBeVisible();
  await expect(page.getByRole("button", { name: "记录进展" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "修改项目" })).toHaveCount(0);
  // Another unit's secretary cannot open it.
  await signIn("u04-secretary");
  expect((await page.goto(projectUrl))?.status()).toBe(404);
});
