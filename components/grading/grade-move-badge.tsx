import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { GradeMove } from "@/lib/grading/scheme";

const TONE = { UP: "ok", SAME: "neutral", DOWN: "danger", NEW: "brand" } as const;
const ARROW = { UP: "↑", SAME: "→", DOWN: "↓", NEW: "" } as const;

/** How a branch's confirmed grade moved from the year before: up (晋位升级), the same, down, or its first grade. */
export async function GradeMoveBadge({ move }: { move: GradeMove }) {
  const t = await getTranslations("grading.move");
  return (
    <Badge tone={TONE[move]}>
      {ARROW[move] ? <span aria-hidden>{ARROW[move]} </span> : null}
      {t(move)}
    </Badge>
  );
}
