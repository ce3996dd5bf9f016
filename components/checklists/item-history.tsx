import { useFormatter, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { HistoryEntry } from "@/lib/server/audit/list-entity-history";

function noteOf(state: unknown): string | null {
  return state && typeof state === "object" && "note" in state && typeof state.note === "string" ? state.note : null;
}

export function ItemHistory({ entries }: { entries: HistoryEntry[] }) {
  const t = useTranslations("history");
  const format = useFormatter();
  return (
    <Card aria-labelledby="history-heading">
      <h2 id="history-heading" className="mb-3 text-base font-semibold">
        {t("heading")}
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-muted">{t("empty")}</p>
      ) : (
        <ol className="space-y-3" data-testid="item-history">
          {entries.map((e) => {
            const note = noteOf(e.after);
            return (
              <li key={e.id} className="border-l-2 border-brand/40 pl-3 text-sm">
                <p>
                  <span className="font-medium">{e.actorName ?? t("system")}</span> {t.has(`action.${e.action}`) ? t(`action.${e.action}`) : e.action}
                </p>
                <p className="text-xs text-muted">{format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}</p>
                {note && e.action === "checklist.complete" ? <p className="mt-1 text-muted">“{note}”</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
