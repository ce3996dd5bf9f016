import "server-only";
import { notFound, redirect } from "next/navigation";
import { authorize, type Target } from "@/lib/server/access/authorize";
import type { EntryKey } from "@/lib/server/access/registry";
import { getActor, type Actor } from "@/lib/server/auth/actor";
import { NotFoundError, UnauthenticatedError } from "@/lib/server/errors";

/** For pages: the registry's rule, with sign-in redirects and not-found pages. */
export async function guardPage(key: EntryKey, target?: Target, returnTo?: string): Promise<Actor> {
  try {
    const actor = await authorize(await getActor(), key, target);
    if (!actor) redirect(loginUrl(returnTo));
    return actor;
  } catch (error) {
    if (error instanceof UnauthenticatedError) redirect(loginUrl(returnTo));
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

function loginUrl(returnTo?: string): string {
  return returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login";
}
