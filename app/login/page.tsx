import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { Card } from "@/components/ui/card";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await authorize(await getActor(), "page:/login");
  const requested = (await searchParams).callbackUrl;
  const callbackUrl = safeRedirectPath(Array.isArray(requested) ? requested[0] : requested);
  if (actor) redirect(callbackUrl);
  const t = await getTranslations("login");
  return (
    <div className="mx-auto mt-6 max-w-md sm:mt-12">
      <Card>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 mb-6 text-sm text-muted">{t("subtitle")}</p>
        <LoginForm callbackUrl={callbackUrl} />
      </Card>
      <p className="mt-4 text-center text-xs text-muted">{t("demoHint")}</p>
    </div>
  );
}
