import { cn } from "@/lib/utils";

/**
 * Lines to sign on at the foot of a printed page: each label with a blank
 * line after it (填报人 ____  审核人 ____ …). The labels come from the
 * caller, so that a ledger and a report can ask for different signatures.
 */
export function SignatureLines({ labels, caption, className }: { labels: string[]; caption?: string; className?: string }) {
  return (
    <section aria-label={caption} className={cn("signature-lines mt-8 grid grid-cols-1 gap-x-8 gap-y-6 text-sm sm:grid-cols-3 print:grid-cols-3", className)}>
      {labels.map((label) => (
        <div key={label} className="flex items-end gap-2">
          <span className="shrink-0 whitespace-nowrap">{label}</span>
          <span aria-hidden className="block h-6 min-w-24 flex-1 border-b border-ink" />
        </div>
      ))}
    </section>
  );
}
