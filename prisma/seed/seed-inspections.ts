import { currentYear, today } from "../../lib/dates";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { FindingSeverity, RectificationState } from "../../lib/generated/prisma/enums";
import { seedDemoTurnaround } from "./seed-grading";

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEMO_ROUND_TITLE = "省直机关党建工作日常督查（示例）";

type DemoFinding = {
  org: string;
  description: string;
  category: string;
  severity: FindingSeverity;
  tag?: "COMMON" | "INDIVIDUAL";
  state: RectificationState;
  measures?: string;
  /** Days from issue to the deadline, when not the usual 60: an overdue finding shows red and escalates. */
  deadlineDays?: number;
};

const FINDINGS: DemoFinding[] = [
  { org: "U01", description: "党组理论学习中心组学习计划未按年初要求制定，学习记录不完整。", category: "fcat-theory", severity: "MEDIUM", tag: "COMMON", state: "CLOSED", measures: "制定年度学习计划，补齐学习记录，每季度由机关党委检查一次。" },
  { org: "U01", description: "党建工作责任清单未分解到各支部，责任人不明确。", category: "fcat-responsibility", severity: "HIGH", state: "SUBMITTED", measures: "将责任清单逐项分解到支部和责任人，并在党组会议上审议。" },
  { org: "U02", description: "部分支部“三会一课”记录缺失，组织生活会召开不规范。", category: "fcat-org-life", severity: "MEDIUM", tag: "COMMON", state: "IN_PROGRESS", measures: "补齐会议记录，规范会议程序，机关党委每月抽查。" },
  { org: "U02", description: "党组理论学习中心组学习计划未按年初要求制定。", category: "fcat-theory", severity: "LOW", tag: "COMMON", state: "OPEN", deadlineDays: 30 },
  { org: "U02", description: "党员发展档案材料不齐全。", category: "fcat-members", severity: "LOW", tag: "INDIVIDUAL", state: "RETURNED", measures: "逐份核查发展党员档案，补齐缺失材料。" },
];

/**
 * One issued round of routine supervision over two demo units, with findings
 * in every rectification state, so that the inspection pages, the ledger and
 * the analysis have something to show. Run once: a second run finds the
 * round and does nothing.
 */
export async function seedDemoInspections(prisma: PrismaClient, options: { now?: Date } = {}): Promise<{ created: boolean }> {
  if (await prisma.inspectionRound.findFirst({ where: { title: DEMO_ROUND_TITLE }, select: { id: true } })) return { created: false };
  const now = options.now ?? new Date();
  const day = today(now);
  const issued = new Date(day.getTime() - 50 * DAY_MS);
  const deadline = new Date(issued.getTime() + 60 * DAY_MS);
  const orgs = new Map((await prisma.org.findMany({ where: { code: { in: ["WC", "U01", "U02", "U03"] } }, select: { id: true, code: true } })).map((o) => [o.code, o.id]));
  const users = new Map(
    (await prisma.user.findMany({ where: { username: { in: ["inspector", "supervisor", "u01-secretary", "u02-secretary"] } }, select: { id: true, username: true } })).map((u) => [u.username, u.id]),
  );
  const inspector = users.get("inspector");
  const supervisor = users.get("supervisor");
  const scope = orgs.get("WC");
  if (!inspector || !supervisor || !scope) return { created: false };

  await prisma.$transaction(async (tx) => {
    const round = await tx.inspectionRound.create({
      data: {
        title: DEMO_ROUND_TITLE,
        type: "ROUTINE",
        scopeOrgId: scope,
        startsOn: new Date(issued.getTime() - 14 * DAY_MS),
        endsOn: new Date(issued.getTime() - 7 * DAY_MS),
        createdById: supervisor,
        members: { create: { userId: inspector, isLeader: true } },
      },
    });
    for (const code of ["U01", "U02"]) {
      const orgId = orgs.get(code)!;
      const secretary = users.get(`${code.toLowerCase()}-secretary`) ?? null;
      const report = await tx.inspectionReport.create({
        data: {
          roundId: round.id,
          orgId,
          status: "ISSUED",
          summary: "督查组通过查阅资料、个别谈话和实地查看等方式，对党建工作责任落实情况进行了督查。总体上责任意识较强，但仍存在以下问题。",
          inspectedOn: new Date(issued.getTime() - 10 * DAY_MS),
          issuedAt: issued,
          issuedById: inspector,
          inspectors: { create: { userId: inspector } },
        },
      });
      // The first finding of each unit names the checklist item it concerns, as an inspector would.
      const item = await tx.checklistItem.findFirst({ where: { orgId }, orderBy: [{ dueDate: "asc" }, { id: "asc" }], select: { id: true, dutyId: true } });
      let seq = 0;
      for (const f of FINDINGS.filter((x) => x.org === code)) {
        seq += 1;
        const submitted = f.state === "SUBMITTED" || f.state === "CLOSED";
        const finding = await tx.finding.create({
          data: {
            reportId: report.id,
            roundId: round.id,
            orgId,
            seq,
            description: f.description,
            categoryId: f.category,
            severity: f.severity,
            tag: f.tag ?? null,
            itemId: seq === 1 ? (item?.id ?? null) : null,
            dutyId: seq === 1 ? (item?.dutyId ?? null) : null,
            state: f.state,
            measures: f.measures ?? null,
            ownerId: f.measures ? secretary : null,
            deadline: f.deadlineDays ? new Date(issued.getTime() + f.deadlineDays * DAY_MS) : deadline,
            submittedAt: submitted ? new Date(issued.getTime() + 30 * DAY_MS) : null,
            submittedById: submitted ? secretary : null,
            closedAt: f.state === "CLOSED" ? new Date(issued.getTime() + 35 * DAY_MS) : null,
            cycle: f.state === "RETURNED" ? 2 : 1,
            lastComment: f.state === "RETURNED" ? "请补充档案核查清单。" : null,
          },
        });
        if (f.measures) await tx.findingEvent.create({ data: { findingId: finding.id, kind: "PROGRESS", text: "已制定整改方案并开始落实。", actorId: secretary, createdAt: new Date(issued.getTime() + 10 * DAY_MS) } });
        if (submitted || f.state === "RETURNED") {
          await tx.findingEvent.create({ data: { findingId: finding.id, kind: "SUBMITTED", actorId: secretary, createdAt: new Date(issued.getTime() + 30 * DAY_MS) } });
        }
        if (f.state === "RETURNED") {
          await tx.findingEvent.create({ data: { findingId: finding.id, kind: "RETURNED", text: "请补充档案核查清单。", actorId: inspector, createdAt: new Date(issued.getTime() + 32 * DAY_MS) } });
        }
        if (f.state === "CLOSED" || f.state === "SUBMITTED") {
          await tx.findingAcceptance.create({ data: { findingId: finding.id, cycle: 1, party: "GROUP", acceptedById: inspector, acceptedAt: new Date(issued.getTime() + 33 * DAY_MS) } });
          await tx.findingEvent.create({ data: { findingId: finding.id, kind: "ACCEPTED", party: "GROUP", actorId: inspector, createdAt: new Date(issued.getTime() + 33 * DAY_MS) } });
        }
        if (f.state === "CLOSED") {
          await tx.findingAcceptance.create({ data: { findingId: finding.id, cycle: 1, party: "COMMITTEE", acceptedById: supervisor, acceptedAt: new Date(issued.getTime() + 35 * DAY_MS) } });
          await tx.findingEvent.create({ data: { findingId: finding.id, kind: "ACCEPTED", party: "COMMITTEE", actorId: supervisor, createdAt: new Date(issued.getTime() + 35 * DAY_MS) } });
          await tx.findingEvent.create({ data: { findingId: finding.id, kind: "CLOSED", actorId: supervisor, createdAt: new Date(issued.getTime() + 35 * DAY_MS) } });
        }
      }
    }
    // Received 30 days ago: every problem still within its deadline.
    await seedTourFeedback(tx, { unit: orgs.get("U03"), scope, supervisor, received: new Date(issued.getTime() + 20 * DAY_MS) });
    // The branch the demo grades 后进 under turnaround, one measure late.
    await seedDemoTurnaround(tx, { scope, supervisor, day, year: currentYear(now) });
  });
  return { created: true };
}

