import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { PageHeading } from "@/components/layout/page-heading";
import { NewUserForm } from "@/components/users/user-forms";
import { Card } from "@/components/ui/card";
import { guardPage } from "@/lib/server/access/guard-page";
import { listGrantableOrgs } from "@/lib/server/users/grantable-orgs";
import { readSearchParams } from "@/lib/validation/search-params";
import { ZIdParam } from "@/lib/validation/text";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `org` picks the organization of the first role (a link from an organization's page). */
const ZNewUserParams = z.object({ org: ZIdParam });

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users.new"))("title") };
}

/** A new account with its first role in the administrator's subtree; its one-time password is shown once. */
export default async function NewUserPage({ searchParams }: Props) {
  const actor = await guardPage("page:/admin/users/new", undefined, "/admin/users/new");
  const { values } = readSearchParams(ZNewUserParams, await searchParams);
  const [orgs, t] = await Promise.all([listGrantableOrgs(actor), getTranslations("users")]);
  const defaultOrgId = orgs.orgs.find((o) => o.id === values.org)?.id ?? (orgs.orgs.length === 1 ? orgs.orgs[0]?.id : undefined);
  return (
    <>
      <AdminTabs current="users" />
      <PageHeading title={t("new.title")} subtitle={t("new.subtitle")}>
        <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-muted">
          <Link href="/admin/users" className="hover:text-brand hover:underline">
            {t("title")}
          </Link>
        </nav>
      </PageHeading>
      <Card className="max-w-2xl">
        <NewUserForm orgs={orgs} defaultOrgId={defaultOrgId} />
      </Card>
    </>
  );
}
