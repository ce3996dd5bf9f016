import { gradeName, type GradingConfig } from "@/lib/grading/scheme";
import { cn } from "@/lib/utils";

/** A scheme's grades, best first, each with its criteria. */
export function GradeCriteria({ config, locale, className }: { config: GradingConfig; locale: string; className?: string }) {
  return (
    <dl className={cn("space-y-2 text-sm", className)}>
      {config.grades.map((g, i) => (
        <div key={i}>
          <dt className="font-medium">{gradeName(config, i + 1, locale)}</dt>
          <dd className="text-muted">{g.criteria}</dd>
        </div>
      ))}
    </dl>
  );
}
