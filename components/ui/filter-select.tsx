import type { ReactNode } from "react";
import { Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/**
 * A labelled select of a GET filter form: "all" first (the empty value),
 * then the options, or children such as <OrgOptions>.
 */
export function FilterSelect({
  id,
  name,
  label,
  defaultValue,
  allLabel,
  options = [],
  children,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue?: string;
  /** The empty choice; leave out when a value is always chosen. */
  allLabel?: string;
  options?: { value: string; label: string }[];
  children?: ReactNode;
}) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} name={name} defaultValue={defaultValue ?? ""}>
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </Select>
    </div>
  );
}
