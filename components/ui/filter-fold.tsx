"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/**
 * Filters folded behind one button on a phone, so that the list comes
 * first. The button says how many filters are on, and once open it reads
 * "hide filters", so that it is not taken for the form's own submit button.
 * From the `sm` breakpoint up the filters always show and the button does
 * not. The list never needs JavaScript; only unfolding the filters on a
 * phone does. `aside` (say, an export link) sits beside the button on a
 * phone and below the filters on a wider screen.
 */
export function FilterFold({
  activeCount,
  children,
  aside,
  className,
}: {
  activeCount: number;
  children: ReactNode;
  aside?: ReactNode;
  className?: string;
}) {
  const t = useTranslations("filters");
  const [isOpen, setOpen] = useState(false);
  const id = useId();
  return (
    <div className={cn("no-print flex flex-wrap items-center gap-x-3 gap-y-4", className)}>
      <Button
        type="button"
        variant="secondary"
        className="order-1 sm:hidden"
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={() => setOpen((open) => !open)}
        data-testid="filter-toggle"
      >
        <span aria-hidden>{isOpen ? "▴" : "▾"}</span>
        {isOpen ? t("fold") : t("toggle", { count: activeCount })}
      </Button>
      {aside ? <div className="order-2 ml-auto sm:order-3 sm:w-full">{aside}</div> : null}
      <div id={id} className={cn("order-3 w-full sm:order-2", isOpen ? undefined : "hidden sm:block")} data-testid="filter-panel">
        {children}
      </div>
    </div>
  );
}
