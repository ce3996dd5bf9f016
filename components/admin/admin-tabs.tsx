import { useTranslations } from "next-intl";
import { SectionTabs } from "@/components/layout/section-tabs";

export const ADMIN_SECTIONS = ["orgs", "users", "import"] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** The administration pages as tabs: the organization tree, people and accounts, bulk import. */
export function AdminTabs({ current }: { current: AdminSection }) {
  const t = useTranslations("admin");
  const tabs = ADMIN_SECTIONS.map((section) => ({ href: `/admin/${section}`, label: t(`section.${section}`), current: section === current }));
  return <SectionTabs label={t("sections")} tabs={tabs} />;
}
