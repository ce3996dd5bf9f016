import { describe, expect, it } from "vitest";
import { draftCircular, type CircularFinding } from "@/lib/ratings/circular-draft";

const f = (unitId: string, category: string, description: string, state: CircularFinding["state"] = "OPEN"): CircularFinding => ({
  unitId,
  unit: { a: "省财政厅党组", b: "省教育厅党组", c: "省交通运输厅党组" }[unitId]!,
  category,
  description,
  state,
});

describe("the draft of a circular", () => {
  it("puts the common problems (a category in two units or more) before each unit's own, and names the units found", () => {
    const draft = draftCircular({
      committee: "省直机关工委",
      year: 2026,
      findings: [
        f("a", "组织生活", "三会一课记录不全", "CLOSED"),
        f("b", "组织生活", "主题党日流于形式"),
        f("b", "组织生活", "组织生活会未开展批评"),
        f("c", "党费管理", "党费未按月收缴", "CLOSED"),
      ],
      ranking: null,
    });
    expect(draft.title).toBe("关于2026年度机关党建工作督查检查情况的通报");
    expect(draft.namedUnitIds).toEqual(["a", "b", "c"]);
    expect(draft.body).toContain("共发现问题 4 个，涉及 3 个单位。\n\n（一）共性问题\n\n1. 组织生活：2 个单位存在，共 3 个问题（省财政厅党组、省教育厅党组）。\n\n（二）个性问题\n\n1. 省交通运输厅党组：党费未按月收缴（党费管理）");
    expect(draft.body).toContain("二、整改情况\n\n已整改销号 2 个，整改率 50%。尚未销号的：省教育厅党组 2 个。");
    expect(draft.body).toMatch(/三、工作要求\n\n（请填写工作要求。）$/);
  });

  it("ranks the units once the results are published, and says so when nothing was found", () => {
    const draft = draftCircular({
      committee: "省直机关工委",
      year: 2026,
      findings: [],
      ranking: [
        { unit: "省财政厅党组", grade: "GOOD", total: 93.5, rank: 1 },
        { unit: "省教育厅党组", grade: "AVERAGE", total: 71, rank: 2 },
      ],
    });
    expect(draft.namedUnitIds).toEqual([]);
    expect(draft.body).toContain("督查检查未发现问题。");
    expect(draft.body).toContain("三、考核排名\n\n第 1 名　省财政厅党组（好，93.5 分）\n\n第 2 名　省教育厅党组（一般，71 分）\n\n四、工作要求");
  });
});
