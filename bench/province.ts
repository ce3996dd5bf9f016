// The province the benchmarks build: a working committee, `units` party groups, each with an organ party
// committee and `branchesPerUnit` branches, as organization rows with their materialized paths.
import crypto from "node:crypto";
import type { OrgType } from "../lib/generated/prisma/enums";

export type ProvinceOrg = { id: string; code: string; name: string; type: OrgType; parentId: string | null; path: string; depth: number };

export function benchId(): string {
  return `b${crypto.randomBytes(12).toString("hex")}`;
}

/** The rows, the committee first, each unit's organizations after it. */
export function provinceRows(units: number, branchesPerUnit: number): ProvinceOrg[] {
  const rootId = benchId();
  const rows: ProvinceOrg[] = [{ id: rootId, code: "B-WC", name: "基准测试工委", type: "WORKING_COMMITTEE", parentId: null, path: `/${rootId}/`, depth: 0 }];
  for (let u = 0; u < units; u++) {
    const pg = benchId();
    const opc = benchId();
    rows.push({ id: pg, code: `B-${u}`, name: `单位${u}党组`, type: "PARTY_GROUP", parentId: rootId, path: `/${rootId}/${pg}/`, depth: 1 });
    rows.push({ id: opc, code: `B-${u}-OPC`, name: `单位${u}机关党委`, type: "ORGAN_PARTY_COMMITTEE", parentId: pg, path: `/${rootId}/${pg}/${opc}/`, depth: 2 });
    for (let b = 0; b < branchesPerUnit; b++) {
      const br = benchId();
      rows.push({ id: br, code: `B-${u}-${b}`, name: `单位${u}第${b}支部`, type: "BRANCH", parentId: opc, path: `/${rootId}/${pg}/${opc}/${br}/`, depth: 3 });
    }
  }
  return rows;
}
