import Link from "next/link";
import { cn } from "@/lib/utils";

export type SectionTab = { href: string; label: string; current: boolean };

/** A section's pages as tabs under its heading: a navigation landmark named `label`, the current page marked. */
export function SectionTabs({ label, tabs, className }: { label: string; tabs: readonly SectionTab[]; className?: string }) {
  return (
    <nav aria-label={label} className={cn("mb-5 border-b border-line", className)}>
      <ul className="relative -mb-px flex gap-1 overflow-x-auto">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              className={cn(
                "inline-block border-b-2 px-4 py-2 text-sm font-medium whitespace-nowrap",
                tab.current ? "border-brand text-brand" : "border-transparent text-muted hover:border-line hover:text-ink",
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
