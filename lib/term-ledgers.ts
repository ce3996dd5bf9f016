// The three ledgers of terms (换届, 任职谈话, 负责人调整): where they live and
// their columns, shared by the pages' tables and the Excel exports
// (headers are `terms.columns.<key>`). No "server-only": tables render them.

export const TERM_LEDGERS = ["terms", "talks", "heads"] as const;
export type TermLedger = (typeof TERM_LEDGERS)[number];

/** Where each ledger lives; its export is its path + "/export". */
export const TERM_LEDGER_PATHS: Record<TermLedger, string> = { terms: "/terms", talks: "/terms/talks", heads: "/terms/heads" };

export type LedgerColumn = { key: string; width: number; date?: boolean; wrap?: boolean };

export const TERM_LEDGER_COLUMNS = {
  terms: [
    { key: "no", width: 6 },
    { key: "org", width: 32, wrap: true },
    { key: "orgType", width: 12 },
    { key: "parent", width: 28, wrap: true },
    { key: "state", width: 22 },
    { key: "electedOn", width: 12, date: true },
    { key: "termYears", width: 10 },
    { key: "dueOn", width: 12, date: true },
    { key: "secretary", width: 12 },
    { key: "members", width: 36, wrap: true },
    { key: "approvedOn", width: 12, date: true },
    { key: "approvalNote", width: 36, wrap: true },
  ],
  talks: [
    { key: "no", width: 6 },
    { key: "org", width: 32, wrap: true },
    { key: "talkedOn", width: 12, date: true },
    { key: "appointee", width: 12 },
    { key: "talkedBy", width: 24, wrap: true },
    { key: "points", width: 60, wrap: true },
    { key: "recordedBy", width: 12 },
  ],
  heads: [
    { key: "no", width: 6 },
    { key: "org", width: 32, wrap: true },
    { key: "changedOn", width: 12, date: true },
    { key: "previousHead", width: 12 },
    { key: "newHead", width: 12 },
    { key: "consultation", width: 60, wrap: true },
    { key: "recordedBy", width: 12 },
  ],
} as const satisfies Record<TermLedger, readonly LedgerColumn[]>;
