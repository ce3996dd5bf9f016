import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAssignmentReview } from "@/lib/server/assignments/review-settings";
import { prisma } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

describe("review settings per assignment", () => {
  let drop: () => Promise<void>;
  let input: Parameters<typeof setAssignmentReview>[1];

  beforeAll(async () => {
    drop = await useSeededDatabase("review-settings");
    const period = (await getCurrentPeriod(TEST_NOW))!;
    const version = await prisma.catalogVersion.findFirstOrThrow({ where: { catalog: { key: "branch-five-basics-sample" } } });
    input = { catalogVersionId: version.id, periodId: period.id, rootOrgId: await orgId("U01"), orgTypes: ["BRANCH"], reviewMode: "PARENT" };
  });
  afterAll(() => drop());

  const modes = async () =>
    prisma.assignment.findMany({
      where: { catalogVersionId: input.catalogVersionId, periodId: input.periodId },
      select: { reviewMode: true, reviewerOrgId: true, org: { select: { code: true } } },
    });

  it("names a reviewer above the scope for the subtree's assignments only, or none", async () => {
    const u01 = await orgId("U01");
    const changed = await setAssignmentReview(prisma, { ...input, reviewMode: "ORG", reviewerOrgId: u01 });
    const all = await modes();
    const inScope = all.filter((a) => a.org.code.startsWith("U01-"));
    expect(changed).toBe(inScope.length);
    expect(inScope.every((a) => a.reviewMode === "ORG" && a.reviewerOrgId === u01)).toBe(true);
    expect(all.filter((a) => !a.org.code.startsWith("U01-")).every((a) => a.reviewMode === "PARENT")).toBe(true);

    await setAssignmentReview(prisma, { ...input, reviewMode: "NONE", reviewerOrgId: u01 });
    expect((await modes()).filter((a) => a.org.code.startsWith("U01-")).every((a) => a.reviewMode === "NONE" && a.reviewerOrgId === null)).toBe(true);
  });

  it("refuses a reviewer below the scope's root, or none at all", async () => {
    await expect(setAssignmentReview(prisma, { ...input, reviewMode: "ORG", reviewerOrgId: await orgId("U01-OPC") })).rejects.toBeInstanceOf(ValidationError);
    await expect(setAssignmentReview(prisma, { ...input, reviewMode: "ORG" })).rejects.toBeInstanceOf(ValidationError);
  });
});
