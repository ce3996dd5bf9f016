"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createCatalog } from "@/lib/actions/catalogs";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { randomKeyNonce, suggestCatalogKey } from "@/lib/catalogs/catalog-key";
import { ZNewCatalog, type TNewCatalog } from "@/lib/validation/catalog-editor";
import { useActionError } from "@/components/ui/use-action-error";

/**
 * Starts a list from scratch: a title, an issuer and a key, then the editor. The key follows the title
 * (see suggestCatalogKey) until the user types one of their own; emptying it makes it follow again.
 */
export function NewCatalogForm() {
  const t = useTranslations("editor");
  const tv = useTranslations("validation");
  const actionError = useActionError();
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  // Made once per form, so that the suggestion stays put while the title is typed.
  const [nonce] = useState(randomKeyNonce);
  const [isKeyEdited, setKeyEdited] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<TNewCatalog>({ resolver: zodResolver(ZNewCatalog), defaultValues: { key: "", title: "", issuer: "" } });

  const suggestKey = (title: string) => {
    if (isKeyEdited) return;
    const key = title.trim() === "" ? "" : suggestCatalogKey(title, { year: new Date().getFullYear(), nonce });
    setValue("key", key, { shouldValidate: isSubmitted });
  };
  const registered = {
    title: register("title", { onChange: (event: React.ChangeEvent<HTMLInputElement>) => suggestKey(event.target.value) }),
    issuer: register("issuer"),
    key: register("key", {
      onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
        setKeyEdited(event.target.value.trim() !== "");
      },
    }),
  };

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    const result = await createCatalog(values);
    if (result.ok) {
      router.push(`/catalogs/${result.data.versionId}/edit`);
      return;
    }
    if (result.error === "validation" && result.fieldErrors?.key) setError("key", { message: result.fieldErrors.key[0] });
    else setProblem(actionError(result));
  });

  const fields = [
    { name: "title" as const, label: t("newTitle") },
    { name: "issuer" as const, label: t("newIssuer") },
    { name: "key" as const, label: t("newKey"), hint: t("newKeyHint") },
  ];
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <fieldset disabled={isSubmitting} className="space-y-3">
        {fields.map((f) => (
          <div key={f.name}>
            <Label htmlFor={`new-${f.name}`}>{f.label}</Label>
            <Input
              id={`new-${f.name}`}
              aria-invalid={errors[f.name] ? true : undefined}
              aria-describedby={[f.hint ? `new-${f.name}-hint` : "", errors[f.name] ? `new-${f.name}-error` : ""].join(" ").trim() || undefined}
              autoComplete="off"
              {...registered[f.name]}
            />
            {f.hint ? <p id={`new-${f.name}-hint`} className="mt-1 text-xs text-muted">{f.hint}</p> : null}
            <FieldError id={`new-${f.name}-error`} message={errors[f.name]?.message && tv(errors[f.name]?.message ?? "", { max: 200 })} />
          </div>
        ))}
        <Button type="submit" variant="secondary">
          {isSubmitting ? t("saving") : t("create")}
        </Button>
      </fieldset>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
    </form>
  );
}
