import { cn } from "@/lib/utils";

/**
 * The heading of a printed document: a centred title, the unit above it and
 * a line of details (round, dates, print date) under it. A div, not a
 * <header>: the print styles hide the site's header elements.
 */
export function PrintHeader({ unit, title, details = [], className }: { unit?: string; title: string; details?: string[]; className?: string }) {
  return (
    <div className={cn("print-header mb-4 text-center", className)}>
      {unit ? <p className="text-base font-medium">{unit}</p> : null}
      <h2 className="text-xl font-semibold tracking-wide">{title}</h2>
      {details.length > 0 ? (
        <p className="mt-1 flex flex-wrap justify-center gap-x-4 text-sm text-muted print:text-ink">
          {details.map((d) => (
            <span key={d}>{d}</span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
