import { authorize } from "@/lib/server/access/authorize";
import { landingPath } from "@/lib/server/access/landing";
import { getActor } from "@/lib/server/auth/actor";
import { redirectTo, refuseDownload, signInAgain } from "@/lib/server/download-refusal";

const KEY = "route:/";

/**
 * Everyone lands on their own work (lib/server/access/landing.ts). A route
 * rather than a page: a page that redirects still renders the layout around
 * it, and the header's counts cost several queries nobody sees.
 */
export async function GET(request: Request) {
  try {
    const actor = await authorize(await getActor(), KEY);
    if (!actor) return signInAgain(request);
    return redirectTo(landingPath(actor), 307);
  } catch (error) {
    return refuseDownload(request, error);
  }
}
