import { currentYear } from "@/lib/dates";
import { expect, expectNoMissingMessages, openAs, test } from "./fixtures";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

const BASICS: [string, string][] = [
  ["基本组织", "支部书记长期缺位，委员分工不明。"],
  ["基本队伍", "两名党员连续三个月未参加组织生活。"],
  ["基本活动", "全年仅召开两次支委会。"],
  ["基本制度", "三会一课记录事后补写。"],
  ["基本保障", "无固定活动场所。"],
];

test("an organ party committee grades a branch 后进 on the five basics; the committee confirms it, and the list and the branch's history show it; the committee opens a turnaround case that closes out", async ({ page, signIn, browser, expectAccessible }) => {
  test.setTimeout(150_000);
  const year = currentYear();
  const branch = "省财政厅办公室党支部";
  await signIn("u03-staff");
  await page.goto("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "支部建设" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "党支部分类定级" })).toBeVisible();
  // The organ party committee's staff see their own unit's branches alone.
  await expect(page.getByRole("link", { name: branch })).toBeVisible();
  await expect(page.getByRole("link", { name: "省发展和改革委员会办公室党支部" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: branch }).click();
  await expect(page.getByRole("heading", { level: 1, name: branch })).toBeVisible();

  const form = page.getByRole("form", { name: "评定党支部等次" });
  await form.getByLabel("后进").check();
  for (const [basic, text] of BASICS.slice(0, 4)) await form.getByLabel(basic).fill(text);
  // A basic left empty is refused at its field, nothing typed lost.
  await form.getByRole("button", { name: "提交评定" }).click();
  await expect(form.getByLabel("基本保障")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("基本组织")).toHaveValue(BASICS[0]![1]);
  await form.getByLabel("基本保障").fill(BASICS[4]![1]);
  await expectAccessible(page);
  await form.getByRole("button", { name: "提交评定" }).click();
  await expect(page.getByText("评定已提交，待机关工委确认。")).toBeVisible();
  await expect(page.getByTestId("confirmed-grade")).toHaveText("待机关工委确认");
  const gradeUrl = page.url();

  // The working committee finds it waiting, changes nothing without a reason, and confirms it.
  const committee = await openAs(browser, "supervisor");
  await committee.page.goto(`/branches/grading?year=${year}&status=proposed`);
  await expect(committee.page.getByRole("link", { name: branch })).toBeVisible();
  await committee.page.getByRole("link", { name: branch }).click();
  await expect(committee.page.getByText(BASICS[2]![1])).toBeVisible();
  const confirm = committee.page.getByRole("form", { name: "确认党支部等次" });
  await confirm.getByLabel("一般").check();
  await confirm.getByRole("button", { name: "确认等次" }).click();
  await expect(confirm.getByText("确认等次与评定等次不同，请写明调整理由。", { exact: true })).toBeVisible();
  await confirm.getByLabel("后进").check();
  await expectAccessible(committee.page);
  await confirm.getByRole("button", { name: "确认等次" }).click();
  await expect(committee.page.getByText("等次已确认。")).toBeVisible();
  await expect(committee.page.getByTestId("confirmed-grade")).toContainText("后进");

  // The subtree's list counts it under 后进 and lists it under that filter; the export holds it.
  await committee.page.goto(`/branches/grading?year=${year}`);
  await committee.page.getByRole("link", { name: "只看省财政厅党组的党支部" }).first().click();
  await expect(committee.page.getByRole("heading", { level: 1, name: "党支部分类定级" })).toBeVisible();
  const lagging = committee.page.getByRole("row").filter({ has: committee.page.getByRole("rowheader", { name: "后进" }) });
  await expect(lagging.getByRole("cell").first()).toHaveText("1");
  await lagging.getByRole("link", { name: "后进" }).click();
  await expect(committee.page.getByRole("region", { name: "党支部定级列表" }).getByRole("link", { name: branch })).toBeVisible();
  const download = committee.page.waitForEvent("download");
  await committee.page.getByRole("link", { name: "导出 Excel" }).click();
  expect((await download).suggestedFilename()).toMatch(new RegExp(`^${year}年党支部分类定级_.*\\.xlsx$`));
  await expectNoMissingMessages(committee.page);
  await expectAccessible(committee.page);
  await committee.close();

  // The proposer reads the confirmed grade, no longer changes it, and prints the sheet to sign.
  await page.goto(gradeUrl);
  await expect(page.getByTestId("confirmed-grade")).toContainText("后进");
  await expect(page.getByRole("form", { name: "评定党支部等次" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "历年定级" })).toContainText(`${year}后进`);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByText("审核确认人（签字）：")).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  // The branch's own page shows its grade.
  await page.getByRole("link", { name: "查看该支部职责" }).click();
  await expect(page.getByRole("region", { name: "分类定级" })).toContainText(`${year}后进`);
  // Another unit's staff cannot open it.
  await signIn("u04-staff");
  expect((await page.goto(gradeUrl))?.status()).toBe(404);

  // The committee puts the branch under turnaround from its grade page: a leader from above, one measure.
  const measure = `补选支部委员 ${Date.now()}`;
  await signIn("supervisor");
  await page.goto(gradeUrl);
  await page.getByRole("link", { name: "列为软弱涣散党组织，启动整顿" }).click();
  await expect(page.getByText("列入原因： 定级为后进")).toBeVisible();
  await page.getByLabel("软弱涣散的原因").fill("支部书记长期缺位，组织生活不经常。");
  await page.getByLabel("包联责任人").selectOption({ label: "王干事（省财政厅机关党委）" });
  await page.getByRole("button", { name: "启动整顿" }).click();
  await expect(page.getByRole("group", { name: "整顿措施" }).getByText("请至少添加一项整顿措施。")).toBeVisible();
  await page.getByRole("button", { name: "添加一项措施" }).click();
  const first = page.getByRole("group", { name: "第 1 项措施" });
  await first.getByLabel("措施内容").fill(measure);
  await first.getByLabel("完成时限").fill("2099-06-30");
  await expectAccessible(page);
  await page.getByRole("button", { name: "启动整顿" }).click();
  await expect(page.getByRole("heading", { level: 1, name: branch })).toBeVisible();
  await expect(page.getByText(`1. ${measure}`)).toBeVisible();
  await expect(page.getByTestId("turnaround-status")).toHaveText("整顿中，已销号 0/1");
  await expectAccessible(page);
  const caseUrl = page.url();
  await page.goto("/branches/turnaround");
  await expect(page.getByRole("row").filter({ hasText: branch })).toContainText("已销号 0/1");
  await expectAccessible(page);

  // The branch hears of it and rectifies the measure on its finding's page; the committee accepts it as the group and as the committee.
  const unit = await openAs(browser, "u03-branch");
  await unit.page.goto("/notifications");
  await unit.page.getByRole("link", { name: /软弱涣散整顿/ }).first().click();
  await expect(unit.page).toHaveURL(caseUrl);
  await unit.page.getByRole("link", { name: "查看整改" }).click();
  await unit.page.getByLabel("整改措施").fill("召开党员大会补选委员。");
  await unit.page.getByLabel("整改责任人").selectOption({ index: 1 });
  await unit.page.getByRole("button", { name: "保存整改方案" }).click();
  await expect(unit.page.getByTestId("finding-state").first()).toHaveText("整改中");
  await unit.page.getByRole("button", { name: "申请销号" }).click();
  await expect(unit.page.getByTestId("finding-state").first()).toHaveText("待验收");
  const findingUrl = unit.page.url();
  await unit.close();
  await page.goto(findingUrl);
  await page.getByRole("button", { name: "以督查组身份验收通过" }).click();
  await expect(page.getByText("验收通过 · 督查组")).toBeVisible();
  await page.getByRole("button", { name: "以机关工委身份验收通过" }).click();
  await expect(page.getByTestId("finding-state").first()).toHaveText("已销号");

  // Every measure closed out: the committee records the branch converted, and the case stays on record.
  await page.goto(caseUrl);
  await page.getByLabel("转化情况说明").fill("支委会配齐，组织生活恢复正常。");
  await page.getByRole("button", { name: "认定转化" }).click();
  await expect(page.getByText("已认定转化，整顿事项留档备查。")).toBeVisible();
  await expect(page.getByTestId("turnaround-status")).toContainText("转化");
  await page.goto("/branches/turnaround?status=converted");
  await expect(page.getByRole("row").filter({ hasText: branch })).toContainText("已销号 1/1");
  await expectNoMissingMessages(page);
});

test("the committee sets next year's grading scheme; a grade too few is refused in place", async ({ page, signIn, expectAccessible }) => {
  const year = currentYear() + 1;
  await signIn("supervisor");
  await page.goto(`/branches/grading?year=${currentYear()}`);
  await page.getByRole("link", { name: "定级标准" }).click();
  await page.getByRole("link", { name: `${year} 年标准` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "党支部分类定级标准" })).toBeVisible();
  const form = page.getByRole("form", { name: "分类定级标准" });
  for (const n of [4, 3, 2]) await form.getByRole("button", { name: `删除第 ${n} 等` }).click();
  await form.getByRole("button", { name: "保存标准" }).click();
  await expect(form.getByText("至少设置 2 个等次。")).toBeVisible();
  await form.getByRole("button", { name: "添加等次" }).click();
  const second = form.getByRole("group", { name: "第 2 等" });
  await second.getByLabel("等次名称").fill("不合格");
  await second.getByLabel("评定标准").fill("存在软弱涣散问题。");
  await expectAccessible(page);
  await form.getByRole("button", { name: "保存标准" }).click();
  await expect(page.getByText("定级标准已保存。")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("group", { name: "第 2 等" }).getByLabel("等次名称")).toHaveValue("不合格");
  await expect(page.getByRole("group", { name: "第 3 等" })).toHaveCount(0);
});

