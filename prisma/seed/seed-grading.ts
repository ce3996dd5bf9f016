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
  return created;
}
