/** Organizations as <option>s, indented by depth so that the tree shows in a plain select. */
export function OrgOptions({ orgs, valuePrefix = "" }: { orgs: { id: string; label: string; depth: number }[]; valuePrefix?: string }) {
  return orgs.map((o) => (
    <option key={o.id} value={valuePrefix + o.id}>
      {"\u3000".repeat(o.depth)}
      {o.label}
    </option>
  ));
}
