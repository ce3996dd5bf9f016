/**
 * How a record's version moved in one successful step: from the version the
 * step found to the one it left. A page adopts `to` only when it still held
 * `from`; otherwise someone else changed the record in between, and the
 * page's next checked step must meet that as a conflict.
 */
export type VersionChange = { from: number; to: number };

export function isVersionChange(value: unknown): value is VersionChange {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as VersionChange).from === "number" &&
    typeof (value as VersionChange).to === "number"
  );
}

/** The version a page holds after a step's result: the step's `to` when the step started from what the page held. */
export function adoptVersion(held: number, change: VersionChange): number {
  return change.from === held ? change.to : held;
}
