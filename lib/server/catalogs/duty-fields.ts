import type { Prisma } from "@/lib/generated/prisma/client";
import type { DutyKind, Frequency, OrgType } from "@/lib/generated/prisma/enums";

// No "server-only": the seed loads catalogs through import-catalog.ts, which uses this.

/** The content of a duty, as every reader and every copy of a version takes it. */
export const dutyFieldsSelect = {
  code: true,
  title: true,
  titleEn: true,
  description: true,
  descriptionEn: true,
  kind: true,
  bodyType: true,
  frequency: true,
  evidenceRequired: true,
  weight: true,
  group: true,
} satisfies Prisma.DutySelect;

export type DutyFields = Prisma.DutyGetPayload<{ select: typeof dutyFieldsSelect }>;

/** A duty from a list file (optional fields absent) or from the database (null), ready to create. */
export type DutySource = {
  code: string;
  title: string;
  titleEn?: string | null;
  description: string;
  descriptionEn?: string | null;
  kind: DutyKind;
  bodyType: OrgType;
  frequency: Frequency;
  evidenceRequired: boolean;
  weight: number;
  group?: string | null;
};

export function dutyCreateData(d: DutySource, sortOrder: number): Prisma.DutyCreateWithoutCatalogVersionInput {
  return {
    code: d.code,
    title: d.title,
    titleEn: d.titleEn ?? null,
    description: d.description,
    descriptionEn: d.descriptionEn ?? null,
    kind: d.kind,
    bodyType: d.bodyType,
    frequency: d.frequency,
    evidenceRequired: d.evidenceRequired,
    weight: d.weight,
    group: d.group ?? null,
    sortOrder,
  };
}

/** The fields whose change makes a duty "changed" between two versions (the code is what matches them). */
const COMPARED = ["title", "titleEn", "description", "descriptionEn", "kind", "bodyType", "frequency", "evidenceRequired", "weight", "group"] as const;
export type ComparedField = (typeof COMPARED)[number];

export function changedDutyFields(before: DutyFields, after: DutyFields): ComparedField[] {
  return COMPARED.filter((f) => before[f] !== after[f]);
}
