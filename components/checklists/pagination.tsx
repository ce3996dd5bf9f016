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
  const href = (p: number) => (p < 1 || p > pageCount ? null : hrefWith(basePath, { ...params, page: p > 1 ? String(p) : undefined }));
  return <PagerNav summary={t("summary", { page, pageCount, total })} previous={href(page - 1)} next={href(page + 1)} />;
}

/**
 * Previous and next links of a list paged by keyset: no page numbers, as a
 * page is found from the row it starts next to, not counted from the top.
 */
export function KeysetPager({ total, previous, next }: { total: number; previous: string | null; next: string | null }) {
  const t = useTranslations("pagination");
  if (!previous && !next) return <p className="mt-4 text-sm text-muted">{t("total", { total })}</p>;
  return <PagerNav summary={t("total", { total })} previous={previous} next={next} />;
}

/** A pager: what the list holds, and a previous and a next link, each shown disabled when there is no such page. */
function PagerNav({ summary, previous, next }: { summary: string; previous: string | null; next: string | null }) {
  const t = useTranslations("pagination");
  const link = (href: string | null, label: string, rel: string) =>
    href ? (
      <Link href={href} rel={rel} className={buttonVariants({ variant: "secondary", size: "sm" })}>
        {label}
      </Link>
    ) : (
      <span className={cn(buttonVariants({ variant: "secondary", size: "sm" }), "pointer-events-none opacity-50")} aria-disabled>
        {label}
      </span>
    );
  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <span className="text-muted">{summary}</span>
      <span className="flex gap-2">
        {link(previous, t("previous"), "prev")}
        {link(next, t("next"), "next")}
      </span>
    </nav>
  );
}
