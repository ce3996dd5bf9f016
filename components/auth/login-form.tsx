"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { setLocale } from "@/lib/actions/locale";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { isLocale, LOCALE_CHOICE_KEY } from "@/i18n/config";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { ZSignIn, type TSignIn } from "@/lib/validation/auth";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const tv = useTranslations("validation");
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TSignIn>({ resolver: zodResolver(ZSignIn), defaultValues: { username: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setFormError(result?.error === "locked" ? t("locked") : t("invalid"));
      return;
    }
    // A language picked on this page before signing in becomes the user's own.
    const chosen = window.sessionStorage.getItem(LOCALE_CHOICE_KEY);
    window.sessionStorage.removeItem(LOCALE_CHOICE_KEY);
    if (isLocale(chosen)) await setLocale({ locale: chosen });
    // A full load, so that every server component renders for the signed-in user.
    window.location.assign(safeRedirectPath(callbackUrl, window.location.origin));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <fieldset disabled={isSubmitting} className="space-y-4">
        <div>
          <Label htmlFor="username">{t("username")}</Label>
          <Input
            id="username"
            autoComplete="username"
            autoFocus
            aria-invalid={errors.username ? true : undefined}
            aria-describedby={errors.username ? "username-error" : undefined}
            {...register("username")}
          />
          <FieldError id="username-error" message={errors.username?.message && tv(errors.username.message)} />
        </div>
        <div>
          <Label htmlFor="password">{t("password")}</Label>
          <Input
            id="password"
            type="password"
            autoComplete="current-password"
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? "password-error" : undefined}
            {...register("password")}
          />
          <FieldError id="password-error" message={errors.password?.message && tv(errors.password.message)} />
        </div>
        <Button type="submit" className="w-full">
          {isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </fieldset>
    </form>
  );
}