const TOUR_PROBLEMS: { description: string; category: string; severity: FindingSeverity; days: number }[] = [
  { description: "党组落实全面从严治党主体责任有差距，研究部署党建工作不经常。", category: "fcat-responsibility", severity: "HIGH", days: 90 },
  { description: "基层党组织换届工作不及时，个别支部超期未换届。", category: "fcat-org-life", severity: "MEDIUM", days: 75 },
  { description: "理论学习中心组专题研讨质量不高，联系实际不够。", category: "fcat-theory", severity: "LOW", days: 60 },
];

/**
 * A provincial inspection tour's feedback to U03 (巡视反馈), entered by the
 * committee: its own round of type TOUR with one issued report whose
 * findings are the problems fed back, all still to rectify.
 */
async function seedTourFeedback(
  tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0],
  { unit, scope, supervisor, received }: { unit: string | undefined; scope: string; supervisor: string; received: Date },
): Promise<void> {
  if (!unit) return;
  const round = await tx.inspectionRound.create({
    data: {
      title: "省委第三巡视组 反馈（示例）",
      type: "TOUR",
      scopeOrgId: scope,
      startsOn: received,
      endsOn: received,
      createdById: supervisor,
      members: { create: { userId: supervisor, isLeader: true } },
      reports: {
        create: {
          orgId: unit,
          status: "ISSUED",
          summary: "巡视组反馈指出，党组在落实管党治党政治责任、基层组织建设等方面存在差距。",
          inspectedOn: received,
          issuedAt: received,
          issuedById: supervisor,
          inspectors: { create: { userId: supervisor } },
        },
      },
    },
    select: { id: true, reports: { select: { id: true } } },
  });
  await tx.finding.createMany({
    data: TOUR_PROBLEMS.map((p, i) => ({
      reportId: round.reports[0]!.id,
      roundId: round.id,
      orgId: unit,
      seq: i + 1,
      description: p.description,
      categoryId: p.category,
      severity: p.severity,
      deadline: new Date(received.getTime() + p.days * DAY_MS),
    })),
  });
  await tx.tourFeedback.create({
    data: {
      roundId: round.id,
      orgId: unit,
      kind: "PROVINCIAL",
      tourName: "省委第三巡视组",
      receivedOn: received,
      documentNo: "省委巡视反馈〔示例〕3号",
      summary: "巡视组反馈指出，党组在落实管党治党政治责任、基层组织建设等方面存在差距，要求逐项整改、按期销号。",
      recordedById: supervisor,
    },
  });
}
