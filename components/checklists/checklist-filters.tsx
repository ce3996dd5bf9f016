import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { OrgOptions } from "@/components/ui/org-options";
import { DUTY_KINDS, ITEM_STATUS_FILTERS, type TChecklistFilters } from "@/lib/validation/checklists";

/** A plain GET form: works without JavaScript, and the URL keeps the filters. */
export function ChecklistFilters({
  basePath,
  filters,
  orgOptions,
}: {
  basePath: string;
  filters: TChecklistFilters;
  orgOptions: { id: string; label: string; depth: number }[];
}) {
  const t = useTranslations("filters");
  const ts = useTranslations("status");
  const tk = useTranslations("kind");
  return (
    <form method="get" action={basePath} className="no-print grid gap-3 sm:grid-cols-[1fr_1fr_2fr_auto] sm:items-end">
      <div>
        <Label htmlFor="filter-status">{t("status")}</Label>
        <Select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">{t("all")}</option>
          {ITEM_STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {ts(s)}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="filter-kind">{t("kind")}</Label>
        <Select id="filter-kind" name="kind" defaultValue={filters.kind ?? ""}>
          <option value="">{t("all")}</option>
          {DUTY_KINDS.map((k) => (
            <option key={k} value={k}>
              {tk(k)}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="filter-org">{t("org")}</Label>
        <Select id="filter-org" name="org" defaultValue={filters.org ?? ""}>
          <option value="">{t("allOrgs")}</option>
          <OrgOptions orgs={orgOptions} />
        </Select>
      </div>
      <Button type="submit" variant="secondary">
        {t("apply")}
      </Button>
    </form>
  );
}
