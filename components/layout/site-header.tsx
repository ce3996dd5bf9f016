import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActingOrgSwitcher } from "@/components/layout/acting-org-switcher";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { NavLinks } from "@/components/layout/nav-links";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { isLocale } from "@/i18n/config";
import { BADGE_COUNT_UP_TO, badgeCount } from "@/lib/badge-count";
import { can } from "@/lib/server/access/permissions";
import { countAcceptanceQueue } from "@/lib/server/inspections/acceptance-queue";
import { countReviewQueue } from "@/lib/server/checklists/review-queue";
import { getActingOrg } from "@/lib/server/auth/acting-org";
import { getActor } from "@/lib/server/auth/actor";
import { countUnread } from "@/lib/server/notifications/list-notifications";
import { orgLabel } from "@/lib/org-label";

export async function SiteHeader() {
  const [signedIn, t, locale] = await Promise.all([getActor(), getTranslations(), getLocale()]);
  const lang = isLocale(locale) ? locale : "zh";
  // A user who must replace a reset password gets no navigation: every page sends them to do that first.
  const actor = signedIn && !signedIn.mustChangePassword ? signedIn : null;
  const [reviewing, accepting, unread] = actor
    ? await Promise.all([
        can(actor, "checklist.review") ? countReviewQueue(actor) : null,
        countAcceptanceQueue(actor, { upTo: BADGE_COUNT_UP_TO + 1 }),
        countUnread(actor, { upTo: BADGE_COUNT_UP_TO + 1 }),
      ])
    : [null, 0, 0];
  const links = actor
    ? [
        ...(can(actor, "rating.read") ? [{ href: "/cockpit", label: t("nav.cockpit") }] : []),
        { href: "/checklists", label: t("nav.duties") },
        ...(can(actor, "progress.read") ? [{ href: "/progress", label: t("nav.progress") }] : []),
        ...(reviewing !== null ? [{ href: "/reviews", label: t("nav.reviews"), count: reviewing, countLabel: t("nav.reviewCount", { count: reviewing }) }] : []),
        {
          href: "/inspections",
          label: t("nav.inspections"),
          count: accepting,
          countText: badgeCount(accepting),
          countLabel: t("nav.acceptanceCount", { count: badgeCount(accepting) }),
        },
        ...(can(actor, "catalog.read") ? [{ href: "/catalogs", label: t("nav.catalogs") }] : []),
        ...(can(actor, "term.read") ? [{ href: "/terms", label: t("nav.terms") }] : []),
        ...(can(actor, "rating.read") ? [{ href: "/ratings", label: t("nav.ratings") }] : []),
        ...(can(actor, "grading.read") ? [{ href: "/branches/grading", label: t("nav.branches"), match: "/branches" }] : []),
        ...(can(actor, "org.manage") || can(actor, "user.manage") ? [{ href: "/admin/orgs", label: t("nav.admin"), match: "/admin" }] : []),
      ]
    : [];
  const acting = actor ? await getActingOrg(actor) : null;
  const orgName = (org: { orgName: string; orgNameEn: string | null }) => orgLabel(org.orgName, org.orgNameEn, lang);
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-brand">
          <span aria-hidden className="inline-block h-6 w-6 rounded bg-brand text-center text-sm leading-6 text-white">
            责
          </span>
          {t("app.name")}
        </Link>
        {actor ? <NavLinks links={links} label={t("nav.label")} /> : null}
        <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
          {actor ? <NotificationBell count={unread} label={t("nav.notificationCount", { count: badgeCount(unread) })} /> : null}
          {signedIn ? (
            <span className="flex flex-wrap items-center gap-2">
              <Link href="/account" className="text-muted hover:text-brand hover:underline" data-testid="current-user" title={t("nav.account")}>
                {signedIn.name}
              </Link>
              {/* The organization acted in; with roles on several, a switch between them (lib/server/auth/acting-org.ts). */}
              {acting?.current && acting.choices.length > 1 ? (
                <ActingOrgSwitcher currentId={acting.current.orgId} choices={acting.choices.map((c) => ({ orgId: c.orgId, label: orgName(c) }))} />
              ) : acting?.current ? (
                <span className="text-muted" data-testid="acting-org">
                  <span aria-hidden>· </span>
                  {orgName(acting.current)}
                </span>
              ) : null}
            </span>
          ) : null}
          <LanguageSwitcher current={lang} isSignedIn={Boolean(signedIn)} />
          {signedIn ? <SignOutButton label={t("nav.signOut")} /> : null}
        </div>
      </div>
    </header>
  );
}
