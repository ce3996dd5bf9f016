import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

export const ADMIN_SECTIONS = ["orgs", "users", "import"] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** The administration pages as tabs: the organization tree, people and accounts, bulk import. */
export function AdminTabs({ current }: { current: AdminSection }) {
  const t = useTranslations("admin");
  return (
    <nav aria-label={t("sections")} className="mb-5 border-b border-line">
      <ul className="relative -mb-px flex gap-1 overflow-x-auto">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section}>
            <Link
              href={`/admin/${section}`}
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
