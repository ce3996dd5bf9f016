"use client";

import { useFormatter, useTranslations } from "next-intl";
import { addFindingEvidence } from "@/app/findings/[findingId]/evidence-actions";
import { AddEvidenceForm, type EvidenceTarget } from "@/components/evidence/add-evidence-form";
import { formatFileSize } from "@/components/evidence/format-file-size";
import { ReplaceFileForm } from "@/components/evidence/replace-file-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { EvidenceFileView } from "@/lib/server/evidence/read-evidence";
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
  const when = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
  const size = (bytes: number) => formatFileSize(format, bytes);
  const uploadUrl = `/api/findings/${encodeURIComponent(findingId)}/evidence`;
  const prefix = `finding-${findingId}-evidence`;
  const target: EvidenceTarget = {
    uploadUrl,
    addRecord: (record) => addFindingEvidence({ findingId, ...record }),
    closedMessage: t("closed"),
  };

  const revisionLink = (file: EvidenceFileView, label: string) => (
    <a
      href={`/evidence/${file.id}`}
      download
      className="break-all text-brand underline underline-offset-4"
      aria-label={te("downloadLabel", { name: label, revision: file.revision })}
    >
      {label}
    </a>
  );

  const entry = (e: FindingEvidenceView) => {
    const [current, ...older] = e.files;
    const canReplace = canAdd && addsAs === e.party && e.kind === "FILE";
    return (
      <li key={e.id} className="py-3 first:pt-0 last:pb-0" data-testid="finding-evidence-entry">
        <div className="flex flex-wrap items-center gap-2">
          <p className="min-w-0 font-medium break-words">{e.title}</p>
          <Badge>{te(`kind.${e.kind}`)}</Badge>
          <Badge tone={e.party === "GROUP" ? "brand" : "ok"}>{t(`party.${e.party}`)}</Badge>
        </div>
        {e.kind === "TEXT" && e.text ? <p className="mt-1 text-sm leading-relaxed break-words whitespace-pre-line">{e.text}</p> : null}
        {e.kind === "LINK" && e.url ? (
          <p className="mt-1 text-sm">
            <a href={e.url} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-brand underline underline-offset-4">
              {e.url}
              <span className="sr-only"> {te("newWindow")}</span>
            </a>
          </p>
        ) : null}
        {current ? (
          <p className="mt-1 text-sm">
            {revisionLink(current, current.fileName)}
            <span className="text-muted">
              {" "}
              · {size(current.size)} · {te("revision", { revision: current.revision })}
            </span>
          </p>
        ) : null}
        <p className="mt-1 text-xs text-muted">
          {current
            ? te("uploadedBy", { name: current.uploadedBy ?? te("someone"), at: when(current.createdAt) })
            : te("addedBy", { name: e.createdBy ?? te("someone"), at: when(e.createdAt) })}
        </p>
        {current ? (
          <p className="mt-0.5 text-xs break-all text-muted">
            SHA-256 <code className="font-mono">{current.sha256}</code>
          </p>
        ) : null}
        {older.length > 0 ? (
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-brand">{te("revisions", { count: older.length })}</summary>
            <ol className="mt-2 space-y-2 border-l-2 border-line pl-3">
              {older.map((f) => (
                <li key={f.id}>
                  {revisionLink(f, te("revisionName", { revision: f.revision, name: f.fileName }))}
                  <span className="block text-xs text-muted">
                    {size(f.size)} · {te("uploadedBy", { name: f.uploadedBy ?? te("someone"), at: when(f.createdAt) })}
                  </span>
                  <span className="block text-xs break-all text-muted">
                    SHA-256 <code className="font-mono">{f.sha256}</code>
                  </span>
                </li>
              ))}
            </ol>
          </details>
        ) : null}
        {canReplace ? (
          <div className="mt-2 flex flex-wrap items-start gap-2">
            <ReplaceFileForm uploadUrl={uploadUrl} evidenceId={e.id} title={e.title} maxBytes={maxBytes} maxLabel={maxLabel} />
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
