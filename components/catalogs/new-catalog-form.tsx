"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createCatalog } from "@/app/catalogs/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { ZNewCatalog, type TNewCatalog } from "@/lib/validation/catalog-editor";
import { useActionError } from "@/components/ui/use-action-error";

/** Starts a list from scratch: a key, a title and an issuer, then the editor. */
export function NewCatalogForm() {
  const t = useTranslations("editor");
  const tv = useTranslations("validation");
  const actionError = useActionError();
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TNewCatalog>({ resolver: zodResolver(ZNewCatalog), defaultValues: { key: "", title: "", issuer: "" } });

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
              aria-describedby={f.hint ? `new-${f.name}-hint` : undefined}
              {...register(f.name)}
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
