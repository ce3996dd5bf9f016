import type { PrismaClient } from "../../lib/generated/prisma/client";

const DAY_MS = 24 * 60 * 60 * 1000;

type DemoProject = { org: string; secretary: string; title: string; goal: string; business: string; milestones: { title: string; fromToday: number; reached?: boolean }[] };

// Milestones by days from today: one reached, one just past (red) or near (yellow), one later.
const PROJECTS: DemoProject[] = [
  {
    org: "U01",
    secretary: "u01-secretary",
    title: "党建引领优化营商环境“一件事”改革",
    goal: "在政务服务窗口设立党员先锋岗，推动高频事项一次办结",
    business: "优化营商环境",
    milestones: [
      { title: "制定项目实施方案", fromToday: -150, reached: true },
      { title: "党员先锋岗挂牌运行", fromToday: 6 },
      { title: "总结评估成效", fromToday: 20 },
    ],
  },
  {
    org: "U02",
    secretary: "u02-secretary",
    title: "“红烛先锋”支部品牌创建",
    goal: "每个支部形成一个特色品牌，开展结对帮扶",
    business: "教育强省建设",
    milestones: [
      { title: "确定支部品牌方案", fromToday: -120, reached: true },
      { title: "开展结对帮扶活动", fromToday: -5 },
      { title: "品牌成果展示", fromToday: 18 },
    ],
  },
];

/**
 * This year's secretary projects (书记项目) of two demo units, one yellow
 * and one red, so that the projects list shows its colours. Once: a unit
 * that has a project of the year keeps it.
 */
export async function seedDemoProjects(prisma: PrismaClient, orgs: Map<string, { id: string }>, users: Map<string, string>, day: Date, year: number): Promise<number> {
  let created = 0;
  for (const p of PROJECTS) {
    const orgId = orgs.get(p.org)?.id;
    if (!orgId || (await prisma.secretaryProject.count({ where: { orgId, year } })) > 0) continue;
    // A demo seeded near the year's end keeps its milestones within the year.
    const inYear = (days: number) => {
      const at = new Date(day.getTime() + days * DAY_MS);
      return at.getUTCFullYear() === year ? at : new Date(Date.UTC(year, days < 0 ? 0 : 11, days < 0 ? 1 : 31));
    };
    await prisma.secretaryProject.create({
      data: {
        orgId,
        year,
        title: p.title,
        goal: p.goal,
        business: p.business,
        registeredById: users.get(p.secretary) ?? null,
        milestones: { create: p.milestones.map((m, i) => ({ seq: i + 1, title: m.title, dueOn: inYear(m.fromToday), doneOn: m.reached ? inYear(m.fromToday) : null })) },
        progress: { create: [{ quarter: 1, text: "完成调研，形成项目方案并经党组会议研究通过。", authorId: users.get(p.secretary) ?? null }] },
      },
    });
    created += 1;
  }
  return created;
}
