import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/**
 * Previous and next links of a list paged by keyset: no page numbers, as a
 * page is found from the row it starts next to, not counted from the top.
 */
export function KeysetPager({ total, previous, next }: { total: number; previous: string | null; next: string | null }) {
  const t = useTranslations("pagination");
  if (!previous && !next) return <p className="mt-4 text-sm text-muted">{t("total", { total })}</p>;
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
      <span className="text-muted">{t("total", { total })}</span>
      <span className="flex gap-2">
        {link(previous, t("previous"), "prev")}
        {link(next, t("next"), "next")}
      </span>
    </nav>
  );
}
