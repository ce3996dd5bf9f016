// The organization tree: a working committee, a few branches of small organs right under it, and the
// units, each a party group over an organ party committee with branches and a general branch.
// Paths and depths as the app keeps them ("/rootId/…/thisId/", the root at depth 0).
import type { OrgType } from "../../lib/generated/prisma/enums";
import { mayHold } from "../../lib/orgs/org-rules";
import type { BenchContext, BenchOrg } from "./context";
import { orgIdOf } from "./context";
import { insertRows, type Table } from "./insert";
import { directBranchesOf, type TierName, type TierShape } from "./tiers";

const REGIONS = ["省", "太原市", "大同市", "阳泉市", "长治市", "晋城市", "朔州市", "晋中市", "运城市", "忻州市", "临汾市", "吕梁市"];
const DEPARTMENTS: [stem: string, provincial: string, local: string][] = [
  ["发展和改革", "委员会", "委员会"],
  ["教育", "厅", "局"],
  ["科学技术", "厅", "局"],
  ["工业和信息化", "厅", "局"],
  ["公安", "厅", "局"],
  ["民政", "厅", "局"],
  ["司法", "厅", "局"],
  ["财政", "厅", "局"],
  ["人力资源和社会保障", "厅", "局"],
  ["自然资源", "厅", "局"],
  ["生态环境", "厅", "局"],
  ["住房和城乡建设", "厅", "局"],
  ["交通运输", "厅", "局"],
  ["水利", "厅", "局"],
  ["农业农村", "厅", "局"],
  ["商务", "厅", "局"],
  ["文化和旅游", "厅", "局"],
  ["卫生健康", "委员会", "委员会"],
  ["退役军人事务", "厅", "局"],
  ["应急管理", "厅", "局"],
  ["审计", "厅", "局"],
  ["市场监督管理", "局", "局"],
  ["统计", "局", "局"],
  ["医疗保障", "局", "局"],
  ["林业和草原", "局", "局"],
  ["体育", "局", "局"],
  ["信访", "局", "局"],
  ["机关事务管理", "局", "局"],
  ["地方金融监督管理", "局", "局"],
  ["乡村振兴", "局", "局"],
];
const DIVISIONS = ["办公室", "政策法规处", "财务审计处", "人事处", "规划发展处", "综合业务处", "监督检查处", "科技信息处", "机关服务中心", "执法监察总队"];
const COMMITTEE_NAMES: Record<TierName, string> = {
  unit: "机关工委（基准数据）",
  city: "市直机关工委（基准数据）",
  province: "省直机关工委（基准数据）",
};
const SMALL_ORGANS = ["省档案馆", "省地方志研究院", "省参事室", "省社会科学界联合会", "省文学艺术界联合会", "省科学技术协会", "省归国华侨联合会", "省残疾人联合会", "省红十字会"];

function unitName(u: number): string {
  const department = DEPARTMENTS[u % DEPARTMENTS.length]!;
  const region = REGIONS[Math.floor(u / DEPARTMENTS.length) % REGIONS.length]!;
  const round = Math.floor(u / (DEPARTMENTS.length * REGIONS.length));
  const suffix = region === "省" ? department[1] : department[2];
  return `${region}${department[0]}${suffix}${round > 0 ? `（${round + 1}）` : ""}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const CHINESE_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** The tree in creation order (parents first); pure, so the tier's counts can be checked without a database. */
export function buildOrgTree(seed: number, shape: TierShape): BenchOrg[] {
  const orgs: BenchOrg[] = [];
  const add = (parent: BenchOrg | null, o: { code: string; name: string; type: OrgType; sortOrder: number; unit: number | null }): BenchOrg => {
    if (!mayHold(parent?.type ?? null, o.type)) throw new Error(`${o.type} may not sit under ${parent?.type ?? "the top"}`);
    const n = orgs.length;
    const id = orgIdOf(seed, n);
    const org: BenchOrg = { n, id, ...o, parentId: parent?.id ?? null, path: `${parent?.path ?? "/"}${id}/`, depth: parent ? parent.depth + 1 : 0 };
    orgs.push(org);
    return org;
  };
  const root = add(null, { code: "WC", name: COMMITTEE_NAMES[shape.name], type: "WORKING_COMMITTEE", sortOrder: 0, unit: null });
  for (let b = 0; b < shape.committeeBranches; b++) {
    add(root, { code: `WC-B${pad(b + 1)}`, name: `${SMALL_ORGANS[b % SMALL_ORGANS.length]}党支部`, type: "BRANCH", sortOrder: b, unit: null });
  }
  for (let u = 0; u < shape.units; u++) {
    const code = `U${pad(u + 1, 4)}`;
    const name = unitName(u);
    const group = add(root, { code, name: `${name}党组`, type: "PARTY_GROUP", sortOrder: shape.committeeBranches + u, unit: u });
    const committee = add(group, { code: `${code}-OPC`, name: `${name}机关党委`, type: "ORGAN_PARTY_COMMITTEE", sortOrder: 0, unit: u });
    const direct = directBranchesOf(shape, u);
    for (let b = 0; b < direct; b++) {
      const division = DIVISIONS[b % DIVISIONS.length]!;
      add(committee, { code: `${code}-B${pad(b + 1)}`, name: `${name}${division}党支部`, type: "BRANCH", sortOrder: b, unit: u });
    }
    for (let g = 0; g < shape.generalBranchesPerUnit; g++) {
      const generalName = g === 0 ? `${name}离退休干部党总支` : `${name}直属单位第${CHINESE_ORDINALS[g % 10]}党总支`;
      const general = add(committee, { code: `${code}-GB${pad(g + 1)}`, name: generalName, type: "GENERAL_BRANCH", sortOrder: direct + g, unit: u });
      for (let b = 0; b < shape.branchesPerGeneralBranch; b++) {
        const branchName = `${generalName.replace(/党总支$/, "")}第${CHINESE_ORDINALS[b % 10]}党支部`;
        add(general, { code: `${general.code}-B${pad(b + 1)}`, name: branchName, type: "BRANCH", sortOrder: b, unit: u });
      }
    }
  }
  return orgs;
}

const ORG_TABLE: Table<BenchOrg & { at: Date }> = {
  name: "Org",
  columns: [
    ["id", "text", (o) => o.id],
    ["code", "text", (o) => o.code],
    ["name", "text", (o) => o.name],
    ["type", "OrgType", (o) => o.type],
    ["parentId", "text", (o) => o.parentId],
    ["path", "text", (o) => o.path],
    ["depth", "int", (o) => o.depth],
    ["sortOrder", "int", (o) => o.sortOrder],
    ["createdAt", "timestamp", (o) => o.at],
    ["updatedAt", "timestamp", (o) => o.at],
  ],
};

/** Inserts the tree, parents before children (the foreign key to the parent is checked per statement). */
export async function insertOrgs(ctx: BenchContext, createdAt: Date): Promise<void> {
  const byDepth = [...ctx.orgs].sort((a, b) => a.depth - b.depth || a.n - b.n);
  let done = 0;
  for (let start = 0; start < byDepth.length; start += 5000) {
    const batch = byDepth.slice(start, start + 5000);
    await ctx.db.$transaction((tx) => insertRows(tx, ORG_TABLE, batch.map((o) => ({ ...o, at: createdAt }))), { timeout: 300_000 });
    done += batch.length;
    ctx.progress({ stage: "organizations", done, total: byDepth.length });
  }
}
