import type { OrgType } from "@/lib/generated/prisma/enums";

// What holds committee terms (换届) and for how long, and the states of a
// term in the ledger: a closed vocabulary light enough for forms in the
// browser. The rules over dates, in TypeScript and SQL, are lib/term-rules.ts.

/**
 * The organizations that elect a committee for a term, after the 2019
 * Regulations on grassroots organizations in party and state organs: an
 * organ party committee (a 党委, five years), a general branch and a branch
 * (三年). A unit's party group (党组) is appointed by the party committee
 * above, not elected, and the organ working committee is the party
 * committee's own body: neither holds terms here, though both may record
 * appointment talks and head changes.
 */
export const TERM_ORG_TYPES = ["ORGAN_PARTY_COMMITTEE", "GENERAL_BRANCH", "BRANCH"] as const satisfies readonly OrgType[];

export type TermOrgType = (typeof TERM_ORG_TYPES)[number];

export function holdsTerms(type: OrgType): type is TermOrgType {
  return (TERM_ORG_TYPES as readonly OrgType[]).includes(type);
}

/** The term a newly recorded election proposes by default; the recorder may change it. */
export const DEFAULT_TERM_YEARS: Record<TermOrgType, number> = { ORGAN_PARTY_COMMITTEE: 5, GENERAL_BRANCH: 3, BRANCH: 3 };

export const TERM_YEARS_MIN = 1;
/** The longest term the regulations know (a 党委's). */
export const TERM_YEARS_MAX = 5;

/**
 * A line of the term ledger: a current term by its colour, one not yet
 * within six months of its due day, or an organization that holds terms
 * but has none recorded (未录入).
 */
export const TERM_STATES = ["red", "yellow", "green", "missing", "notDue"] as const;

export type TermState = (typeof TERM_STATES)[number];

