import { redirect } from "next/navigation";
import { guardPage } from "@/lib/server/access/guard-page";
import { landingPath } from "@/lib/server/access/landing";

/** Everyone lands on their own work (lib/server/access/landing.ts). */
export default async function HomePage() {
  const actor = await guardPage("page:/", undefined, "/");
  redirect(landingPath(actor));
}
