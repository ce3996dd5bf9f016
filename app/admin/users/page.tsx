import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { Pagination } from "@/components/checklists/pagination";
import { PageHeading } from "@/components/layout/page-heading";
import { UserTable } from "@/components/users/user-table";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { guardPage } from "@/lib/server/access/guard-page";
import { listUsers } from "@/lib/server/users/list-users";
import { readSearchParams } from "@/lib/validation/search-params";
import { storableText } from "@/lib/validation/text";
import { USER_SEARCH_MAX, USER_STATUS_FILTERS, ZUserQuery } from "@/lib/validation/users";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

/** 人员与账号: the people holding roles in the administrator's subtree, found by name or username, a page at a time. */
export default async function UsersPage({ searchParams }: Props) {
  const actor = await guardPage("page:/admin/users", undefined, "/admin/users");
  const search = await searchParams;
  const { values: query, errors } = readSearchParams(ZUserQuery, search);
  const [users, t, tv] = await Promise.all([listUsers(actor, query), getTranslations("users"), getTranslations("validation")]);
  const isFiltered = Boolean(query.q || query.status);
  const refused = errors.q ? storableText(search.q) : undefined;
  return (
    <>
      <AdminTabs current="users" />
      <PageHeading
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <Link href="/admin/users/new" className={buttonVariants({})}>
            {t("newUser")}
          </Link>
        }
      />
      <form method="get" action="/admin/users" role="search" aria-label={t("searchLabel")} className="mb-4 flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <Label htmlFor="user-q">{t("searchLabel")}</Label>
          <Input
            id="user-q"
            name="q"
            type="search"
            maxLength={USER_SEARCH_MAX}
            defaultValue={query.q ?? refused ?? ""}
            placeholder={t("search")}
            aria-invalid={refused === undefined ? undefined : true}
            aria-describedby={refused === undefined ? undefined : "user-q-error"}
          />
          <FieldError id="user-q-error" message={refused === undefined ? undefined : tv("unsearchableText")} />
        </div>
        <div className="w-40">
          <FilterSelect
            id="user-status"
            name="status"
            label={t("status")}
            defaultValue={query.status}
            allLabel={t("statusAll")}
            options={USER_STATUS_FILTERS.map((s) => ({ value: s, label: t(`statusFilter.${s}`) }))}
          />
        </div>
        <Button type="submit" variant="secondary">
          {t("filter")}
        </Button>
        {isFiltered ? (
          <Link href="/admin/users" className="py-2 text-sm text-brand hover:underline">
            {t("clear")}
          </Link>
        ) : null}
      </form>
      {users.rows.length === 0 ? (
        <EmptyState title={isFiltered ? t("empty") : t("emptyAll")} hint={isFiltered ? t("emptyHint") : t("emptyAllHint")} />
      ) : (
        <UserTable rows={users.rows} total={users.total} />
      )}
      {users.total > 0 ? (
        <Pagination page={users.page} pageCount={users.pageCount} total={users.total} basePath="/admin/users" params={{ q: query.q, status: query.status }} />
      ) : null}
    </>
  );
}
