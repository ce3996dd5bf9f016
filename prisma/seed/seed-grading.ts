import type { PrismaClient } from "../../lib/generated/prisma/client";

/** What the party committee above found on the five basics, by grade (1 the best): the demo's evidence. */
const BASIS: Record<number, { organization: string; team: string; activity: string; system: string; support: string }> = {
  1: {
    organization: "支部委员会健全，按期换届，书记由处室主要负责人担任。",
    team: "党员队伍结构合理，年度教育培训学时全部达标。",
    activity: "三会一课、主题党日按计划开展，记录完整规范。",
    system: "各项制度上墙落实，组织生活会和民主评议按期召开。",
    support: "活动阵地和经费保障到位，党建与业务深度融合。",
  },
  2: {
    organization: "支部委员会健全，分工明确。",
    team: "党员教育培训总体达标，个别党员学时不足。",
    activity: "三会一课基本按期开展，个别月份主题党日内容单一。",
    system: "制度执行总体到位，部分记录不够规范。",
    support: "活动场所和经费基本保障。",
  },
  3: {
    organization: "支部委员会缺额一人，尚未补选。",
    team: "部分党员参加学习不经常。",
    activity: "第二季度未召开党员大会，党课次数不足。",
    system: "谈心谈话制度落实不到位。",
    support: "活动经费使用不够规范。",
  },
  4: {
    organization: "支部书记长期缺位，委员分工不明。",
    team: "党员作用发挥不明显，两名党员连续三个月未参加组织生活。",
    activity: "组织生活不经常，全年仅召开两次支委会。",
    system: "三会一课制度形同虚设，记录事后补写。",
    support: "无固定活动场所。",
  },
};

/** [branch code, last year's grade, this year's proposed grade, this year's confirmed grade (null: awaiting)]. */
const GRADES: [string, number, number, number | null][] = [
  ["U01-B1", 3, 2, 2],
  ["U01-B2", 2, 3, null],
  ["U01-GB1-B1", 1, 1, 1],
  ["U02-B1", 1, 1, 1],
  ["U02-B2", 2, 3, 4],
  ["U02-B3", 3, 3, null],
];

/**
 * Branch grades (分类定级) of two demo units: last year's confirmed, this
 * year's some confirmed (one moved up, one slipped to 后进 with the
 * committee's reason) and some awaiting confirmation, on the default
 * scheme. Once: a branch graded for a year keeps its grade.
 */
export async function seedDemoGrading(prisma: PrismaClient, orgs: Map<string, { id: string }>, users: Map<string, string>, now: Date, year: number): Promise<number> {
  let created = 0;
  const staff = (code: string) => users.get(`${code.slice(0, 3).toLowerCase()}-staff`) ?? null;
  const supervisor = users.get("supervisor") ?? null;
  for (const [code, last, proposed, confirmed] of GRADES) {
    const orgId = orgs.get(code)?.id;
    if (!orgId) continue;
    for (const [y, proposedRank, rank] of [
      [year - 1, last, last],
      [year, proposed, confirmed],
    ] as const) {
      if (await prisma.branchGrade.findUnique({ where: { orgId_year: { orgId, year: y } }, select: { id: true } })) continue;
      await prisma.branchGrade.create({
        data: {
          orgId,
          year: y,
          proposedRank,
          basis: BASIS[proposedRank]!,
          proposedById: staff(code),
          proposedAt: now,
          rank,
          reason: rank !== null && rank !== proposedRank ? "督查发现该支部组织生活长期不经常，党员反映问题未整改，调整为后进。" : null,
          confirmedById: rank === null ? null : supervisor,
          confirmedAt: rank === null ? null : now,
        },
      });
      created += 1;
    }
  }
  await seedDemoModelSites(prisma, orgs, users, year);
  await seedDemoMeetings(prisma, orgs, users, now);
  return created;
}

/**
 * Two model sites (示范点): one designated two years ago and kept at last
 * year's review, one designated last year; neither reviewed this year yet.
 * Once: a branch holding a title keeps it.
 */
async function seedDemoModelSites(prisma: PrismaClient, orgs: Map<string, { id: string }>, users: Map<string, string>, year: number): Promise<void> {
  const supervisor = users.get("supervisor") ?? null;
  const sites = [
    { code: "U01-GB1-B1", title: "离退休干部“银发先锋”示范点", models: "组织离退休党员参与社区治理和政策宣讲，形成“一支部一品牌”。", plaqueOn: `${year - 2}-06-28`, keptIn: year - 1 },
    { code: "U02-B1", title: "党建业务融合示范点", models: "把党建工作与教育督导业务同部署同考核，党员先锋岗常态运行。", plaqueOn: `${year - 1}-07-01`, keptIn: null },
  ];
  for (const site of sites) {
    const orgId = orgs.get(site.code)?.id;
    if (!orgId || (await prisma.modelSite.count({ where: { orgId } })) > 0) continue;
    await prisma.modelSite.create({
      data: {
        orgId,
        title: site.title,
        models: site.models,
        plaqueOn: new Date(`${site.plaqueOn}T00:00:00Z`),
        designatedById: supervisor,
        reviews: site.keptIn
          ? { create: { year: site.keptIn, outcome: "KEPT", comment: "示范作用发挥明显，保留命名。", reviewedById: supervisor, reviewedOn: new Date(Date.UTC(site.keptIn, 11, 20)) } }
          : undefined,
      },
    });
  }
}

