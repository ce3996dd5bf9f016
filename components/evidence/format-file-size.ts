import type { useFormatter } from "next-intl";

/** next-intl's formatter, from useFormatter on the client or getFormatter on the server. */
type Formatter = Pick<ReturnType<typeof useFormatter>, "number">;

/** "12 KB", "3.4 MB": sizes as people read them, in the page's locale. */
export function formatFileSize(format: Formatter, bytes: number): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), "megabyte"] : [Math.max(bytes / 1024, 0.1), "kilobyte"];
  return format.number(value, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 });
}
