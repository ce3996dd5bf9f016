import { redirect } from "next/navigation";
import { guardPage } from "@/lib/server/access/guard-page";
import { hasAnyRole } from "@/lib/server/access/scope";

/** Secretaries and staff land on their duties; those who only follow others land on progress. */
export default async function HomePage() {
  const actor = await guardPage("page:/", undefined, "/");
  const ticks = hasAnyRole(actor, ["SECRETARY", "STAFF"]);
  redirect(!ticks && hasAnyRole(actor, ["ADMIN", "SUPERVISOR"]) ? "/progress" : "/duties");
}
