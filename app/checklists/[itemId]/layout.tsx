import type { ReactNode } from "react";
import { guardPage } from "@/lib/server/access/guard-page";

// The scope check runs here, above the loading boundary, so that an item
// outside the user's scope answers with a real 404 before anything streams.
export default async function ItemLayout({ children, params }: { children: ReactNode; params: Promise<{ itemId: string }> }) {
  const { itemId } = await params;
  await guardPage("page:/checklists/[itemId]", { itemId }, `/checklists/${itemId}`);
  return children;
}
