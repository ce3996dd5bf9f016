import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export const fieldClass =
  "block w-full rounded-md border border-line bg-white px-3 py-2 text-sm text-ink placeholder:text-muted focus-visible:border-brand aria-invalid:border-danger disabled:opacity-60";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(fieldClass, "h-10", className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(fieldClass, "min-h-24", className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(fieldClass, "h-10 pr-8", className)} {...props} />;
}
