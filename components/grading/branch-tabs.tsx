import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

export const BRANCH_SECTIONS = ["grading", "meetings", "turnaround", "models"] as const;
export type BranchSection = (typeof BRANCH_SECTIONS)[number];

/** The branches' own pages as tabs: grading (分类定级), organizational life (三会一课), weak-and-lax turnaround (软弱涣散整顿), model sites (示范点). */
export function BranchTabs({ current }: { current: BranchSection }) {
  const t = useTranslations("branches");
  return (
    <nav aria-label={t("sections")} className="mb-5 border-b border-line print:hidden">
      <ul className="relative -mb-px flex gap-1 overflow-x-auto">
        {BRANCH_SECTIONS.map((section) => (
          <li key={section}>
            <Link
              href={`/branches/${section}`}
              aria-current={section === current ? "page" : undefined}
              className={cn(
                "inline-block border-b-2 px-4 py-2 text-sm font-medium whitespace-nowrap",
                section === current ? "border-brand text-brand" : "border-transparent text-muted hover:border-line hover:text-ink",
              )}
            >
              {t(`section.${section}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
