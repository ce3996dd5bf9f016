"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

/** `countText`: the count as shown, when it differs from the number ("99+"). `match`: the path prefix that marks the link current, when it is wider than its href (a section of several pages). */
type NavLink = { href: string; label: string; count?: number; countText?: string; countLabel?: string; match?: string };

export function NavLinks({ links, label }: { links: NavLink[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1">
      {links.map((link) => {
        const base = link.match ?? link.href;
        const isActive = pathname === base || pathname.startsWith(`${base}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={isActive ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium",
              isActive ? "bg-brand-soft text-brand" : "text-ink hover:bg-surface",
            )}
          >
            {link.label}
            {link.count ? (
              <span className="ml-1 rounded-full bg-brand px-1.5 text-xs text-white tabular-nums" data-testid={`nav-count-${link.href.slice(1)}`}>
                <span aria-hidden>{link.countText ?? link.count}</span>
                <span className="sr-only">{link.countLabel}</span>
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
