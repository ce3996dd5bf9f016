"use client";

import { useTranslations } from "next-intl";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/**
 * Opens the browser's print dialog, where "Save as PDF" gives the PDF.
 * Hidden on paper itself.
 */
export function PrintButton({ label, className }: { label?: string; className?: string }) {
  const t = useTranslations("print");
  return (
    <button
      type="button"
      onClick={() => window.print()}
      title={t("buttonHint")}
      data-print="hide"
      className={cn(buttonVariants({ variant: "secondary", size: "sm" }), "print:hidden", className)}
    >
      {label ?? t("button")}
    </button>
  );
}