/**
 * A branch's organizational life (三会一课) of recent weeks: an assembly,
 * a committee meeting and a party lecture of U01-B1, so that its quarter
 * shows some held and some missing. Once: a branch with records keeps them.
 */
async function seedDemoMeetings(prisma: PrismaClient, orgs: Map<string, { id: string }>, users: Map<string, string>, now: Date): Promise<void> {
  const orgId = orgs.get("U01-B1")?.id;
  if (!orgId || (await prisma.branchMeeting.count({ where: { orgId } })) > 0) return;
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const recordedById = users.get("u01-branch") ?? null;
  const meetings = [
    { kind: "ASSEMBLY" as const, daysAgo: 20, topic: "学习贯彻党的二十届四中全会精神" },
    { kind: "COMMITTEE" as const, daysAgo: 12, topic: "研究本季度党员发展和教育管理工作" },
    { kind: "LECTURE" as const, daysAgo: 5, topic: "书记讲党课：以党建引领业务高质量发展" },
  ];
  await prisma.branchMeeting.createMany({
    data: meetings.map((m) => ({
      orgId,
      kind: m.kind,
      heldOn: new Date(day - m.daysAgo * DAY_MS),
      topic: m.topic,
      attendees: "张书记、李委员、王委员、刘党员、陈党员",
      attendedCount: 5,
      absentees: [{ name: "赵党员", reason: "出差" }],
      minutes: "会议传达学习有关精神，结合支部实际研究部署贯彻落实措施。",
      recordedById,
    })),
  });
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A weak-and-lax turnaround case (软弱涣散整顿) on U02-B2, which the demo
 * grades 后进 this year: opened 40 days before `day` on its own round of
 * type TURNAROUND, with two measures, one past its deadline (red), one
 * later, and u02-staff answering for it.
 */
export async function seedDemoTurnaround(tx: Tx, { scope, supervisor, day, year }: { scope: string; supervisor: string; day: Date; year: number }): Promise<void> {
  const [branch, leader] = await Promise.all([
    tx.org.findUnique({ where: { code: "U02-B2" }, select: { id: true } }),
    tx.user.findUnique({ where: { username: "u02-staff" }, select: { id: true } }),
  ]);
  if (!branch || !leader) return;
  const opened = new Date(day.getTime() - 40 * DAY_MS);
  const round = await tx.inspectionRound.create({
    data: {
      title: "软弱涣散整顿（示例）",
      type: "TURNAROUND",
      scopeOrgId: scope,
      startsOn: opened,
      endsOn: opened,
      createdById: supervisor,
      members: { create: { userId: supervisor, isLeader: true } },
      reports: {
        create: {
          orgId: branch.id,
          status: "ISSUED",
          summary: "支部书记长期缺位，组织生活不经常，党员作用发挥不明显。",
          inspectedOn: opened,
          issuedAt: opened,
          issuedById: supervisor,
          inspectors: { create: { userId: supervisor } },
        },
      },
    },
    select: { id: true, reports: { select: { id: true } } },
  });
  await tx.finding.createMany({
    data: [
      { description: "选优配强支部书记，补齐支委会。", category: "fcat-org-life", severity: "HIGH" as const, days: 30 },
      { description: "按月召开支委会、按季度召开党员大会，规范三会一课记录。", category: "fcat-records", severity: "MEDIUM" as const, days: 85 },
    ].map((m, i) => ({
      reportId: round.reports[0]!.id,
      roundId: round.id,
      orgId: branch.id,
      seq: i + 1,
      description: m.description,
      categoryId: m.category,
      severity: m.severity,
      deadline: new Date(opened.getTime() + m.days * DAY_MS),
    })),
  });
  await tx.turnaroundCase.create({
    data: {
      orgId: branch.id,
      roundId: round.id,
      year,
      trigger: "LOWEST_GRADE",
      causes: "支部书记长期缺位，组织生活不经常，党员作用发挥不明显，年度定级为后进。",
      leaderId: leader.id,
      openedById: supervisor,
      openedAt: opened,
    },
  });
}
