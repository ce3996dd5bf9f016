import type { OrgType } from "@/lib/generated/prisma/enums";

// Where each type of organization sits in the tree: the one rule that the
// tree's administrators (lib/server/orgs) and the directory import both apply.

/** From the top down: an organization sits only under one of a higher level. */
export const ORG_TYPE_LEVELS: readonly OrgType[] = ["WORKING_COMMITTEE", "PARTY_GROUP", "ORGAN_PARTY_COMMITTEE", "GENERAL_BRANCH", "BRANCH"];

const level = (type: OrgType) => ORG_TYPE_LEVELS.indexOf(type);

/**
 * Whether an organization of `child` type may sit under one of `parent`
 * type (null: at the top of a tree, where only a working committee stands).
 * A branch (党支部) holds no organizations; a general branch (党总支) holds
 * branches; an organ party committee holds general branches and branches; a
 * party group holds its organ's party organizations; a working committee may
 * hold any of them (a small organ's branch can sit right under it).
 */
export function mayHold(parent: OrgType | null, child: OrgType): boolean {
  if (parent === null) return child === "WORKING_COMMITTEE";
  return level(child) > level(parent);
}

/** The types an organization may take under `parent`, given the types of its children. */
export function typesAllowed(parent: OrgType | null, childTypes: readonly OrgType[]): OrgType[] {
  return ORG_TYPE_LEVELS.filter((type) => mayHold(parent, type) && childTypes.every((child) => mayHold(type, child)));
}
