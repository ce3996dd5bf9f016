import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type AppLocale } from "@/i18n/config";
import { getActor } from "@/lib/server/auth/actor";

/**
 * The signed-in user's saved language wins, so it follows them to any
 * browser; before sign-in, the cookie that the switcher sets.
 */
async function resolveLocale(): Promise<AppLocale> {
  const actor = await getActor().catch(() => null);
  if (actor) return actor.locale;
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    timeZone: "Asia/Shanghai",
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
