"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormBody, InputField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { createCatalog } from "@/lib/actions/catalogs";
import { randomKeyNonce, suggestCatalogKey } from "@/lib/catalogs/catalog-key";
import { ZNewCatalog } from "@/lib/validation/catalog-editor";

/** The longest title and issuer the schema takes. */
const TEXT_MAX = 200;

/**
 * Starts a list from scratch: a title, an issuer and a key, then the editor. The key follows the title
 * (see suggestCatalogKey) until the user types one of their own; emptying it makes it follow again.
 */
export function NewCatalogForm() {
  const t = useTranslations("editor");
  // Made once per form, so that the suggestion stays put while the title is typed.
  const [nonce] = useState(randomKeyNonce);
  const [isKeyEdited, setKeyEdited] = useState(false);
  const of = useActionForm({
    id: "new",
    schema: ZNewCatalog,
    action: createCatalog,
    defaultValues: { title: "", issuer: "", key: "" },
    fields: {
      title: { label: t("newTitle"), max: TEXT_MAX },
      issuer: { label: t("newIssuer"), max: TEXT_MAX },
      key: { label: t("newKey") },
    },
    redirectTo: (data) => `/catalogs/${data.versionId}/edit`,
  });

  const suggestKey = (title: string) => {
    if (isKeyEdited) return;
    const key = title.trim() === "" ? "" : suggestCatalogKey(title, { year: new Date().getFullYear(), nonce });
    of.form.setValue("key", key, { shouldValidate: of.form.formState.isSubmitted });
  };

  return (
    <FormBody of={of} submitLabel={t("create")} busyLabel={t("saving")} variant="secondary">
      <InputField of={of} name="title" control={{ autoComplete: "off" }} onChange={(event) => suggestKey(event.target.value)} />
      <InputField of={of} name="issuer" control={{ autoComplete: "off" }} />
      <InputField of={of} name="key" hint={t("newKeyHint")} control={{ autoComplete: "off" }} onChange={(event) => setKeyEdited(event.target.value.trim() !== "")} />
    </FormBody>
  );
}
