import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonVariants } from "@/components/ui/button";
import { hrefWith } from "@/lib/href";
import { cn } from "@/lib/utils";

/** Page links that keep the other search params. */
export function Pagination({
  page,
  pageCount,
  total,
  basePath,
  params,
}: {
  page: number;
  pageCount: number;
  total: number;
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const t = useTranslations("pagination");
  if (pageCount <= 1) return <p className="mt-4 text-sm text-muted">{t("total", { total })}</p>;
  const href = (p: number) => hrefWith(basePath, { ...params, page: p > 1 ? String(p) : undefined });
  const link = (p: number, label: string, rel?: string) =>
    p < 1 || p > pageCount ? (
      <span className={cn(buttonVariants({ variant: "secondary", size: "sm" }), "pointer-events-none opacity-50")} aria-disabled>
        {label}
      </span>
    ) : (
      <Link href={href(p)} rel={rel} className={buttonVariants({ variant: "secondary", size: "sm" })}>
        {label}
      </Link>
    );
  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <span className="text-muted">{t("summary", { page, pageCount, total })}</span>
      <span className="flex gap-2">
        {link(page - 1, t("previous"), "prev")}
        {link(page + 1, t("next"), "next")}
      </span>
    </nav>
  );
}
