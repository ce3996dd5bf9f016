"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, type ComponentType } from "react";
import { ACTING_ORG_TRIGGER, ActingOrgTriggerText, type ActingChoiceLabel } from "@/components/layout/acting-org-trigger";

type Props = { currentId: string; choices: ActingChoiceLabel[] };

/**
 * The header's switch between the organizations a user holds roles on. Every
 * page has it, but Radix's menu (its positioning and focus code) is a sixth of
 * a page's JavaScript, so the page is served with the same button, inert, and
 * the menu (acting-org-menu.tsx) takes its place once its code has arrived.
 */
export function ActingOrgSwitcher({ currentId, choices }: Props) {
  const t = useTranslations("actingOrg");
  const [Menu, setMenu] = useState<ComponentType<Props> | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void import("@/components/layout/acting-org-menu").then((m) => {
      if (isCurrent) setMenu(() => m.ActingOrgMenu);
    });
    return () => {
      isCurrent = false;
    };
  }, []);
  if (Menu) return <Menu currentId={currentId} choices={choices} />;
  const current = choices.find((c) => c.orgId === currentId) ?? choices[0];
  return (
    <button type="button" className={ACTING_ORG_TRIGGER} aria-disabled data-testid="acting-org">
      <ActingOrgTriggerText label={t("label")} current={current?.label} />
    </button>
  );
}
