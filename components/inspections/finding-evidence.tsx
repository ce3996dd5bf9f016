"use client";

import { useFormatter, useTranslations } from "next-intl";
import { addFindingEvidence } from "@/lib/actions/findings";
import { AddEvidenceForm, type EvidenceTarget } from "@/components/evidence/add-evidence-form";
import { EvidenceContent } from "@/components/evidence/evidence-content";
import { formatFileSize } from "@/components/evidence/format-file-size";
import { ReplaceFileForm } from "@/components/evidence/replace-file-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { FindingEvidenceParty, FindingEvidenceView } from "@/lib/server/inspections/finding-evidence";

export type { FindingEvidenceView };

export type FindingEvidenceProps = {
  findingId: string;
  /** From loadFindingEvidence. */
  evidence: FindingEvidenceView[];
  /** The actor may add evidence now (canAddFindingEvidence). */
  canAdd: boolean;
  /** The largest file accepted, in bytes (evidenceMaxBytes). */
  maxBytes: number;
  /** As whom the actor adds (findingEvidenceParty): with it, the hint says what adding does, and that party's files can be replaced. */
  addsAs?: FindingEvidenceParty | null;
};

const PARTIES = ["GROUP", "UNIT"] as const satisfies readonly FindingEvidenceParty[];

/**
 * The evidence of a finding: the inspection group's, gathered for the
 * report, and the unit's, brought as it rectifies; each with its text,
 * link or file (every revision downloadable), who added it and when. With
 * `canAdd`, the ledger's forms to add text, a link or a file, sent to the
 * finding's action and upload route.
 */
export function FindingEvidence({ findingId, evidence, canAdd, maxBytes, addsAs }: FindingEvidenceProps) {
  const t = useTranslations("findingEvidence");
  const te = useTranslations("evidence");
  const format = useFormatter();
  const maxLabel = formatFileSize(format, maxBytes);
  const uploadUrl = `/api/findings/${encodeURIComponent(findingId)}/evidence`;
  const prefix = `finding-${findingId}-evidence`;
  const target: EvidenceTarget = {
    uploadUrl,
    addRecord: (record) => addFindingEvidence({ findingId, ...record }),
    messages: "findingEvidence.error",
  };


  const entry = (e: FindingEvidenceView) => {
    const canReplace = canAdd && addsAs === e.party && e.kind === "FILE";
    return (
      <li key={e.id} className="py-3 first:pt-0 last:pb-0" data-testid="finding-evidence-entry">
        <div className="flex flex-wrap items-center gap-2">
          <p className="min-w-0 font-medium break-words">{e.title}</p>
          <Badge>{te(`kind.${e.kind}`)}</Badge>
          <Badge tone={e.party === "GROUP" ? "brand" : "ok"}>{t(`party.${e.party}`)}</Badge>
        </div>
        <EvidenceContent evidence={e} />
        {canReplace ? (
          <div className="mt-2 flex flex-wrap items-start gap-2">
            <ReplaceFileForm uploadUrl={uploadUrl} messages="findingEvidence.error" evidenceId={e.id} title={e.title} maxBytes={maxBytes} maxLabel={maxLabel} />
          </div>
        ) : null}
      </li>
    );
  };

  const headingId = `${prefix}-heading`;
  return (
    <Card aria-labelledby={headingId} data-testid="finding-evidence">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          {t("heading")}
        </h2>
        <span className="text-sm text-muted">{te("count", { count: evidence.length })}</span>
      </div>
      {evidence.length === 0 ? (
        <p className="text-sm text-muted">{t("empty")}</p>
      ) : (
        PARTIES.map((party) => {
          const entries = evidence.filter((e) => e.party === party);
          if (entries.length === 0) return null;
          return (
            <section key={party} aria-labelledby={`${prefix}-${party}`} className="mt-3 first:mt-0">
              <h3 id={`${prefix}-${party}`} className="mb-2 text-sm font-semibold text-muted">
                {t(`partyHeading.${party}`)}
              </h3>
              <ul className="divide-y divide-line">{entries.map(entry)}</ul>
            </section>
          );
        })
      )}
      {canAdd ? (
        <div className="mt-4 space-y-3 border-t border-line pt-4">
          {addsAs ? <p className="text-xs text-muted">{t(`hint.${addsAs}`)}</p> : null}
          <AddEvidenceForm target={target} maxBytes={maxBytes} maxLabel={maxLabel} idPrefix={prefix} />
        </div>
      ) : null}
    </Card>
  );
}
