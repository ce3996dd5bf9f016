import { redirect } from "next/navigation";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import { changePasswordPath } from "@/lib/server/access/password-change";
import { PasswordChangeRequiredError, UnauthenticatedError } from "@/lib/server/errors";
import { openNotification } from "@/lib/server/notifications/mark-read";
import { isId } from "@/lib/validation/text";

/**
 * Opens a notice from the list or from a digest mail: marks it read when it
 * is the actor's own and goes on to its item, finding or report, whose page
 * applies its own read rule. Anybody else's notice, or one that is gone or
 * names nothing, leads to the list.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ noticeId: string }> }) {
  const { noticeId } = await params;
  const here = `/notifications/${encodeURIComponent(noticeId)}/open`;
  const actor = await authorize(await getActor(), "route:/notifications/[noticeId]/open").catch((error: unknown) => {
    if (error instanceof UnauthenticatedError) return null;
    if (error instanceof PasswordChangeRequiredError) redirect(changePasswordPath(here));
    throw error;
  });
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(here)}`);
  const opened = isId(noticeId) ? await openNotification(actor, noticeId) : null;
  redirect(opened?.target ?? "/notifications");
}
