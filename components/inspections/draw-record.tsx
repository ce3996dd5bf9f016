import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { verifyDraw, type DrawRecord } from "@/lib/server/inspections/draw";

type Props = {
  record: DrawRecord;
  /** Display names by organization id (already localized); an id without one shows as the id. */
  orgNames: Record<string, string>;
  drawnAt: Date;
  drawnBy: string | null;
};

/**
 * A random draw laid open for audit: the seed, the rule, who drew it and
 * when, the picks in draw order and the whole weighted pool, and whether the
 * picks are what the seed and pool give (recomputed on every render).
 */
export function DrawRecordView({ record, orgNames, drawnAt, drawnBy }: Props) {
  const t = useTranslations("inspectionDraw");
  const to = useTranslations("orgType");
  const format = useFormatter();
  const isVerified = verifyDraw(record);
  const nameOf = (id: string) => orgNames[id] ?? id;
  const pickOrder = new Map(record.picked.map((id, i) => [id, i + 1]));

  return (
    <section aria-labelledby="draw-record-title" className="space-y-4 rounded-lg border border-line bg-white p-4 sm:p-6" data-testid="draw-record">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="draw-record-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <Badge tone={isVerified ? "ok" : "danger"} data-testid="draw-verification" data-verified={isVerified ? "true" : "false"}>
          {isVerified ? t("verified") : t("mismatch")}
        </Badge>
      </div>
      {isVerified ? null : (
        <p role="alert" className="text-sm text-danger">
          {t("mismatchHint")}
        </p>
      )}

      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-muted">{t("seed")}</dt>
        <dd>
          <code className="rounded bg-surface px-1.5 py-0.5 font-mono break-all" data-testid="draw-seed">
            {record.seed}
          </code>
          <span className="block text-xs text-muted">{t("seedHint")}</span>
        </dd>
        <dt className="text-muted">{t("root")}</dt>
        <dd>{nameOf(record.rule.rootOrgId)}</dd>
        <dt className="text-muted">{t("types")}</dt>
        <dd>{record.rule.orgTypes.map((type) => to(type)).join(t("listSeparator"))}</dd>
        <dt className="text-muted">{t("size")}</dt>
        <dd>{t("sizeValue", { size: record.rule.size, pool: record.pool.length })}</dd>
        <dt className="text-muted">{t("weighting")}</dt>
        <dd>
          {t(`weightingName.${record.rule.weighting}`)}
          <span className="block text-xs text-muted">{t(`weightingHint.${record.rule.weighting}`)}</span>
        </dd>
        <dt className="text-muted">{t("drawnAt")}</dt>
        <dd>{format.dateTime(drawnAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
        <dt className="text-muted">{t("drawnBy")}</dt>
        <dd>{drawnBy ?? t("unknownUser")}</dd>
      </dl>

      <div>
        <h3 className="mb-2 font-medium">{t("picked", { count: record.picked.length })}</h3>
        {record.picked.length === 0 ? (
          <p className="text-sm text-muted">{t("nonePicked")}</p>
        ) : (
          <ol className="list-decimal space-y-1 pl-6 text-sm" data-testid="draw-picked">
            {record.picked.map((id) => (
              <li key={id}>{nameOf(id)}</li>
            ))}
          </ol>
        )}
      </div>

      <details className="rounded-md border border-line">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium">{t("pool", { count: record.pool.length })}</summary>
        <div className="relative overflow-x-auto border-t border-line">
          <table className="w-full min-w-[28rem] text-left text-sm">
            <caption className="sr-only">{t("poolCaption")}</caption>
            <thead className="bg-surface text-xs text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t("poolPosition")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("poolOrg")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t("poolWeight")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t("poolPick")}
                </th>
              </tr>
            </thead>
            <tbody>
              {record.pool.map((entry, i) => {
                const order = pickOrder.get(entry.orgId);
                return (
                  <tr key={entry.orgId} className={order ? "border-t border-line bg-brand-soft/40" : "border-t border-line"}>
                    <td className="px-3 py-1.5 text-right tabular-nums text-muted">{i + 1}</td>
                    <th scope="row" className="px-3 py-1.5 text-left font-normal">
                      {nameOf(entry.orgId)}
                    </th>
                    <td className="px-3 py-1.5 text-right tabular-nums">{entry.weight}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{order ? t("pickNumber", { n: order }) : "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="border-t border-line px-3 py-2 text-xs text-muted">{t("method")}</p>
      </details>
    </section>
  );
}
