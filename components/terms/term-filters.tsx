import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, buttonVariants } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { OrgFilter } from "@/components/ui/org-filter";
import { TERM_LEDGER_PATHS, type TermLedger } from "@/lib/term-ledgers";
import { TERM_STATES } from "@/lib/term-kinds";

type Props = {
  ledger: TermLedger;
  orgOptions: { id: string; label: string; depth: number }[];
  /** Set when the scope holds more organizations than the filter lists: the words that found them, if any. */
  orgSearch?: string;
  values: { org?: string; state?: string; from?: string; to?: string };
  isFiltered: boolean;
};

/**
 * A ledger's filters as a plain GET form (it works without JavaScript and
 * the address keeps them): an organization's subtree, and the state of a
 * term or the range of days of a talk or head change.
 */
export function TermFilters({ ledger, orgOptions, orgSearch, values, isFiltered }: Props) {
  const t = useTranslations("terms.filters");
  const ts = useTranslations("terms.state");
  const id = (name: string) => `${ledger}-filter-${name}`;
  return (
    <form method="get" action={TERM_LEDGER_PATHS[ledger]} role="search" aria-label={t("label")} data-print="hide" className="space-y-3 print:hidden">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <OrgFilter id={id("org")} label={t("org")} allLabel={t("allOrgs")} defaultValue={values.org} options={orgOptions} search={orgSearch} />
        {ledger === "terms" ? (
          <FilterSelect
            id={id("state")}
            name="state"
            label={t("state")}
            defaultValue={values.state}
            allLabel={t("allStates")}
            options={TERM_STATES.map((s) => ({ value: s, label: ts(s) }))}
          />
        ) : (
          <>
            <div>
              <Label htmlFor={id("from")}>{t("from")}</Label>
              <Input id={id("from")} name="from" type="date" defaultValue={values.from ?? ""} />
            </div>
            <div>
              <Label htmlFor={id("to")}>{t("to")}</Label>
              <Input id={id("to")} name="to" type="date" defaultValue={values.to ?? ""} />
            </div>
          </>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="secondary">
          {t("apply")}
        </Button>
        {isFiltered ? (
          <Link href={TERM_LEDGER_PATHS[ledger]} className={buttonVariants({ variant: "ghost", size: "md" })}>
            {t("clear")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
