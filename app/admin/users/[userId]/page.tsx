import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { RecordProvider } from "@/components/forms/record";
import { PageHeading } from "@/components/layout/page-heading";
import { AccountStatusButton, EditUserForm, GrantRoleForm, ResetPasswordButton, RevokeRoleButton } from "@/components/users/user-forms";
import { AccountBadge, GrantLabel } from "@/components/users/user-table";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { listGrantableOrgs } from "@/lib/server/users/grantable-orgs";
import { getUserDetail } from "@/lib/server/users/list-users";
import { localized } from "@/lib/org-label";

type Props = { params: Promise<{ userId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

/**
 * One account, for an administrator who sees it: its name and email, its
 * roles in their subtree (grant, revoke), its password (reset) and its state
 * (deactivate, reactivate). An account with roles outside their subtree is
 * shown read-only; one they do not see at all is not found.
 */
export default async function UserPage({ params }: Props) {
  const { userId } = await params;
  const actor = await guardPage("page:/admin/users/[userId]", undefined, `/admin/users/${encodeURIComponent(userId)}`);
  const user = await notFoundUnless(getUserDetail(actor, userId));
  const [orgs, t, tr, format, locale] = await Promise.all([
    user.isManageable ? listGrantableOrgs(actor) : null,
    getTranslations("users"),
    getTranslations("role"),
    getFormatter(),
    getLocale(),
  ]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const canAct = user.isManageable && !user.isSelf;
  return (
    <>
      <AdminTabs current="users" />
      <PageHeading title={user.name} subtitle={t("detail.subtitle", { username: user.username, date: day(user.createdAt) })}>
        <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-muted">
          <Link href="/admin/users" className="hover:text-brand hover:underline">
            {t("title")}
          </Link>
        </nav>
      </PageHeading>
      {!user.isManageable ? (
        <Alert tone="warn" className="mb-4">
          {user.outsideGrants > 0 ? t("detail.outsideRoles", { count: user.outsideGrants }) : t("detail.readOnly")}
        </Alert>
      ) : null}
      {user.isSelf ? (
        <Alert className="mb-4" data-testid="self-note">
          {t("detail.selfNote")}
        </Alert>
      ) : null}
      <RecordProvider version={user.version}>
        <div className="grid max-w-4xl items-start gap-4 lg:grid-cols-2">
          <Card aria-labelledby="account-title">
            <h2 id="account-title" className="mb-3 text-lg font-semibold">
              {t("detail.account")}
            </h2>
            {user.isManageable ? (
              <EditUserForm userId={user.id} name={user.name} email={user.email} />
            ) : (
              <dl className="space-y-2 text-sm">
                <dt className="text-muted">{t("field.name")}</dt>
                <dd>{user.name}</dd>
                <dt className="text-muted">{t("field.email")}</dt>
                <dd>{user.email ?? "—"}</dd>
              </dl>
            )}
          </Card>
          <Card aria-labelledby="status-title" className="space-y-3">
            <h2 id="status-title" className="text-lg font-semibold">
              {t("detail.status")}
            </h2>
            <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="account-status">
              <AccountBadge isActive={user.isActive} mustChangePassword={user.mustChangePassword} />
              {user.isActive ? t("detail.isActive") : t("detail.isInactive")}
            </p>
            {canAct ? <AccountStatusButton userId={user.id} name={user.name} isActive={user.isActive} /> : null}
            <h2 className="pt-2 text-lg font-semibold">{t("detail.password")}</h2>
            <p className="text-sm text-muted">
              {user.mustChangePassword
                ? t("detail.mustChange")
                : user.passwordChangedAt
                  ? t("detail.passwordChangedAt", { date: day(user.passwordChangedAt) })
                  : t("detail.neverChanged")}
            </p>
            {canAct ? (
              <>
                <p className="text-sm text-muted">{t("detail.passwordHint")}</p>
                <ResetPasswordButton userId={user.id} name={user.name} username={user.username} />
              </>
            ) : null}
          </Card>
          <Card aria-labelledby="roles-title" className="space-y-3 lg:col-span-2">
            <h2 id="roles-title" className="text-lg font-semibold">
              {t("detail.roles")}
            </h2>
            <p className="text-sm text-muted">{t("detail.rolesHint")}</p>
            {user.grants.length === 0 ? (
              <p className="text-sm">{t("detail.noRoles")}</p>
            ) : (
              <ul className="divide-y divide-line rounded-md border border-line">
                {user.grants.map((grant) => (
                  <li key={grant.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm" data-testid="grant-row">
                    <GrantLabel grant={grant} />
                    {user.isManageable ? (
                      <RevokeRoleButton
                        userId={user.id}
                        grantId={grant.id}
                        roleLabel={tr(grant.role)}
                        orgLabel={localized(grant.org.name, grant.org.nameEn, locale)}
                        isLast={user.grants.length + user.outsideGrants === 1}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {orgs ? <GrantRoleForm userId={user.id} orgs={orgs} /> : null}
          </Card>
        </div>
      </RecordProvider>
    </>
  );
}
