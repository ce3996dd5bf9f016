import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonVariants } from "@/components/ui/button";
import { hrefWith } from "@/lib/href";
import type { ReviewQueueNext } from "@/lib/server/checklists/review-queue";

/**
 * On an item opened from the review queue: back to the queue (with its
 * filters), or on to the next item in it. Once the item is approved or
 * returned, going on is the main step.
 */
export function ReviewNav({ next, queueParams, isWaiting }: { next: ReviewQueueNext; queueParams: Record<string, string | undefined>; isWaiting: boolean }) {
  const t = useTranslations("reviews");
  const status = next.nextId
    ? t(isWaiting ? "othersWaiting" : "handledNext", { count: next.remaining })
    : t(isWaiting ? "noOthers" : "allHandled");
  return (
    <nav aria-label={t("navLabel")} className="no-print rounded-lg border border-line bg-white p-4 shadow-sm" data-testid="review-nav">
      <p className="text-sm text-muted" role="status">
        {status}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        {next.nextId ? (
          <Link
            href={hrefWith(`/checklists/${next.nextId}`, { from: "reviews", ...queueParams })}
            className={buttonVariants({ variant: isWaiting ? "secondary" : "primary", size: "sm" })}
          >
            {t("next")}
          </Link>
        ) : null}
        <Link href={hrefWith("/reviews", queueParams)} className={buttonVariants({ variant: "secondary", size: "sm" })}>
          {t("backToQueue")}
        </Link>
      </div>
    </nav>
  );
}
