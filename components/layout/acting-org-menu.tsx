"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { DropdownMenu } from "radix-ui";
import { useEffect, useRef, useTransition } from "react";
import { ACTING_ORG_TRIGGER, ActingOrgTriggerText, type ActingChoiceLabel } from "@/components/layout/acting-org-trigger";
import { setActingOrg } from "@/lib/actions/account";

/**
 * The header's switch between the organizations a user holds roles on
 * (Radix's menu: arrow keys, Enter, Escape). The choice narrows what pages
 * such as 我的职责 show first; permissions stay those of every role.
 * Loaded after the page (ActingOrgSwitcher), since every page has it.
 */
export function ActingOrgMenu({
  currentId,
  choices,
  openAtOnce = false,
  focusAtOnce = false,
}: {
  currentId: string;
  choices: ActingChoiceLabel[];
  /** Opened as it mounts: the button it replaces was pressed before this code arrived. */
  openAtOnce?: boolean;
  /** Its button takes the focus as it mounts: the one it replaces had it. */
  focusAtOnce?: boolean;
}) {
  const t = useTranslations("actingOrg");
  const trigger = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusAtOnce && !openAtOnce) trigger.current?.focus();
  }, [focusAtOnce, openAtOnce]);
  const router = useRouter();
  const [isPending, start] = useTransition();
  const current = choices.find((c) => c.orgId === currentId) ?? choices[0];
  const choose = (orgId: string) =>
    start(async () => {
      await setActingOrg({ orgId });
      // Also after a refusal (a role revoked meanwhile): the page then shows what the user still holds.
      router.refresh();
    });
  return (
    <DropdownMenu.Root defaultOpen={openAtOnce}>
      <DropdownMenu.Trigger ref={trigger} className={ACTING_ORG_TRIGGER} disabled={isPending} data-testid="acting-org">
        <ActingOrgTriggerText label={t("label")} current={current?.label} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 max-w-[90vw] min-w-56 rounded-md border border-line bg-white p-1 shadow-lg">
          <DropdownMenu.Label className="px-2 py-1 text-xs font-medium text-muted">{t("label")}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup value={currentId} onValueChange={choose}>
            {choices.map((choice) => (
              <DropdownMenu.RadioItem
                key={choice.orgId}
                value={choice.orgId}
                className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-ink outline-none data-[highlighted]:bg-surface"
              >
                <span className="w-4 text-brand" aria-hidden>
                  <DropdownMenu.ItemIndicator>✓</DropdownMenu.ItemIndicator>
                </span>
                {choice.label}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="my-1 h-px bg-line" />
          <p className="max-w-72 px-2 py-1 text-xs text-muted">{t("hint")}</p>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
