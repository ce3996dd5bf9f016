import { Progress } from "radix-ui";
import { cn } from "@/lib/utils";

/** A labelled progress bar; `label` names it for assistive technology. */
export function ProgressBar({ value, label, className }: { value: number; label: string; className?: string }) {
  const percent = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <Progress.Root
      value={percent}
      aria-label={label}
      aria-valuetext={`${percent}%`}
      className={cn("relative h-2.5 w-full overflow-hidden rounded-full bg-line", className)}
    >
      <Progress.Indicator className="h-full bg-brand transition-[width]" style={{ width: `${percent}%` }} />
    </Progress.Root>
  );
}
