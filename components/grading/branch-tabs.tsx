import { useTranslations } from "next-intl";
import { SectionTabs } from "@/components/layout/section-tabs";

export const BRANCH_SECTIONS = ["grading", "meetings", "turnaround", "models"] as const;
export type BranchSection = (typeof BRANCH_SECTIONS)[number];

/** The branches' own pages as tabs: grading (分类定级), organizational life (三会一课), weak-and-lax turnaround (软弱涣散整顿), model sites (示范点). */
export function BranchTabs({ current }: { current: BranchSection }) {
  const t = useTranslations("branches");
  const tabs = BRANCH_SECTIONS.map((section) => ({ href: `/branches/${section}`, label: t(`section.${section}`), current: section === current }));
  return <SectionTabs label={t("sections")} tabs={tabs} className="print:hidden" />;
}
