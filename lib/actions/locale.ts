"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/i18n/config";
import { definePublicAction } from "@/lib/server/action";
import { saveUserLocale } from "@/lib/server/users/save-user-locale";

const ZSetLocale = z.object({ locale: z.enum(LOCALES) });

export const setLocale = definePublicAction("action:setLocale", ZSetLocale, async (actor, { locale }) => {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  if (actor) await saveUserLocale(actor, locale);
  return { locale };
});
