import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AddEvidenceForm } from "@/components/evidence/add-evidence-form";
import { AttachEvidenceForm } from "@/components/evidence/attach-evidence-form";
import { DetachEvidenceButton } from "@/components/evidence/detach-evidence-button";
import { EvidenceContent } from "@/components/evidence/evidence-content";
import { formatFileSize } from "@/components/evidence/format-file-size";
import { ReplaceFileForm } from "@/components/evidence/replace-file-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { localized } from "@/lib/org-label";
import type { EvidenceView, ItemEvidence } from "@/lib/server/evidence/read-evidence";

export type EvidencePanelProps = ItemEvidence;

/**
 * The evidence of an item: what backs it (text, links, files with their
 * revisions) for everyone who reads the item, and the forms to add, replace,
 * attach and detach for its writers while it is open. The data comes from
 * getItemEvidence.
 */
export async function EvidencePanel({ itemId, entries, isOpen, canWrite, attachable, maxBytes }: EvidencePanelProps) {
  const [t, format, locale] = await Promise.all([getTranslations("evidence"), getFormatter(), getLocale()]);
  const maxLabel = formatFileSize(format, maxBytes);


  const entry = (e: EvidenceView) => {
    return (
      <li key={e.id} className="py-3 first:pt-0 last:pb-0" data-testid="evidence-entry">
        <div className="flex flex-wrap items-center gap-2">
          <p className="min-w-0 font-medium break-words">{e.title}</p>
          <Badge>{t(`kind.${e.kind}`)}</Badge>
        </div>
        <EvidenceContent evidence={e} origin={localized(e.org.name, e.org.nameEn, locale)} />
        {canWrite ? (
          <div className="mt-2 flex flex-wrap items-start gap-2">
            {e.kind === "FILE" ? <ReplaceFileForm itemId={itemId} evidenceId={e.id} title={e.title} maxBytes={maxBytes} maxLabel={maxLabel} /> : null}
            <DetachEvidenceButton itemId={itemId} evidenceId={e.id} title={e.title} />
          </div>
        ) : null}
      </li>
    );
  };

  return (
    <Card aria-labelledby="evidence-heading" data-testid="evidence-panel">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="evidence-heading" className="text-base font-semibold">
          {t("heading")}
        </h2>
        <span className="text-sm text-muted">{t("count", { count: entries.length })}</span>
      </div>
      {entries.length === 0 ? (
        <p className="text-sm text-muted">{canWrite ? t("emptyWritable") : t("empty")}</p>
      ) : (
        <ul className="divide-y divide-line">{entries.map(entry)}</ul>
      )}
      {canWrite ? (
        <div className="mt-4 space-y-6 border-t border-line pt-4">
          <AddEvidenceForm itemId={itemId} maxBytes={maxBytes} maxLabel={maxLabel} />
          {attachable.length > 0 ? (
            <AttachEvidenceForm
              itemId={itemId}
              options={attachable.map((a) => ({
                id: a.id,
                label: t("attachOption", {
                  title: a.title,
                  kind: t(`kind.${a.kind}`),
                  org: localized(a.org.name, a.org.nameEn, locale),
                  at: format.dateTime(a.createdAt, { dateStyle: "medium" }),
                }),
              }))}
            />
          ) : null}
        </div>
      ) : (
        <p className="mt-3 text-xs text-muted">{isOpen ? t("readOnly") : t("closedHint")}</p>
      )}
    </Card>
  );
}
