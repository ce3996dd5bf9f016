"use client";

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { adoptVersion, type VersionChange } from "@/lib/version-change";

/** A field some form on the page shows, so that a refusal from another form can point at it. */
export type FieldHandle = { label: string; show: (message: string) => void };

type RecordContextValue = {
  /** The version of the record the page's forms act on; undefined outside a RecordProvider. */
  version: number | undefined;
  adopt: (change: VersionChange) => void;
  registerField: (name: string, handle: FieldHandle) => () => void;
  findField: (name: string) => FieldHandle | undefined;
};

const RecordContext = createContext<RecordContextValue | null>(null);

/**
 * One record that several forms on a page act on (a finding, a report, a
 * checklist item). Every form and action button under it sends the version
 * the page holds after the last successful step, its own or another form's,
 * without waiting for the page to refresh; a step by someone else in between
 * still meets a conflict. A refusal that names a field of another form
 * (submitting a close-out without measures) is shown at that field.
 */
export function RecordProvider({ version, children }: { version: number; children: ReactNode }) {
  // Versions only grow: the page's own steps move `adopted` on, and a refreshed page brings `version`.
  const [adopted, setAdopted] = useState(version);
  const current = Math.max(adopted, version);
  const fields = useRef(new Map<string, FieldHandle>());
  const adopt = useCallback((change: VersionChange) => setAdopted((held) => adoptVersion(Math.max(held, version), change)), [version]);
  const registerField = useCallback((name: string, handle: FieldHandle) => {
    fields.current.set(name, handle);
    return () => {
      if (fields.current.get(name) === handle) fields.current.delete(name);
    };
  }, []);
  const findField = useCallback((name: string) => fields.current.get(name), []);
  const value = useMemo(() => ({ version: current, adopt, registerField, findField }), [current, adopt, registerField, findField]);
  return <RecordContext.Provider value={value}>{children}</RecordContext.Provider>;
}

const NO_RECORD: RecordContextValue = {
  version: undefined,
  adopt: () => {},
  registerField: () => () => {},
  findField: () => undefined,
};

export function useRecord(): RecordContextValue {
  return useContext(RecordContext) ?? NO_RECORD;
}
