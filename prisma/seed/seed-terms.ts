import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { OrgType } from "../../lib/generated/prisma/enums";
import { DEFAULT_TERM_YEARS, holdsTerms, type TermState } from "../../lib/term-kinds";
import { addMonths, termDueOn } from "../../lib/term-rules";

const DAY_MS = 24 * 60 * 60 * 1000;
const addDays = (day: Date, days: number) => new Date(day.getTime() + days * DAY_MS);

const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"];
const GIVEN = ["建国", "红梅", "伟", "洋", "静", "帆", "磊", "丽", "强", "敏", "涛", "芳", "骏", "琳", "斌", "婷", "海燕", "志刚", "晓东", "雪梅"];

/** A name that looks like a person's, the same on every run. */
function person(n: number): string {
  return `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7 + 3) % GIVEN.length]}`;
}

/** Committee sizes: a 党委 of seven, a 总支 of five, a branch committee of three. */
const COMMITTEE_SIZE: Record<string, number> = { ORGAN_PARTY_COMMITTEE: 7, GENERAL_BRANCH: 5, BRANCH: 3 };

/** The states the demo cycles through, so that every unit's ledger shows a mix and the whole demo every state. */
const CYCLE: TermState[] = ["notDue", "green", "yellow", "red", "notDue", "missing"];

type SeedOrg = { id: string; type: OrgType; path: string };

export type TermSeedResult = { terms: number; talks: number; headChanges: number };

/**
 * The demo's committee terms, relative to `day`: per unit, its organ party
 * committee, general branch and branches take the states of CYCLE in turn
 * (not due, due within six months, within three, overdue, none recorded),
 * some with an earlier term ended by the current one's election; a few
 * appointment talks and head changes. Unit U01 has, in tree order: organ
 * party committee not due (with two earlier terms), first branch green,
 * second branch yellow, general branch red, its first branch not due, its
 * second branch with none recorded.
 *
 * Idempotent: an organization that already has any term, talk or head
 * change is left as it is.
 */
export async function seedDemoTerms(prisma: PrismaClient, orgs: Map<string, SeedOrg>, day: Date): Promise<TermSeedResult> {
  const result: TermSeedResult = { terms: 0, talks: 0, headChanges: 0 };
  const names = new Map<string, string>();
  for (const org of await prisma.org.findMany({ where: { id: { in: [...orgs.values()].map((o) => o.id) } }, select: { id: true, name: true } })) names.set(org.id, org.name);
  const units = [...orgs.keys()].filter((code) => /^U\d+$/.test(code));

  for (const [i, unit] of units.entries()) {
    const unitOrgs = [...orgs.entries()].filter(([code, org]) => code.startsWith(`${unit}-`) && holdsTerms(org.type));
    for (const [j, [code, org]] of unitOrgs.entries()) {
      if (!holdsTerms(org.type)) continue;
      const state = CYCLE[(i + j) % CYCLE.length]!;
      if (state === "missing") continue;
      if ((await prisma.orgTerm.count({ where: { orgId: org.id } })) > 0) continue;
      const years = DEFAULT_TERM_YEARS[org.type];
      const shift = (i * 5 + j * 3) % 20;
      const targetDue =
        state === "notDue"
          ? addMonths(day, Math.min(8 + ((i + j) % 20), years * 12 - 2))
          : state === "green"
            ? addDays(addMonths(day, 5), -shift)
            : state === "yellow"
              ? addDays(addMonths(day, 2), -shift)
              : addDays(addMonths(day, -2), -shift);
      const electedOn = addMonths(targetDue, -years * 12);
      const parentId = org.path.split("/").filter(Boolean).at(-2);
      const approver = parentId ? names.get(parentId) : undefined;
      const size = COMMITTEE_SIZE[org.type] ?? 3;
      const seed = i * 31 + j * 7;
      const members = Array.from({ length: size }, (_, k) => person(seed + k));

      // An earlier term or two, each ended by the next election, for some organizations.
      const earlier = code.endsWith("-OPC") && i === 0 ? 2 : state === "red" || (state === "notDue" && j % 2 === 0) ? 1 : 0;
      let nextElection = electedOn;
      for (let e = 0; e < earlier; e += 1) {
        const previousElected = addMonths(nextElection, -years * 12 - 1);
        await prisma.orgTerm.create({
          data: {
            orgId: org.id,
            electedOn: previousElected,
            termYears: years,
            dueOn: termDueOn(previousElected, years),
            secretaryName: person(seed + 40 + e),
            members: Array.from({ length: size }, (_, k) => person(seed + 40 + e + k * 3)),
            approvedOn: addDays(previousElected, 15),
            approvalNote: approver ? `${approver}批复同意选举结果` : null,
            endedOn: nextElection,
          },
        });
        result.terms += 1;
        nextElection = previousElected;
      }
      // One current term in the demo waits for its approval.
      const isApproved = !(i === 2 && state === "green");
      await prisma.orgTerm.create({
        data: {
          orgId: org.id,
          electedOn,
          termYears: years,
          dueOn: termDueOn(electedOn, years),
          secretaryName: members[0]!,
          members,
          approvedOn: isApproved ? addDays(electedOn, 12) : null,
          approvalNote: isApproved && approver ? `${approver}批复同意选举结果` : null,
        },
      });
      result.terms += 1;

      // Appointment talks with the new secretaries of the first units' organ party committees and first branches.
      if (i < 3 && (code.endsWith("-OPC") || code.endsWith("-B1")) && (await prisma.appointmentTalk.count({ where: { orgId: org.id } })) === 0) {
        await prisma.appointmentTalk.create({
          data: {
            orgId: org.id,
            appointeeName: members[0]!,
            talkedOn: addDays(electedOn, 20),
            talkedBy: `${person(seed + 90)}（${approver ?? "上级党组织"}书记）`,
            points: "要求切实履行第一责任人职责，抓好理论学习和班子建设，严格落实“三会一课”等组织生活制度；本人表示将尽快熟悉情况，带头履职尽责。",
          },
        });
        result.talks += 1;
      }
      // A head changed between elections in a few branches.
      const changedOn = addMonths(electedOn, 14);
      if (i % 3 === 0 && code.endsWith("-B1") && changedOn < day && (await prisma.headChange.count({ where: { orgId: org.id } })) === 0) {
        await prisma.headChange.create({
          data: {
            orgId: org.id,
            changedOn,
            previousName: members[0]!,
            newName: members[1]!,
            consultation: "原书记因工作调动不再担任，经上级党组织同意，与支部委员会和党员酝酿沟通后，由支部委员会推荐，党员大会补选。",
          },
        });
        result.headChanges += 1;
      }
    }
  }
  return result;
}
