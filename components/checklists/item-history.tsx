import { useFormatter, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import type { HistoryEntry } from "@/lib/server/audit/list-entity-history";

type State = { status?: ItemStatus; note?: string | null; reviewComment?: string | null; naReason?: string | null };

function stateOf(value: unknown): State {
  return value && typeof value === "object" ? (value as State) : {};
}

/** The words a step leaves: the reviewer's comment, the reason for not applicable, or the note. */
function wordsOf(action: string, before: State, after: State): string | null {
  switch (action) {
    case "checklist.approve":
    case "checklist.return":
      return after.reviewComment ?? null;
    case "checklist.requestNotApplicable":
      return after.naReason ?? null;
    case "checklist.submit":
    case "checklist.save":
    case "checklist.complete":
      return after.note && after.note !== before.note ? after.note : action === "checklist.save" ? null : (after.note ?? null);
    default:
      return null;
  }
}

export function ItemHistory({ entries }: { entries: HistoryEntry[] }) {
  const t = useTranslations("history");
  const ts = useTranslations("status");
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
            const before = stateOf(e.before);
            const after = stateOf(e.after);
            const words = wordsOf(e.action, before, after);
            const moved = before.status && after.status && before.status !== after.status ? { from: ts(before.status), to: ts(after.status) } : null;
            return (
              <li key={e.id} className="border-l-2 border-brand/40 pl-3 text-sm">
                <p>
                  <span className="font-medium">{e.actorName ?? t("system")}</span> {t.has(`action.${e.action}`) ? t(`action.${e.action}`) : e.action}
                </p>
                <p className="text-xs text-muted">
                  {format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  {moved ? <span data-testid="history-move"> · {t("moved", moved)}</span> : null}
                </p>
                {words ? <p className="mt-1 whitespace-pre-line text-muted">“{words}”</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
