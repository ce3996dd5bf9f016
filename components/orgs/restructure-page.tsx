import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { PageHeading } from "@/components/layout/page-heading";
import { OrgBreadcrumb } from "@/components/orgs/org-breadcrumb";
import { RestructureForm } from "@/components/orgs/org-forms";
import { Card } from "@/components/ui/card";
import { notFoundUnless } from "@/lib/server/access/guard-page";
import type { Actor } from "@/lib/server/auth/actor";
import { getAdminOrg, listTargets } from "@/lib/server/orgs/browse-orgs";
import type { RestructureKind } from "@/lib/server/orgs/restructure";
import { localized } from "@/lib/org-label";

/**
 * The page of a move, merge or close, for an organization the actor may
 * restructure (open, and below the top of their own subtree): what the step
 * does, the target to pick, and the plan before it is applied.
 */
export async function RestructurePage({ actor, orgId, kind }: { actor: Actor; orgId: string; kind: RestructureKind }) {
  const org = await notFoundUnless(getAdminOrg(actor, orgId));
  if (org.closedAt || org.isScopeRoot) notFound();
  const [targets, t, locale] = await Promise.all([kind === "close" ? null : listTargets(actor, org.id, kind), getTranslations("adminOrgs"), getLocale()]);
  const name = localized(org.name, org.nameEn, locale);
  return (
    <>
      <AdminTabs current="orgs" />
      <PageHeading title={t(`restructure.heading.${kind}`, { name })} subtitle={t(`restructure.explain.${kind}`)}>
        <OrgBreadcrumb ancestors={org.ancestors} self={org} />
      </PageHeading>
      <Card className="max-w-3xl">
        {targets && targets.orgs.length === 0 ? <p className="mb-3 text-sm text-muted">{t(`restructure.noTargets.${kind}`)}</p> : null}
        <RestructureForm kind={kind} orgId={org.id} orgName={name} targets={targets} />
      </Card>
    </>
  );
}