test("the committee designates a model site from a branch's grade page and withdraws the title at its yearly review", async ({ page, signIn, expectAccessible }) => {
  const branch = "省自然资源厅办公室党支部";
  const title = `支部标准化示范点 ${Date.now()}`;
  await signIn("supervisor");
  await page.goto("/branches/grading?status=ungraded");
  await page.getByRole("link", { name: branch }).click();
  await page.getByRole("link", { name: "命名为示范点" }).click();
  await page.getByLabel("示范点名称").fill(title);
  await page.getByRole("button", { name: "命名示范点" }).click();
  await expect(page.getByLabel("示范内容")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("示范内容").fill("三会一课规范，党员先锋岗常态运行。");
  await expectAccessible(page);
  await page.getByRole("button", { name: "命名示范点" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId("model-site-status")).toHaveText("在册");
  const siteUrl = page.url();
  await page.goto("/branches/models");
  await expect(page.getByRole("row").filter({ hasText: title })).toContainText("待");
  await expectAccessible(page);

  await page.goto(siteUrl);
  await page.getByLabel("撤销命名").check();
  await page.getByLabel("复核意见").fill("示范作用发挥不明显，撤销命名。");
  await expectAccessible(page);
  await page.getByRole("button", { name: "保存复核结论" }).click();
  // The withdrawn title takes no more reviews: the form goes with its word of success, and the review stands in the list.
  await expect(page.getByTestId("model-site-status")).toContainText("撤销");
  await expect(page.getByRole("region", { name: "年度复核" }).getByText("示范作用发挥不明显，撤销命名。")).toBeVisible();
  await page.goto("/branches/models?status=withdrawn");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await page.goto("/branches/models");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await expectNoMissingMessages(page);
});

test("a branch records a themed party day with an absentee, finds it counted against the quarter, keeps its files beside it, and brings it to a duty as evidence", async ({ page, signIn, browser, expectAccessible }) => {
  const topic = `主题党日：重温入党誓词 ${Date.now()}`;
  await signIn("u01-branch");
  await page.goto("/branches/grading");
  await page.getByRole("link", { name: "三会一课" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "三会一课落实情况" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "省发展和改革委员会办公室党支部" }).click();
  await expect(page.getByTestId("held-THEMED_DAY")).toContainText("已开 0/3");
  const form = page.getByRole("form", { name: "记录三会一课" });
  await form.getByLabel("会议类型").selectOption({ label: "主题党日" });
  await form.getByLabel("会议主题").fill(topic);
  await form.getByLabel("实到人数").fill("5");
  await form.getByLabel("参会人员").fill("张书记、李委员、王委员、刘党员、陈党员");
  await form.getByRole("button", { name: "添加缺席人员" }).click();
  const absentee = form.getByRole("group", { name: "第 1 名缺席人员" });
  await absentee.getByLabel("姓名").fill("赵党员");
  // A reason left out is refused at its field, nothing typed lost.
  await form.getByRole("button", { name: "保存会议记录" }).click();
  await expect(absentee.getByLabel("缺席原因")).toHaveAttribute("aria-invalid", "true");
  await absentee.getByLabel("缺席原因").fill("因病请假");
  await form.getByLabel("会议记录").fill("全体党员重温入党誓词，交流学习体会。");
  await expectAccessible(page);
  await form.getByRole("button", { name: "保存会议记录" }).click();
  await expect(page.getByRole("heading", { level: 1, name: topic })).toBeVisible();
  await expect(page.getByText("赵党员（因病请假）")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByText("主持人（签字）：")).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // The minutes' file is kept beside the record; a file that is not what its name says is refused, nothing kept.
  await expect(page.getByText("尚未上传会议记录、签到表或照片等附件。")).toBeVisible();
  await page.getByRole("button", { name: "上传文件：会议记录及附件" }).click();
  const upload = page.getByRole("form", { name: "上传文件：会议记录及附件" });
  await upload.getByLabel("选择文件").setInputFiles({ name: "会议签到表.pdf", mimeType: "application/pdf", buffer: Buffer.from("not a PDF") });
  await upload.getByRole("button", { name: "添加", exact: true }).click();
  await expect(upload.getByLabel("选择文件")).toHaveAttribute("aria-invalid", "true");
  await expect(upload.getByRole("alert").filter({ hasText: "“选择文件”：不支持此文件" })).toBeVisible();
  await upload.getByLabel("选择文件").setInputFiles({ name: "会议签到表.pdf", mimeType: "application/pdf", buffer: PDF });
  await upload.getByLabel("标题").fill("主题党日签到表");
  await upload.getByRole("button", { name: "添加", exact: true }).click();
  const files = page.getByRole("list", { name: "会议记录及附件" });
  await expect(files.getByText("主题党日签到表")).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), files.getByRole("link", { name: "会议签到表.pdf" }).click()]);
  expect(download.suggestedFilename()).toBe("会议签到表.pdf");
  await expectAccessible(page);
  // Another unit's staff cannot add to the record: not found, before the file is read.
  const stranger = await openAs(browser, "u02-staff");
  const meetingId = new URL(page.url()).pathname.split("/").at(-1)!;
  const refused = await stranger.page.request.post(new URL(`/api/meetings/${meetingId}/evidence`, page.url()).href, {
    headers: { origin: new URL(page.url()).origin },
    multipart: { file: { name: "x.pdf", mimeType: "application/pdf", buffer: PDF } },
  });
  expect(await refused.json()).toEqual({ ok: false, error: "not_found" });
  await stranger.close();
  await expect(files.getByRole("listitem")).toHaveCount(1);

  // Brought to one of the branch's duties as its evidence.
  await page.getByRole("button", { name: "添加为佐证材料" }).click();
  await expect(page.getByText("已添加为该职责的佐证材料。")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "返回该支部三会一课" }).click();
  await expect(page.getByTestId("held-THEMED_DAY")).toContainText("已开 1/3");
  await expect(page.getByRole("link", { name: topic })).toBeVisible();
  await expectNoMissingMessages(page);

  // A mistyped count is corrected in place; a record made by mistake is removed with the reason.
  await page.getByRole("link", { name: topic }).click();
  await page.getByText("更正或删除此记录").click();
  const correct = page.getByRole("form", { name: "更正会议记录" });
  await expect(correct.getByLabel("会议主题")).toHaveValue(topic);
  await correct.getByLabel("实到人数").fill("6");
  await correct.getByRole("button", { name: "保存更正" }).click();
  await expect(page.getByText("记录已更正。")).toBeVisible();
  await expect(page.getByText("实到 6 人", { exact: false }).first()).toBeVisible();
  await expectAccessible(page);
  const remove = page.getByRole("form", { name: "删除误录的会议记录" });
  await remove.getByRole("button", { name: "删除此记录" }).click();
  await expect(remove.getByLabel("删除原因")).toHaveAttribute("aria-invalid", "true");
  await remove.getByLabel("删除原因").fill("重复录入");
  await remove.getByRole("button", { name: "删除此记录" }).click();
  await expect(page.getByTestId("held-THEMED_DAY")).toContainText("已开 0/3");
  await expect(page.getByRole("link", { name: topic })).toHaveCount(0);
});
