import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { localized } from "@/lib/org-label";
import type { UserGrant, UserRow } from "@/lib/server/users/list-users";

/** An account's state in one badge: deactivated, waiting for its own password, or active. */
export function AccountBadge({ isActive, mustChangePassword }: { isActive: boolean; mustChangePassword: boolean }) {
  const t = useTranslations("users");
  if (!isActive) return <Badge tone="neutral">{t("inactive")}</Badge>;
  return mustChangePassword ? <Badge tone="warn">{t("mustChange")}</Badge> : <Badge tone="ok">{t("active")}</Badge>;
}

/** A role on an organization: "书记 · 省财政厅办公室党支部". */
export function GrantLabel({ grant }: { grant: UserGrant }) {
  const tr = useTranslations("role");
  const locale = useLocale();
  return (
    <span>
      <span className="font-medium">{tr(grant.role)}</span>
      <span className="text-muted"> · </span>
      {localized(grant.org.name, grant.org.nameEn, locale)}
    </span>
  );
}

/** The people list: name (with username and state under it on a phone), roles and organizations; username and state in their own columns from sm up. */
export function UserTable({ rows, total }: { rows: UserRow[]; total: number }) {
  const t = useTranslations("users");
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("caption", { count: total })}</caption>
        <thead className="bg-surface text-xs text-muted">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">{t("col.name")}</th>
            <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">{t("col.username")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("col.roles")}</th>
            <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">{t("col.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-line align-top" data-testid="user-row" data-username={row.username}>
              <td className="px-4 py-3">
                <Link href={`/admin/users/${row.id}`} className="font-medium text-ink hover:text-brand hover:underline">
                  {row.name}
                </Link>
                {/* On a phone, the username and the state sit under the name. */}
                <span className="mt-1 flex flex-wrap items-center gap-1 text-xs text-muted sm:hidden">
                  <span className="font-mono">{row.username}</span>
                  <AccountBadge isActive={row.isActive} mustChangePassword={row.mustChangePassword} />
                </span>
              </td>
              <td className="hidden px-4 py-3 font-mono text-xs sm:table-cell">{row.username}</td>
              <td className="px-4 py-3">
                {row.grants.length === 0 && row.outsideGrants === 0 ? <span className="text-muted">{t("noRoles")}</span> : null}
                <ul className="space-y-0.5">
                  {row.grants.map((grant) => (
                    <li key={grant.id}>
                      <GrantLabel grant={grant} />
                    </li>
                  ))}
                </ul>
                {row.outsideGrants > 0 ? (
                  <p className="mt-1 text-xs text-muted">
                    {t("outside", { count: row.outsideGrants })} · {t("readOnly")}
                  </p>
                ) : null}
              </td>
              <td className="hidden px-4 py-3 sm:table-cell">
                <AccountBadge isActive={row.isActive} mustChangePassword={row.mustChangePassword} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
