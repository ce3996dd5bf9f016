import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { TalkRow } from "@/lib/server/ratings/talks";

/** Where a talk stands after it was held: followed up (on its day), due for the follow-up, or its commitments still being rectified. */
export async function TalkStatus({ row }: { row: Pick<TalkRow, "followUpOn" | "dueForFollowUp"> }) {
  const [t, format] = await Promise.all([getTranslations("ratings.talk"), getFormatter()]);
  if (row.followUpOn) return <Badge tone="ok">{t("followedUp", { date: format.dateTime(row.followUpOn, { dateStyle: "medium", timeZone: "UTC" }) })}</Badge>;
  return row.dueForFollowUp ? <Badge tone="warn">{t("dueForFollowUp")}</Badge> : <Badge tone="neutral">{t("tracking")}</Badge>;
}
