import { Bell } from "lucide-react";
import Link from "next/link";
import { badgeCount } from "@/lib/badge-count";

/** The header's way to the notices: a bell, with the unread count when there is any. */
export function NotificationBell({ count, label }: { count: number; label: string }) {
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex h-9 w-9 items-center justify-center rounded-md text-ink hover:bg-surface"
    >
      <Bell aria-hidden className="h-5 w-5" />
      {count > 0 ? (
        <span aria-hidden className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-brand px-1 text-center text-[10px] leading-4 text-white tabular-nums">
          {badgeCount(count)}
        </span>
      ) : null}
    </Link>
  );
}
