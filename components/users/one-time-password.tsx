"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** A one-time password, shown once after it is made: large, easy to copy, with what to do with it. Focus moves to it. */
export function OneTimePassword({ username, password }: { username: string; password: string }) {
  const t = useTranslations("users.otp");
  const [isCopied, setCopied] = useState(false);
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), [password]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      // No clipboard (a page served without HTTPS): the password stays selectable.
    }
  };
  return (
    <Alert tone="warn" className="space-y-3" data-testid="one-time-password">
      <p ref={heading} tabIndex={-1} className="font-medium text-ink outline-none">
        {t("forUser", { username })}
      </p>
      <p className="flex flex-wrap items-center gap-3">
        <code className="rounded border border-line bg-white px-3 py-1.5 font-mono text-lg tracking-wider text-ink select-all" data-testid="otp-value">
          {password}
        </code>
        <Button type="button" variant="secondary" size="sm" onClick={() => void copy()}>
          {isCopied ? t("copied") : t("copy")}
        </Button>
      </p>
      <p className="text-ink">{t("hint")}</p>
    </Alert>
  );
}
