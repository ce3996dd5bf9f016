import { useFormatter, useTranslations } from "next-intl";
import { formatFileSize } from "@/components/evidence/format-file-size";
import type { EvidenceFileView, EvidenceView } from "@/lib/server/evidence/read-evidence";

/**
 * What one piece of evidence holds, for an item's panel and a finding's
 * alike: its text or link, its current file with who uploaded it and its
 * SHA-256, and the older revisions, each downloadable. `origin` follows
 * the "added by" line (the organization the evidence belongs to).
 */
export function EvidenceContent({ evidence: e, origin }: { evidence: Pick<EvidenceView, "kind" | "text" | "url" | "files" | "createdBy" | "createdAt">; origin?: string }) {
  const t = useTranslations("evidence");
  const format = useFormatter();
  const when = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
  const size = (bytes: number) => formatFileSize(format, bytes);
  const [current, ...older] = e.files;
  const revisionLink = (file: EvidenceFileView, label: string) => (
    <a href={`/evidence/${file.id}`} download className="break-all text-brand underline underline-offset-4" aria-label={t("downloadLabel", { name: label, revision: file.revision })}>
      {label}
    </a>
  );
  return (
    <>
      {e.kind === "TEXT" && e.text ? <p className="mt-1 text-sm leading-relaxed break-words whitespace-pre-line">{e.text}</p> : null}
      {e.kind === "LINK" && e.url ? (
        <p className="mt-1 text-sm">
          <a href={e.url} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-brand underline underline-offset-4">
            {e.url}
            <span className="sr-only"> {t("newWindow")}</span>
          </a>
        </p>
      ) : null}
      {current ? (
        <p className="mt-1 text-sm">
          {revisionLink(current, current.fileName)}
          <span className="text-muted"> · {size(current.size)} · {t("revision", { revision: current.revision })}</span>
        </p>
      ) : null}
      <p className="mt-1 text-xs text-muted">
        {current
          ? t("uploadedBy", { name: current.uploadedBy ?? t("someone"), at: when(current.createdAt) })
          : t("addedBy", { name: e.createdBy ?? t("someone"), at: when(e.createdAt) })}
        {origin ? ` · ${origin}` : null}
      </p>
      {current ? (
        <p className="mt-0.5 text-xs break-all text-muted">
          SHA-256 <code className="font-mono">{current.sha256}</code>
        </p>
      ) : null}
      {older.length > 0 ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-brand">{t("revisions", { count: older.length })}</summary>
          <ol className="mt-2 space-y-2 border-l-2 border-line pl-3">
            {older.map((f) => (
              <li key={f.id}>
                {revisionLink(f, t("revisionName", { revision: f.revision, name: f.fileName }))}
                <span className="block text-xs text-muted">
                  {size(f.size)} · {t("uploadedBy", { name: f.uploadedBy ?? t("someone"), at: when(f.createdAt) })}
                </span>
                <span className="block text-xs break-all text-muted">
                  SHA-256 <code className="font-mono">{f.sha256}</code>
                </span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </>
  );
}
