import type { OrgType, Role } from "../../lib/generated/prisma/enums";

export type DemoOrg = { code: string; name: string; nameEn: string; type: OrgType; children?: DemoOrg[] };

const UNITS: [string, string, string][] = [
  ["U01", "省发展和改革委员会", "Provincial Development and Reform Commission"],
  ["U02", "省教育厅", "Provincial Department of Education"],
  ["U03", "省财政厅", "Provincial Department of Finance"],
  ["U04", "省人力资源和社会保障厅", "Provincial Department of Human Resources and Social Security"],
  ["U05", "省自然资源厅", "Provincial Department of Natural Resources"],
  ["U06", "省生态环境厅", "Provincial Department of Ecology and Environment"],
  ["U07", "省交通运输厅", "Provincial Department of Transport"],
  ["U08", "省卫生健康委员会", "Provincial Health Commission"],
];

const BRANCHES: [string, string][] = [
  ["办公室党支部", "Branch of the General Office"],
  ["政策法规处党支部", "Branch of the Policy and Regulations Division"],
  ["财务审计处党支部", "Branch of the Finance and Audit Division"],
];

function unit([code, name, nameEn]: [string, string, string], index: number): DemoOrg {
  const branchCount = 2 + (index % 2);
  const branches: DemoOrg[] = BRANCHES.slice(0, branchCount).map(([bName, bNameEn], b) => ({
    code: `${code}-B${b + 1}`,
    name: `${name}${bName}`,
    nameEn: `${bNameEn}, ${nameEn}`,
    type: "BRANCH",
  }));
  // Every other unit has a general branch for its retired cadres, with two branches of its own.
  if (index % 2 === 0) {
    branches.push({
      code: `${code}-GB1`,
      name: `${name}离退休干部党总支`,
      nameEn: `General Branch of Retired Cadres, ${nameEn}`,
      type: "GENERAL_BRANCH",
      children: [
        { code: `${code}-GB1-B1`, name: `${name}离退休干部第一党支部`, nameEn: `First Retired Cadres' Branch, ${nameEn}`, type: "BRANCH" },
        { code: `${code}-GB1-B2`, name: `${name}离退休干部第二党支部`, nameEn: `Second Retired Cadres' Branch, ${nameEn}`, type: "BRANCH" },
      ],
    });
  }
  return {
    code,
    name: `${name}党组`,
    nameEn: `Party Group of the ${nameEn}`,
    type: "PARTY_GROUP",
    children: [
      {
        code: `${code}-OPC`,
        name: `${name}机关党委`,
        nameEn: `Organ Party Committee, ${nameEn}`,
        type: "ORGAN_PARTY_COMMITTEE",
        children: branches,
      },
    ],
  };
}

export const DEMO_TREE: DemoOrg = {
  code: "WC",
  name: "省直机关工委（示例）",
  nameEn: "Provincial Organ Working Committee (demo)",
  type: "WORKING_COMMITTEE",
  children: UNITS.map(unit),
};

/** Every demo account signs in with this password. */
export const DEMO_PASSWORD = "Demo#2026";

export type DemoUser = { username: string; name: string; grants: { org: string; role: Role }[]; locale?: "zh" | "en" };

const SURNAMES = ["张", "李", "王", "刘", "陈", "杨", "赵", "黄"];

export const DEMO_USERS: DemoUser[] = [
  { username: "admin", name: "系统管理员", grants: [{ org: "WC", role: "ADMIN" }] },
  { username: "supervisor", name: "周督导", grants: [{ org: "WC", role: "SUPERVISOR" }] },
  { username: "inspector", name: "吴督查", grants: [{ org: "WC", role: "INSPECTOR" }] },
  { username: "wc-secretary", name: "郑书记", grants: [{ org: "WC", role: "SECRETARY" }] },
  ...UNITS.flatMap(([code], i) => {
    const unitCode = code.toLowerCase();
    const surname = SURNAMES[i] ?? "孙";
    return [
      { username: `${unitCode}-secretary`, name: `${surname}书记`, grants: [{ org: code, role: "SECRETARY" as const }] },
      { username: `${unitCode}-staff`, name: `${surname}干事`, grants: [{ org: `${code}-OPC`, role: "STAFF" as const }] },
      { username: `${unitCode}-branch`, name: `${surname}支书`, grants: [{ org: `${code}-B1`, role: "SECRETARY" as const }] },
    ];
  }),
];
