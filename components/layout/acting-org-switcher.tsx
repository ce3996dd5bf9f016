"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { ActingOrgMenu } from "@/components/layout/acting-org-menu";
import { ACTING_ORG_TRIGGER, ActingOrgTriggerText, type ActingChoiceLabel } from "@/components/layout/acting-org-trigger";

type Props = { currentId: string; choices: ActingChoiceLabel[] };

/**
 * The header's switch between the organizations a user holds roles on. Every
 * page has it, but Radix's menu (its positioning and focus code) is a sixth of
 * a page's JavaScript, so the page is served with the same button, inert, and
 * the menu (acting-org-menu.tsx) takes its place once its code has arrived:
 * opened if the button was pressed meanwhile, focused if it had the focus.
 */
export function ActingOrgSwitcher({ currentId, choices }: Props) {
  const t = useTranslations("actingOrg");
  const [loaded, setLoaded] = useState<{ Menu: typeof ActingOrgMenu; hadFocus: boolean } | null>(null);
  const [isPressed, setPressed] = useState(false);
  const standIn = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    let isCurrent = true;
    void import("@/components/layout/acting-org-menu").then((m) => {
      if (isCurrent) setLoaded({ Menu: m.ActingOrgMenu, hadFocus: document.activeElement === standIn.current });
    });
    return () => {
      isCurrent = false;
    };
  }, []);
  if (loaded) return <loaded.Menu currentId={currentId} choices={choices} openAtOnce={isPressed} focusAtOnce={loaded.hadFocus} />;
  const current = choices.find((c) => c.orgId === currentId) ?? choices[0];
  return (
    <button ref={standIn} type="button" className={ACTING_ORG_TRIGGER} aria-expanded={false} aria-haspopup="menu" onClick={() => setPressed(true)} data-testid="acting-org">
      <ActingOrgTriggerText label={t("label")} current={current?.label} />
    </button>
  );
}
