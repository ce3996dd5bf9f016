import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ItemActions } from "@/components/checklists/item-actions";
import { RecordProvider } from "@/components/forms/record";
import { NoticesSeen } from "@/components/notifications/notices-seen";
import { markNoticesAbout } from "@/lib/server/notifications/mark-read";
import { DelegateItemForm } from "@/components/checklists/delegate-item-form";
import { ItemHistory } from "@/components/checklists/item-history";
import { ReviewNav } from "@/components/checklists/review-nav";
import { EvidencePanel } from "@/components/evidence/evidence-panel";
import { OccurrenceLabel } from "@/components/checklists/checklist-table";
import { StatusBadge } from "@/components/checklists/status-badge";
import { PageHeading } from "@/components/layout/page-heading";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { guardPage } from "@/lib/server/access/guard-page";
import { listEntityHistory } from "@/lib/server/audit/list-entity-history";
import { getChecklistItem } from "@/lib/server/checklists/get-checklist-item";
import { getNextInReviewQueue } from "@/lib/server/checklists/review-queue";
import { getItemEvidence } from "@/lib/server/evidence/read-evidence";
import { listDelegationTargets } from "@/lib/server/checklists/delegate-item";
import { localized } from "@/lib/org-label";
import { reviewQueueParams, ZReviewQuery } from "@/lib/validation/reviews";

type Props = { params: Promise<{ itemId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("item"))("title") };
}

