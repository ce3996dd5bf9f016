import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="mx-auto mt-12 max-w-md text-center">
      <p className="text-5xl font-semibold text-brand">404</p>
      <h1 className="mt-4 text-xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-muted">{t("body")}</p>
      <Link href="/" className={`${buttonVariants({ variant: "secondary" })} mt-6`}>
        {t("home")}
      </Link>
    </div>
  );
}
