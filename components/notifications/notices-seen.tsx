"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Said by a page that has just marked some of the reader's notices read
 * (lib/server/notifications/mark-read.ts markNoticesAbout): the header
 * kept across client navigations still shows the old count, so it is
 * fetched again once.
 */
export function NoticesSeen({ count }: { count: number }) {
  const router = useRouter();
  useEffect(() => {
    if (count > 0) router.refresh();
  }, [count, router]);
  return null;
}