export default async function ChecklistItemPage({ params, searchParams }: Props) {
  const { itemId } = await params;
  const actor = await guardPage("page:/checklists/[itemId]", { itemId }, `/checklists/${itemId}`);
  // Opened from the review queue: the queue's filters come along, to lead on to its next item.
  const search = await searchParams;
  const queue = search.from === "reviews" ? ZReviewQuery.parse(search) : null;
  const [item, queueNext, history, t, tk, tf, format, locale] = await Promise.all([
    getChecklistItem(actor, itemId),
    queue ? getNextInReviewQueue(actor, itemId, queue) : null,
    listEntityHistory("ChecklistItem", itemId),
    getTranslations("item"),
    getTranslations("kind"),
    getTranslations("frequency"),
    getFormatter(),
    getLocale(),
  ]);
  const [targets, seen] = await Promise.all([
    item.canDelegate ? listDelegationTargets(actor, itemId) : null,
    markNoticesAbout(actor, { itemId: item.id }),
  ]);
  const delegatedTo = item.delegatedOrg
    ? localized(item.delegatedOrg.name, item.delegatedOrg.nameEn, locale)
    : item.delegatedTo?.name ?? null;
  const reviewer = item.reviewerOrg ? localized(item.reviewerOrg.name, item.reviewerOrg.nameEn, locale) : null;
  const when = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
  const catalog = item.duty.catalogVersion.catalog;
  const description = localized(item.duty.description, item.duty.descriptionEn, locale);
  return (
    <RecordProvider version={item.version}>
      <NoticesSeen count={seen} />
      <PageHeading title={localized(item.duty.title, item.duty.titleEn, locale)}>
        <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-muted">
          <Link href="/checklists" className="hover:text-brand hover:underline">
            {t("back")}
          </Link>
          {" / "}
          <Link href={`/orgs/${item.org.id}`} className="hover:text-brand hover:underline">
            {localized(item.org.name, item.org.nameEn, locale)}
          </Link>
        </nav>
      </PageHeading>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-4">
          <Card>
            <div className="flex flex-wrap items-center gap-2">
              <StatusBadge status={item.status} isOverdue={item.isOverdue} warning={item.warning} />
              {item.viaDelegation ? <Badge tone="warn">{t("delegatedToYou")}</Badge> : null}
              <Badge tone="brand">{tk(item.duty.kind)}</Badge>
              <Badge>{tf(item.duty.frequency)}</Badge>
              {item.duty.evidenceRequired ? <Badge>{t("evidenceRequired")}</Badge> : null}
              <OccurrenceLabel frequency={item.duty.frequency} occurrence={item.occurrence} />
            </div>
            {description ? <p className="mt-4 leading-relaxed whitespace-pre-line">{description}</p> : null}
            <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-muted">{t("code")}</dt>
              <dd className="font-mono">{item.duty.code}</dd>
              <dt className="text-muted">{t("due")}</dt>
              <dd className={item.isOverdue ? "font-medium text-danger" : undefined}>
                {format.dateTime(item.dueDate, { dateStyle: "long", timeZone: "UTC" })}
              </dd>
              <dt className="text-muted">{t("catalog")}</dt>
              <dd>
                {localized(catalog.title, catalog.titleEn, locale)}
                {catalog.isSample ? <Badge className="ml-2">{t("sample")}</Badge> : null}
              </dd>
              <dt className="text-muted">{t("weight")}</dt>
              <dd>{item.duty.weight}</dd>
              <dt className="text-muted">{t("reviewer")}</dt>
              <dd>{reviewer ?? t("noReviewer")}</dd>
              {item.submittedBy && item.submittedAt ? (
                <>
                  <dt className="text-muted">{t("submittedLabel")}</dt>
                  <dd data-testid="submitted-by">{t("submittedBy", { name: item.submittedBy.name, at: when(item.submittedAt) })}</dd>
                </>
              ) : null}
              {item.naReason && (item.status === "SUBMITTED" || item.status === "NOT_APPLICABLE") ? (
                <>
                  <dt className="text-muted">{t("naReasonLabel")}</dt>
                  <dd className="whitespace-pre-line">{item.naReason}</dd>
                </>
              ) : null}
              {item.reviewedBy && item.reviewedAt ? (
                <>
                  <dt className="text-muted">{t("lastComment")}</dt>
                  <dd data-testid="review-comment">
                    <span className="block text-xs text-muted">{t("reviewedBy", { name: item.reviewedBy.name, at: when(item.reviewedAt) })}</span>
                    {item.reviewComment ? <span className="whitespace-pre-line">{item.reviewComment}</span> : null}
                  </dd>
                </>
              ) : null}
              {item.completedBy && item.completedAt ? (
                <>
                  <dt className="text-muted">{t("completed")}</dt>
                  <dd data-testid="completed-by">
                    {t("completedBy", { name: item.completedBy.name, at: format.dateTime(item.completedAt, { dateStyle: "medium", timeStyle: "short" }) })}
                  </dd>
                </>
              ) : null}
              {delegatedTo && item.delegatedAt ? (
                <>
                  <dt className="text-muted">{t("delegation")}</dt>
                  <dd data-testid="delegated-to">
                    {t("delegatedTo", {
                      to: delegatedTo,
                      by: item.delegatedBy?.name ?? "—",
                      at: format.dateTime(item.delegatedAt, { dateStyle: "medium", timeStyle: "short" }),
                    })}
                  </dd>
                </>
              ) : null}
              {item.note ? (
                <>
                  <dt className="text-muted">{t("note")}</dt>
                  <dd className="whitespace-pre-line">{item.note}</dd>
                </>
              ) : null}
            </dl>
          </Card>
          <EvidencePanel {...await getItemEvidence(actor, item.id)} />
          <ItemHistory entries={history} />
        </div>
        <div className="h-fit space-y-4">
          {queue && queueNext ? <ReviewNav next={queueNext} queueParams={reviewQueueParams(queue)} isWaiting={item.status === "SUBMITTED"} /> : null}
          <Card aria-labelledby="action-heading">
            <h2 id="action-heading" className="mb-3 text-base font-semibold">
              {t("actionHeading")}
            </h2>
            <ItemActions
              itemId={item.id}
              status={item.status}
              note={item.note ?? ""}
              reviewer={reviewer}
              canWrite={item.canWrite}
              canReview={item.canReview}
              canReopen={item.canReopen}
              requestedNotApplicable={item.requestedNotApplicable}
            />
          </Card>
          {targets && (delegatedTo || targets.orgs.length + targets.people.length > 0) ? (
            <Card aria-labelledby="delegation-heading">
              <h2 id="delegation-heading" className="mb-3 text-base font-semibold">
                {t("delegationHeading")}
              </h2>
              <DelegateItemForm itemId={item.id} delegatedTo={delegatedTo} targets={targets} />
            </Card>
          ) : null}
        </div>
      </div>
    </RecordProvider>
  );
}
