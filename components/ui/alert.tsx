import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const tones = {
  info: "border-line bg-white text-ink",
  error: "border-red-200 bg-red-50 text-danger",
  warn: "border-amber-200 bg-amber-50 text-warn",
  ok: "border-green-200 bg-green-50 text-ok",
};

export function Alert({ className, tone = "info", ...props }: ComponentProps<"div"> & { tone?: keyof typeof tones }) {
  return <div role={tone === "error" ? "alert" : "status"} className={cn("rounded-md border px-4 py-3 text-sm", tones[tone], className)} {...props} />;
}
