import type { Prisma } from "@/lib/generated/prisma/client";
import { dutyFieldsSelect } from "@/lib/server/catalogs/duty-fields";

export const checklistItemSelect = {
  id: true,
  occurrence: true,
  dueDate: true,
  status: true,
  note: true,
  reviewComment: true,
  version: true,
  completedAt: true,
  updatedAt: true,
  completedBy: { select: { id: true, name: true } },
  owner: { select: { id: true, name: true } },
  org: { select: { id: true, name: true, nameEn: true, type: true, path: true, depth: true } },
  delegatedOrg: { select: { id: true, name: true, nameEn: true, path: true } },
  delegatedTo: { select: { id: true, name: true } },
  delegatedToId: true,
  delegatedBy: { select: { name: true } },
  delegatedAt: true,
  duty: {
    select: {
      id: true,
      ...dutyFieldsSelect,
      catalogVersion: { select: { version: true, source: true, catalog: { select: { title: true, titleEn: true, isSample: true } } } },
    },
  },
  period: { select: { id: true, year: true, quarter: true } },
} satisfies Prisma.ChecklistItemSelect;

export type ChecklistItemRow = Prisma.ChecklistItemGetPayload<{ select: typeof checklistItemSelect }> & {
  isOverdue: boolean;
};
