import type { ReactNode } from "react";
import { guardPage } from "@/lib/server/access/guard-page";

// The scope check runs here, above the loading boundary, so that an
// organization outside the reader's scope answers with a real 404.
export default async function OrgTermsLayout({ children, params }: { children: ReactNode; params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  await guardPage("page:/terms/[orgId]", { orgId }, `/terms/${orgId}`);
  return children;
}
