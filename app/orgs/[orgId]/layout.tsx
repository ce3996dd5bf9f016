import type { ReactNode } from "react";
import { guardPage } from "@/lib/server/access/guard-page";

// The scope check runs here, above the loading boundary, so that an
// organization outside the user's scope answers with a real 404.
export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  await guardPage("page:/orgs/[orgId]", { orgId }, `/orgs/${orgId}`);
  return children;
}
