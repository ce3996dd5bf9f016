import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ProfileForm } from "@/components/account/account-forms";
import { RecordProvider } from "@/components/forms/record";
import { PageHeading } from "@/components/layout/page-heading";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { guardPage } from "@/lib/server/access/guard-page";
import { getOwnAccount } from "@/lib/server/account/account";
import { localized } from "@/lib/org-label";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

/** 个人设置: one's name, email address and language; one's roles; links to the notification settings and the password. */
export default async function AccountPage() {
  const actor = await guardPage("page:/account", undefined, "/account");
  const [account, t, tr, format, locale] = await Promise.all([getOwnAccount(actor), getTranslations("account"), getTranslations("role"), getFormatter(), getLocale()]);
  return (
    <>
      <PageHeading title={t("title")} subtitle={t("subtitle", { username: account.username })} />
      <div className="grid max-w-4xl items-start gap-4 lg:grid-cols-2">
        <Card aria-labelledby="profile-title">
          <h2 id="profile-title" className="mb-3 text-lg font-semibold">
            {t("profile")}
          </h2>
          <RecordProvider version={account.version}>
            <ProfileForm name={account.name} email={account.email} locale={account.locale} />
          </RecordProvider>
        </Card>
        <div className="space-y-4">
          <Card aria-labelledby="password-title" className="space-y-3">
            <h2 id="password-title" className="text-lg font-semibold">
              {t("password")}
            </h2>
            <p className="text-sm text-muted">
              {account.passwordChangedAt ? t("passwordChangedAt", { date: format.dateTime(account.passwordChangedAt, { dateStyle: "medium" }) }) : t("neverChanged")}
            </p>
            <Link href="/account/password" className={buttonVariants({ variant: "secondary" })}>
              {t("changePassword")}
            </Link>
          </Card>
          <Card aria-labelledby="notifications-title" className="space-y-3">
            <h2 id="notifications-title" className="text-lg font-semibold">
              {t("notifications")}
            </h2>
            <p className="text-sm text-muted">{t("notificationsHint")}</p>
            <Link href="/notifications#preferences" className={buttonVariants({ variant: "secondary" })}>
              {t("openNotifications")}
            </Link>
          </Card>
          <Card aria-labelledby="roles-title" className="space-y-3">
            <h2 id="roles-title" className="text-lg font-semibold">
              {t("roles")}
            </h2>
            {actor.grants.length === 0 ? (
              <p className="text-sm" data-testid="no-roles">
                {t("noRoles")}
              </p>
            ) : (
              <ul className="space-y-1 text-sm">
                {actor.grants.map((g) => (
                  <li key={`${g.orgId}-${g.role}`}>
                    <span className="font-medium">{tr(g.role)}</span>
                    <span className="text-muted"> · </span>
                    {localized(g.orgName, g.orgNameEn, locale)}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
