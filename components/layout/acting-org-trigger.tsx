// The look of the header's acting-organization button, shared by the menu and its stand-in while the menu loads.

export type ActingChoiceLabel = { orgId: string; label: string };

export const ACTING_ORG_TRIGGER =
  "inline-flex max-w-64 items-center gap-1 rounded-md border border-line bg-white px-2 py-1 text-left text-xs text-ink hover:bg-surface disabled:opacity-60";

export function ActingOrgTriggerText({ label, current }: { label: string; current: string | undefined }) {
  return (
    <>
      <span className="sr-only">{label}</span>
      <span className="truncate">{current}</span>
      <span aria-hidden>▾</span>
    </>
  );
}
