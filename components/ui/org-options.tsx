/** Organizations as <option>s, indented by depth so that the tree shows in a plain select. */
export function OrgOptions({ orgs }: { orgs: { id: string; label: string; depth: number }[] }) {
  return orgs.map((o) => (
    <option key={o.id} value={o.id}>
      {"\u3000".repeat(o.depth)}
      {o.label}
    </option>
  ));
}
