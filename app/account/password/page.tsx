import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/account-forms";
import { PageHeading } from "@/components/layout/page-heading";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { CHANGE_PASSWORD_PATH } from "@/lib/server/access/password-change";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { guardPage } from "@/lib/server/access/guard-page";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("passwordTitle") };
}

/**
 * Changing one's own password; after an administrator's reset, the one page
 * a user gets (every other sends them here) until they have set their own,
 * after which they go on to `next` (the page they asked for).
 */
export default async function ChangePasswordPage({ searchParams }: Props) {
  const actor = await guardPage("page:/account/password", undefined, CHANGE_PASSWORD_PATH);
  const requested = (await searchParams).next;
  const next = safeRedirectPath(Array.isArray(requested) ? requested[0] : requested);
  const t = await getTranslations("account");
  const isForced = actor.mustChangePassword;
  return (
    <>
      <PageHeading title={isForced ? t("forcedTitle") : t("passwordTitle")} subtitle={isForced ? undefined : t("passwordSubtitle")}>
        {isForced ? null : (
          <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-muted">
            <Link href="/account" className="hover:text-brand hover:underline">
              {t("back")}
            </Link>
          </nav>
        )}
      </PageHeading>
      {isForced ? (
        <Alert tone="warn" className="mb-4 max-w-xl" data-testid="forced-change">
          {t("forcedHint")}
        </Alert>
      ) : null}
      <Card className="max-w-xl">
        <ChangePasswordForm isForced={isForced} next={next} />
      </Card>
    </>
  );
}
