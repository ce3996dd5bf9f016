import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { Pagination } from "@/components/checklists/pagination";
import { PageHeading } from "@/components/layout/page-heading";
import { OrgNodeLabel, OrgTree } from "@/components/orgs/org-tree";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { guardPage } from "@/lib/server/access/guard-page";
import { listOrgLevel, searchOrgs } from "@/lib/server/orgs/browse-orgs";
import { readSearchParams } from "@/lib/validation/search-params";
import { storableText } from "@/lib/validation/text";
import { ORG_SEARCH_MAX, ZOrgQuery } from "@/lib/validation/orgs";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminOrgs"))("title") };
}

/**
 * 组织机构: the administrator's subtree, opened a level at a time, or found
 * by name or code (closed organizations on request), a page at a time.
 */
export default async function OrgsPage({ searchParams }: Props) {
  const actor = await guardPage("page:/admin/orgs", undefined, "/admin/orgs");
  const search = await searchParams;
  const { values: query, errors } = readSearchParams(ZOrgQuery, search);
  const isSearch = Boolean(query.q || query.closed);
  const [t, tv] = await Promise.all([getTranslations("adminOrgs"), getTranslations("validation")]);
  const [roots, found] = await Promise.all([isSearch ? null : listOrgLevel(actor, null), isSearch ? searchOrgs(actor, query) : null]);
  const refused = errors.q ? storableText(search.q) : undefined;
  return (
    <>
      <AdminTabs current="orgs" />
      <PageHeading title={t("title")} subtitle={t("subtitle")} />
      <form method="get" action="/admin/orgs" role="search" aria-label={t("searchLabel")} className="mb-4 flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <Label htmlFor="org-q">{t("searchLabel")}</Label>
          <Input
            id="org-q"
            name="q"
            type="search"
            maxLength={ORG_SEARCH_MAX}
            defaultValue={query.q ?? refused ?? ""}
            placeholder={t("search")}
            aria-invalid={refused === undefined ? undefined : true}
            aria-describedby={refused === undefined ? undefined : "org-q-error"}
          />
          <FieldError id="org-q-error" message={refused === undefined ? undefined : tv("unsearchableText")} />
        </div>
        <label className="flex items-center gap-2 py-2 text-sm">
          <input type="checkbox" name="closed" value="1" defaultChecked={Boolean(query.closed)} className="size-4" />
          {t("withClosed")}
        </label>
        <Button type="submit" variant="secondary">
          {t("find")}
        </Button>
        {isSearch ? (
          <Link href="/admin/orgs" className="py-2 text-sm text-brand hover:underline">
            {t("clear")}
          </Link>
        ) : null}
      </form>
      {found ? (
        found.hits.length === 0 ? (
          <EmptyState title={t("noHits")} hint={t("noHitsHint")} />
        ) : (
          <>
            <p className="mb-2 text-sm text-muted" role="status">
              {t("hits", { count: found.total })}
            </p>
            <Card className="p-0">
              <ul className="divide-y divide-line">
                {found.hits.map((hit) => (
                  <li key={hit.id} className="px-4 py-3" data-testid="org-hit">
                    <OrgNodeLabel node={hit} />
                    <p className="mt-1 text-xs text-muted">{hit.trail.join(" / ") || t("top")}</p>
                  </li>
                ))}
              </ul>
            </Card>
            <Pagination page={found.page} pageCount={found.pageCount} total={found.total} basePath="/admin/orgs" params={{ q: query.q, closed: query.closed }} />
          </>
        )
      ) : roots && roots.nodes.length > 0 ? (
        <Card>
          <h2 className="sr-only">{t("treeHeading")}</h2>
          <OrgTree roots={roots} />
        </Card>
      ) : (
        <EmptyState title={t("empty")} hint={t("emptyHint")} />
      )}
    </>
  );
}
