import { useTranslations } from "next-intl";

/** What a page shows while its data loads. */
export function PageSkeleton() {
  const t = useTranslations("app");
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-8 w-48 animate-pulse rounded bg-line" />
      <div className="h-24 animate-pulse rounded-lg bg-white" />
      <div className="h-64 animate-pulse rounded-lg bg-white" />
    </div>
  );
}
