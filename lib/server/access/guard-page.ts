import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { authorize, type Target } from "@/lib/server/access/authorize";
import type { EntryKey } from "@/lib/server/access/registry";
import { getActor, type Actor } from "@/lib/server/auth/actor";
import { changePasswordPath } from "@/lib/server/access/password-change";
import { NotFoundError, PasswordChangeRequiredError, UnauthenticatedError } from "@/lib/server/errors";

// A segment layout and its page guard the same target in one request: check it once.
const authorizeOnce = cache(async (key: EntryKey, orgId: string | undefined, itemId: string | undefined) =>
  authorize(await getActor(), key, orgId ? { orgId } : itemId ? { itemId } : undefined),
);

/** For pages: the registry's rule, with sign-in redirects, the forced password change and not-found pages. */
export async function guardPage(key: EntryKey, target?: Target, returnTo?: string): Promise<Actor> {
  try {
    const orgId = target && "orgId" in target ? target.orgId : undefined;
    const itemId = target && "itemId" in target ? target.itemId : undefined;
    const actor = await authorizeOnce(key, orgId, itemId);
    if (!actor) redirect(loginUrl(returnTo));
    return actor;
  } catch (error) {
    if (error instanceof UnauthenticatedError) redirect(loginUrl(returnTo));
    if (error instanceof PasswordChangeRequiredError) redirect(changePasswordPath(returnTo));
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/** For pages: a record out of the actor's reach (or no record at all) shows the not-found page. */
export async function notFoundUnless<T>(loading: Promise<T>): Promise<T> {
  try {
    return await loading;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

function loginUrl(returnTo?: string): string {
  return returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login";
}
