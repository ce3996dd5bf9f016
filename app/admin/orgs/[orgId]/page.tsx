import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { RecordProvider } from "@/components/forms/record";
import { PageHeading } from "@/components/layout/page-heading";
import { OrgBreadcrumb } from "@/components/orgs/org-breadcrumb";
import { EditOrgForm } from "@/components/orgs/org-forms";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { getAdminOrg } from "@/lib/server/orgs/browse-orgs";
import { localized } from "@/lib/org-label";

type Props = { params: Promise<{ orgId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminOrgs"))("title") };
}

/**
 * One organization of the administrator's subtree: its name, code and type
 * (edited at the version shown), what hangs on it, and the ways to restructure
 * it. A closed one stays readable, with what it was merged into.
 */
export default async function AdminOrgPage({ params }: Props) {
  const { orgId } = await params;
  const actor = await guardPage("page:/admin/orgs/[orgId]", { orgId }, `/admin/orgs/${encodeURIComponent(orgId)}`);
  const org = await notFoundUnless(getAdminOrg(actor, orgId));
  const [t, to, format, locale] = await Promise.all([getTranslations("adminOrgs"), getTranslations("orgType"), getFormatter(), getLocale()]);
  const name = localized(org.name, org.nameEn, locale);
  const isOpen = org.closedAt === null;
  const canRestructure = isOpen && !org.isScopeRoot;
  const facts: [string, number][] = [
    ["openChildren", org.openChildren],
    ["people", org.people],
    ["liveItems", org.liveItems],
    ["openFindings", org.openFindings],
  ];
  return (
    <>
      <AdminTabs current="orgs" />
      <PageHeading title={name} subtitle={t("detail.subtitle", { code: org.code, type: to(org.type) })}>
        <OrgBreadcrumb ancestors={org.ancestors} />
      </PageHeading>
      {!isOpen ? (
        <Alert tone="warn" className="mb-4" data-testid="org-closed">
          {org.mergedInto ? (
            <>
              {t("detail.mergedInto", { date: format.dateTime(org.closedAt!, { dateStyle: "medium" }) })}{" "}
              <Link href={`/admin/orgs/${org.mergedInto.id}`} className="font-medium underline">
                {localized(org.mergedInto.name, org.mergedInto.nameEn, locale)}
              </Link>
            </>
          ) : (
            t("detail.closedOn", { date: format.dateTime(org.closedAt!, { dateStyle: "medium" }) })
          )}
        </Alert>
      ) : null}
      <div className="grid max-w-5xl items-start gap-4 lg:grid-cols-[3fr_2fr]">
        <Card aria-labelledby="org-edit-title">
          <h2 id="org-edit-title" className="mb-3 text-lg font-semibold">
            {t("detail.basics")}
          </h2>
          {isOpen ? (
            <RecordProvider version={org.version}>
              <EditOrgForm org={org} types={org.typeChoices} />
            </RecordProvider>
          ) : (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-muted">{t("field.code")}</dt>
              <dd className="font-mono">{org.code}</dd>
              <dt className="text-muted">{t("field.type")}</dt>
              <dd>{to(org.type)}</dd>
              <dt className="text-muted">{t("field.nameEn")}</dt>
              <dd>{org.nameEn ?? "—"}</dd>
            </dl>
          )}
        </Card>
        <div className="space-y-4">
          <Card aria-labelledby="org-facts-title">
            <h2 id="org-facts-title" className="mb-3 text-lg font-semibold">
              {t("detail.facts")}
            </h2>
            <dl className="space-y-2 text-sm">
              {facts.map(([key, value]) => (
                <div key={key} className="flex justify-between gap-3">
                  <dt className="text-muted">{t(`detail.${key}`)}</dt>
                  <dd className="font-medium tabular-nums">{value}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              <Link href={`/orgs/${org.id}`} className="text-brand hover:underline">
                {t("detail.openDuties")}
              </Link>
            </p>
          </Card>
          {isOpen ? (
            <Card aria-labelledby="org-actions-title" className="space-y-3">
              <h2 id="org-actions-title" className="text-lg font-semibold">
                {t("detail.actions")}
              </h2>
              <div className="flex flex-wrap gap-2">
                {org.childTypes.length > 0 ? (
                  <Link href={`/admin/orgs/${org.id}/new`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
                    {t("detail.addChild")}
                  </Link>
                ) : null}
                <Link href={`/admin/users/new?org=${org.id}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
                  {t("detail.addPerson")}
                </Link>
              </div>
              {canRestructure ? (
                <>
                  <h3 className="pt-1 text-sm font-semibold">{t("detail.restructure")}</h3>
                  <div className="flex flex-wrap gap-2">
                    {(["move", "merge", "close"] as const).map((kind) => (
                      <Link key={kind} href={`/admin/orgs/${org.id}/${kind}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
                        {t(`restructure.title.${kind}`)}
                      </Link>
                    ))}
                  </div>
                  <p className="text-xs text-muted">{t("detail.restructureHint")}</p>
                </>
              ) : (
                <p className="text-xs text-muted">
                  <Badge>{t("detail.scopeRoot")}</Badge> {t("detail.scopeRootHint")}
                </p>
              )}
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
