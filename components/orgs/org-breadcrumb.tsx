import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { localized } from "@/lib/org-label";

/** The administration pages above an organization: the tree, then each organization above it that the administrator manages. */
export function OrgBreadcrumb({ ancestors, self }: { ancestors: { id: string; name: string; nameEn: string | null }[]; self?: { id: string; name: string; nameEn: string | null } }) {
  const t = useTranslations("adminOrgs");
  const locale = useLocale();
  const trail = self ? [...ancestors, self] : ancestors;
  return (
    <nav aria-label={t("breadcrumb")} className="mb-2 flex flex-wrap gap-x-1 text-sm text-muted">
      <Link href="/admin/orgs" className="hover:text-brand hover:underline">
        {t("title")}
      </Link>
      {trail.map((a) => (
        <span key={a.id}>
          <span aria-hidden> / </span>
          <Link href={`/admin/orgs/${a.id}`} className="hover:text-brand hover:underline">
            {localized(a.name, a.nameEn, locale)}
          </Link>
        </span>
      ))}
    </nav>
  );
}
