import type { RectificationState } from "@/lib/generated/prisma/enums";
import type { Grade } from "@/lib/ratings/scheme";

/**
 * The first draft of a committee's circular (通报) on a year: the problems
 * its inspections found, the common ones (a category found in two units or
 * more) before each unit's own, the units named, the rectification rate,
 * and, once the year's results are published, the ranking. The committee
 * edits it before issuing.
 */

export type CircularFinding = { unitId: string; unit: string; category: string; description: string; state: RectificationState };

export type CircularRank = { unit: string; grade: Grade; total: number; rank: number };

export type CircularFacts = { committee: string; year: number; findings: CircularFinding[]; ranking: CircularRank[] | null };

const GRADE = { GOOD: "好", FAIRLY_GOOD: "较好", AVERAGE: "一般", POOR: "差" } as const;

export type CircularDraft = { title: string; body: string; namedUnitIds: string[] };

export function draftCircular(facts: CircularFacts): CircularDraft {
  const { findings } = facts;
  const units = [...new Map(findings.map((f) => [f.unitId, f.unit])).entries()];
  const byCategory = new Map<string, CircularFinding[]>();
  for (const f of findings) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f]);
  const common = [...byCategory.entries()].filter(([, fs]) => new Set(fs.map((f) => f.unitId)).size >= 2).sort(([, a], [, b]) => b.length - a.length);
  const commonCategories = new Set(common.map(([c]) => c));
  const individual = findings.filter((f) => !commonCategories.has(f.category));
  const closed = findings.filter((f) => f.state === "CLOSED").length;
  const rate = findings.length === 0 ? 100 : Math.round((closed * 1000) / findings.length) / 10;
  const open = units
    .map(([id, name]) => [name, findings.filter((f) => f.unitId === id && f.state !== "CLOSED").length] as const)
    .filter(([, n]) => n > 0);
  const numbered = (lines: string[]) => lines.map((line, i) => `${i + 1}. ${line}`);

  const paragraphs = [
    "各单位党组（党委）：",
    `为压实机关党建工作责任，${facts.committee}于${facts.year}年组织开展督查检查。现将有关情况通报如下。`,
    "一、发现的问题",
    findings.length === 0 ? "督查检查未发现问题。" : `共发现问题 ${findings.length} 个，涉及 ${units.length} 个单位。`,
    ...(common.length > 0
      ? ["（一）共性问题", ...numbered(common.map(([category, fs]) => `${category}：${new Set(fs.map((f) => f.unitId)).size} 个单位存在，共 ${fs.length} 个问题（${[...new Set(fs.map((f) => f.unit))].join("、")}）。`))]
      : []),
    ...(individual.length > 0 ? [common.length > 0 ? "（二）个性问题" : "（一）个性问题", ...numbered(individual.map((f) => `${f.unit}：${f.description}（${f.category}）`))] : []),
    "二、整改情况",
    findings.length === 0
      ? "无需整改的问题。"
      : `已整改销号 ${closed} 个，整改率 ${rate}%。${open.length > 0 ? `尚未销号的：${open.map(([name, n]) => `${name} ${n} 个`).join("，")}。` : "全部问题已整改销号。"}`,
    ...(facts.ranking && facts.ranking.length > 0
      ? ["三、考核排名", ...facts.ranking.map((r) => `第 ${r.rank} 名　${r.unit}（${GRADE[r.grade]}，${r.total} 分）`), "四、工作要求"]
      : ["三、工作要求"]),
    "（请填写工作要求。）",
  ];
  return { title: `关于${facts.year}年度机关党建工作督查检查情况的通报`, body: paragraphs.join("\n\n"), namedUnitIds: units.map(([id]) => id) };
}
