// The shapes of the benchmark provinces: how many units, how each unit's tree looks, and how much
// inspection work there is. Everything else the generator makes follows from these numbers.
import type { OrgType } from "../../lib/generated/prisma/enums";

export const TIERS = ["unit", "city", "province"] as const;
export type TierName = (typeof TIERS)[number];

export type TierShape = {
  name: TierName;
  /** Unit party groups (党组) under the working committee; each has an organ party committee (机关党委). */
  units: number;
  /** Branches directly under each unit's organ party committee, taken in turn from this cycle. */
  directBranchCycle: readonly number[];
  /** General branches (党总支) under each organ party committee, each with `branchesPerGeneralBranch` branches. */
  generalBranchesPerUnit: number;
  branchesPerGeneralBranch: number;
  /** Small organs' branches standing right under the working committee (mayHold allows it). */
  committeeBranches: number;
  /** Inspectors (INSPECTOR at the committee), who form the inspection groups. */
  inspectors: number;
  inspectionRounds: number;
  /** Findings in all the rounds' issued reports, exactly. */
  findings: number;
};

const DIRECT_BRANCH_CYCLE = [4, 5, 6, 7, 8] as const;

export const TIER_SHAPES: Record<TierName, TierShape> = {
  unit: {
    name: "unit",
    units: 4,
    directBranchCycle: DIRECT_BRANCH_CYCLE,
    generalBranchesPerUnit: 1,
    branchesPerGeneralBranch: 3,
    committeeBranches: 3,
    inspectors: 4,
    inspectionRounds: 2,
    findings: 100,
  },
  city: {
    name: "city",
    units: 166,
    directBranchCycle: DIRECT_BRANCH_CYCLE,
    generalBranchesPerUnit: 1,
    branchesPerGeneralBranch: 3,
    committeeBranches: 9,
    inspectors: 12,
    inspectionRounds: 10,
    findings: 5_000,
  },
  province: {
    name: "province",
    units: 1666,
    directBranchCycle: DIRECT_BRANCH_CYCLE,
    generalBranchesPerUnit: 1,
    branchesPerGeneralBranch: 3,
    committeeBranches: 9,
    inspectors: 40,
    inspectionRounds: 40,
    findings: 50_000,
  },
};

export function isTierName(value: string): value is TierName {
  return (TIERS as readonly string[]).includes(value);
}

/** Branches directly under unit `u`'s organ party committee (u from 0). */
export function directBranchesOf(shape: TierShape, u: number): number {
  return shape.directBranchCycle[u % shape.directBranchCycle.length] ?? 0;
}

/** Organizations of each type the tier makes: 50, 2,000 and 20,000 in all. */
export function orgCountsOf(shape: TierShape): Record<OrgType, number> {
  let directBranches = 0;
  for (let u = 0; u < shape.units; u++) directBranches += directBranchesOf(shape, u);
  const generalBranches = shape.units * shape.generalBranchesPerUnit;
  return {
    WORKING_COMMITTEE: 1,
    PARTY_GROUP: shape.units,
    ORGAN_PARTY_COMMITTEE: shape.units,
    GENERAL_BRANCH: generalBranches,
    BRANCH: shape.committeeBranches + directBranches + generalBranches * shape.branchesPerGeneralBranch,
  };
}

export function orgCountOf(shape: TierShape): number {
  return Object.values(orgCountsOf(shape)).reduce((sum, n) => sum + n, 0);
}

/** The committee's administrators and supervisors; every unit also gets an administrator and three staff. */
export const COMMITTEE_ADMINS = 2;
export const COMMITTEE_SUPERVISORS = 2;
export const UNIT_EXTRA_USERS = 4;

/** The catalogs loaded from prisma/catalogs, and those of them assigned for the year (the demo seed's set). */
export const ASSIGNED_CATALOGS = ["shandong-style-sample", "organ-party-committee-art10-sample", "branch-five-basics-sample"] as const;
