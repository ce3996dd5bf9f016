import Link from "next/link";
import { cn } from "@/lib/utils";

/**
 * One choice of a list's filter as a rounded link, the chosen one marked
 * (aria-current): the ledgers' state and colour counts, the lists' status.
 * `tone` colours a choice not chosen.
 */
export function FilterChip({ href, label, current, tone, testId }: { href: string; label: string; current: boolean; tone?: string; testId?: string }) {
  return (
    <Link
      href={href}
      aria-current={current ? "true" : undefined}
      data-testid={testId}
      className={cn(
        "inline-flex rounded-full border px-3 py-1 text-sm whitespace-nowrap",
        current ? "border-brand bg-brand-soft text-brand" : cn("border-line bg-white hover:bg-surface", tone),
      )}
    >
      {label}
    </Link>
  );
}
