import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { createRound } from "@/lib/server/inspections/rounds";
import { orgId } from "@/lib/test/actors";
import { TEST_NOW } from "@/lib/test/seeded-database";
import { ZCreateRound } from "@/lib/validation/inspections";

/** A routine round under the working committee on the organizations with these codes, its group the inspector alone. */
export async function roundOn(inspector: Actor, codes: string[], title = "测试督查"): Promise<string> {
  const input = ZCreateRound.parse({
    title,
    type: "ROUTINE",
    scopeOrgId: await orgId("WC"),
    startsOn: "2026-11-01",
    endsOn: "2026-11-30",
    memberIds: [inspector.id],
    mode: "pick",
    orgIds: await Promise.all(codes.map(orgId)),
  });
  return (await createRound(inspector, input, TEST_NOW)).roundId;
}

/** The draft report of a round on one organization. */
export function reportOn(roundId: string, code: string) {
  return prisma.inspectionReport.findFirstOrThrow({ where: { roundId, org: { code } }, select: { id: true, version: true } });
}
