import "server-only";
import { dayOf } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FindingSeverity, InspectionType, RectificationState } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/auth/actor";
import { ValidationError } from "@/lib/server/errors";
import type { TProblemEntry } from "@/lib/validation/inspections";

/**
 * A standing round: a round that stands behind another record (an
 * admonitory talk, a top-down inspection tour's feedback, a weak-and-lax
 * turnaround case) rather than a
 * visit of the committee's inspection group. It covers one organization on
 * one day and holds one report, issued at once, whose findings are the
 * record's problems; so they are rectified, accepted, escalated and counted
 * on the findings' engine like any other. Such rounds stay out of the
 * rounds list, the unit's inspection reports, the draw's "longest
 * uninspected" weight and a circular's problems.
 */
export const STANDING_ROUND_TYPES = ["TALK", "TOUR", "TURNAROUND"] as const satisfies readonly InspectionType[];

/** SQL: the round `rd` is a visit of an inspection group, not a standing round. */
export function visitRoundSql(round: Prisma.Sql = Prisma.sql`rd`): Prisma.Sql {
  return Prisma.sql`NOT (${round}."type"::text = ANY (${[...STANDING_ROUND_TYPES]}::text[]))`;
}

/** Prisma: the same as visitRoundSql, for a round's where. */
export const VISIT_ROUND_WHERE = { type: { notIn: [...STANDING_ROUND_TYPES] } } satisfies Prisma.InspectionRoundWhereInput;

/** Refuses problems whose category is unknown or retired, at the problems field. */
export async function checkProblemCategories(db: Prisma.TransactionClient, problems: readonly TProblemEntry[], field: string): Promise<void> {
  const categoryIds = [...new Set(problems.map((p) => p.categoryId))];
  const active = await db.findingCategory.count({ where: { id: { in: categoryIds }, isActive: true } });
  if (active !== categoryIds.length) throw new ValidationError("Unknown category", { [field]: ["unknownCategory"] });
}

export type StandingRoundInput = {
  type: (typeof STANDING_ROUND_TYPES)[number];
  title: string;
  /** The organization the record is about, and the top of its tree (the round's scope). */
  org: { id: string; path: string };
  /** The day it happened (the talk, the feedback received): the round's first and last day and the report's. */
  day: string;
  summary: string;
  problems: readonly TProblemEntry[];
};

/**
 * Creates a standing round with its report issued at `now` and the
 * problems as its findings, numbered in order; the actor leads it (so the
 * group's acceptance is theirs). Answers the round's and the report's ids.
 */
export async function createStandingRound(tx: Prisma.TransactionClient, actor: Actor, input: StandingRoundInput, now: Date): Promise<{ roundId: string; reportId: string }> {
  const day = dayOf(input.day);
  const round = await tx.inspectionRound.create({
    data: {
      title: input.title,
      type: input.type,
      scopeOrgId: input.org.path.split("/").filter(Boolean)[0]!,
      startsOn: day,
      endsOn: day,
      createdById: actor.id,
      members: { create: { userId: actor.id, isLeader: true } },
      reports: {
        create: {
          orgId: input.org.id,
          status: "ISSUED",
          summary: input.summary,
          inspectedOn: day,
          issuedAt: now,
          issuedById: actor.id,
          inspectors: { create: { userId: actor.id } },
        },
      },
    },
    select: { id: true, reports: { select: { id: true } } },
  });
  const reportId = round.reports[0]!.id;
  if (input.problems.length > 0) {
    await tx.finding.createMany({
      data: input.problems.map((p, i) => ({
        reportId,
        roundId: round.id,
        orgId: input.org.id,
        seq: i + 1,
        description: p.text,
        categoryId: p.categoryId,
        severity: p.severity,
        deadline: dayOf(p.deadline),
      })),
    });
  }
  return { roundId: round.id, reportId };
}

/** One problem of a standing round as its record's page lists it, with how far its rectification has got. */
export type StandingProblem = {
  findingId: string;
  seq: number;
  text: string;
  category: string;
  categoryEn: string | null;
  severity: FindingSeverity;
  deadline: Date | null;
  state: RectificationState;
  closedAt: Date | null;
};

/** What a standing round's findings select for its record's page (toStandingProblems reads it). */
export const standingProblemsSelect = {
  orderBy: { seq: "asc" },
  select: { id: true, seq: true, description: true, severity: true, deadline: true, state: true, closedAt: true, category: { select: { name: true, nameEn: true } } },
} satisfies Prisma.InspectionRound$findingsArgs;

export function toStandingProblems(findings: Prisma.FindingGetPayload<typeof standingProblemsSelect>[]): StandingProblem[] {
  return findings.map((f) => ({
    findingId: f.id,
    seq: f.seq,
    text: f.description,
    category: f.category.name,
    categoryEn: f.category.nameEn,
    severity: f.severity,
    deadline: f.deadline,
    state: f.state,
    closedAt: f.closedAt,
  }));
}
