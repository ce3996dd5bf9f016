"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocale } from "@/lib/actions/locale";
import { LOCALE_CHOICE_KEY, LOCALES, type AppLocale } from "@/i18n/config";
import { cn } from "@/lib/utils";

const NAMES: Record<AppLocale, string> = { zh: "中文", en: "English" };

export function LanguageSwitcher({ current, isSignedIn }: { current: AppLocale; isSignedIn: boolean }) {
  const t = useTranslations("nav");
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t("language")} className="inline-flex rounded-md border border-line bg-white p-0.5">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale === "zh" ? "zh-CN" : "en"}
          aria-pressed={locale === current}
          disabled={isPending}
          onClick={() =>
            startTransition(async () => {
              if (!isSignedIn) window.sessionStorage.setItem(LOCALE_CHOICE_KEY, locale);
              await setLocale({ locale });
              router.refresh();
            })
          }
          className={cn(
            "rounded px-2 py-1 text-xs font-medium",
            locale === current ? "bg-brand text-white" : "text-ink hover:bg-surface",
          )}
        >
          {NAMES[locale]}
        </button>
      ))}
    </div>
  );
}
