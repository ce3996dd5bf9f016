"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { createRound } from "@/lib/actions/rounds";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { OrgOptions } from "@/components/ui/org-options";
import { useActionError } from "@/components/ui/use-action-error";
import {
  DRAW_MAX,
  DRAW_ORG_TYPES,
  DRAW_WEIGHTING_CHOICES,
  INSPECTION_TYPES,
  TEXT_MAX,
  ZCreateRound,
  type TCreateRound,
} from "@/lib/validation/inspections";

type Org = { id: string; label: string; depth: number };

/** A new round: what, when, who inspects, and which organizations, picked by hand or drawn at random. */
export function NewRoundForm({ orgs, inspectors, selfId, today }: { orgs: Org[]; inspectors: { id: string; name: string }[]; selfId: string | null; today: string }) {
  const t = useTranslations("inspections.new");
  const te = useTranslations("inspections.errors");
  const tv = useTranslations("validation");
  const tt = useTranslations("orgType");
  const tr = useTranslations();
  const actionError = useActionError();
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const root = orgs[0]?.id ?? "";
  const form = useForm<TCreateRound>({
    resolver: zodResolver(ZCreateRound),
    defaultValues: {
      title: "",
      type: "SPOT_CHECK",
      unannounced: false,
      scopeOrgId: root,
      startsOn: today,
      endsOn: today,
      memberIds: selfId ? [selfId] : [],
      leaderId: selfId ?? "",
      mode: "draw",
      orgIds: [],
      draw: { rootOrgId: root, orgTypes: ["BRANCH"], size: 3, weighting: "NONE", seed: "" },
    },
  });
  const mode = useWatch({ control: form.control, name: "mode" });
  const errors = form.formState.errors;
  const message = (key: string | undefined) => (!key ? undefined : te.has(key) ? te(key) : tv.has(key) ? tv(key, { max: TEXT_MAX }) : key);
  const err = (path: string): string | undefined => {
    const parts = path.split(".");
    let node: unknown = errors;
    for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
    return message((node as { message?: string } | undefined)?.message);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createRound(values);
    if (result.ok) {
      router.push(`/inspections/${result.data.roundId}`);
      return;
    }
    let placed = false;
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      form.setError(field as never, { message: messages[0] });
      placed = true;
    }
    setProblem(placed ? t("fixFields") : actionError(result));
  });

  const field = (name: string, label: string, input: React.ReactNode, hint?: string) => {
    const error = err(name);
    return (
      <div>
        <Label htmlFor={`round-${name}`}>{label}</Label>
        {input}
        {hint && !error ? <p className="mt-1 text-xs text-muted">{hint}</p> : null}
        <FieldError id={`round-${name}-error`} message={error} />
      </div>
    );
  };
  const aria = (name: string) => ({ id: `round-${name}`, "aria-invalid": err(name) ? true : undefined, "aria-describedby": err(name) ? `round-${name}-error` : undefined });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <fieldset disabled={form.formState.isSubmitting} className="space-y-4">
        {field("title", t("titleLabel"), <Input {...aria("title")} placeholder={t("titlePlaceholder")} {...form.register("title")} />)}
        <div className="grid gap-4 sm:grid-cols-2">
          {field(
            "type",
            t("type"),
            <Select {...aria("type")} {...form.register("type")}>
              {INSPECTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {tr(`inspectionType.${type}`)}
                </option>
              ))}
            </Select>,
          )}
          {field(
            "scopeOrgId",
            t("scope"),
            <Select {...aria("scopeOrgId")} {...form.register("scopeOrgId")}>
              <OrgOptions orgs={orgs} />
            </Select>,
            t("scopeHint"),
          )}
          {field("startsOn", t("startsOn"), <Input type="date" {...aria("startsOn")} {...form.register("startsOn")} />)}
          {field("endsOn", t("endsOn"), <Input type="date" {...aria("endsOn")} {...form.register("endsOn")} />)}
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-0.5 h-4 w-4 accent-brand" {...form.register("unannounced")} />
          <span>
            <span className="font-medium">{t("unannounced")}</span>
            <span className="block text-muted">{t("unannouncedHint")}</span>
          </span>
        </label>
        <fieldset aria-describedby={err("memberIds") ? "round-memberIds-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">{t("members")}</legend>
          {inspectors.length === 0 ? (
            <p className="text-sm text-muted">{t("noInspectors")}</p>
          ) : (
            <div className="flex flex-wrap gap-x-4 gap-y-2">
              {inspectors.map((u) => (
                <label key={u.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" value={u.id} className="h-4 w-4 accent-brand" {...form.register("memberIds")} />
                  {u.name}
                </label>
              ))}
            </div>
          )}
          <FieldError id="round-memberIds-error" message={err("memberIds")} />
        </fieldset>
        {field(
          "leaderId",
          t("leader"),
          <Select {...aria("leaderId")} {...form.register("leaderId")}>
            <option value="">{t("noLeader")}</option>
            {inspectors.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>,
        )}

        <fieldset className="space-y-3 rounded-md border border-line p-4">
          <legend className="px-1 text-sm font-medium">{t("targets")}</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" value="draw" className="h-4 w-4 accent-brand" {...form.register("mode")} />
              {t("modeDraw")}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" value="pick" className="h-4 w-4 accent-brand" {...form.register("mode")} />
              {t("modePick")}
            </label>
          </div>
          {mode === "pick" ? (
            field(
              "orgIds",
              t("orgs"),
              <Select multiple size={10} {...aria("orgIds")} className="h-auto" {...form.register("orgIds")}>
                <OrgOptions orgs={orgs} />
              </Select>,
              t("orgsHint"),
            )
          ) : (
            <div className="grid gap-4 sm:grid-cols-2">
              {field(
                "draw.rootOrgId",
                t("drawRoot"),
                <Select {...aria("draw.rootOrgId")} {...form.register("draw.rootOrgId")}>
                  <OrgOptions orgs={orgs} />
                </Select>,
                t("drawRootHint"),
              )}
              {field(
                "draw.size",
                t("drawSize"),
                <Input type="number" min={1} max={DRAW_MAX} inputMode="numeric" {...aria("draw.size")} {...form.register("draw.size")} />,
              )}
              <fieldset className="sm:col-span-2">
                <legend className="mb-1 text-sm font-medium">{t("drawTypes")}</legend>
                <div className="flex flex-wrap gap-x-4 gap-y-2">
                  {DRAW_ORG_TYPES.map((type) => (
                    <label key={type} className="flex items-center gap-2 text-sm">
                      <input type="checkbox" value={type} className="h-4 w-4 accent-brand" {...form.register("draw.orgTypes")} />
                      {tt(type)}
                    </label>
                  ))}
                </div>
                <FieldError id="round-draw-orgTypes-error" message={err("draw.orgTypes")} />
              </fieldset>
              {field(
                "draw.weighting",
                t("drawWeighting"),
                <Select {...aria("draw.weighting")} {...form.register("draw.weighting")}>
                  {DRAW_WEIGHTING_CHOICES.map((w) => (
                    <option key={w} value={w}>
                      {t(`weighting.${w}`)}
                    </option>
                  ))}
                </Select>,
              )}
              {field("draw.seed", t("drawSeed"), <Input {...aria("draw.seed")} autoComplete="off" {...form.register("draw.seed")} />, t("drawSeedHint"))}
            </div>
          )}
        </fieldset>
        <Button type="submit">{form.formState.isSubmitting ? t("working") : mode === "draw" ? t("submitDraw") : t("submit")}</Button>
      </fieldset>
    </form>
  );
}
