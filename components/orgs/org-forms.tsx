"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ActionButton } from "@/components/forms/action-button";
import { FormBody, InputField, SelectField } from "@/components/forms/fields";
import { useRecord } from "@/components/forms/record";
import { useActionForm } from "@/components/forms/use-action-form";
import { useCodeMessage } from "@/components/forms/use-message";
import { OrgPicker } from "@/components/users/org-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { OrgOptions } from "@/components/ui/org-options";
import type { OrgType } from "@/lib/generated/prisma/enums";
import { localized } from "@/lib/org-label";
import {
  closeOrg,
  createOrg,
  findOrgTargets,
  mergeOrg,
  moveOrg,
  previewCloseOrg,
  previewMergeOrg,
  previewMoveOrg,
  updateOrg,
} from "@/lib/actions/orgs";
import type { OrgTargets } from "@/lib/server/orgs/browse-orgs";
import type { RestructureKind, RestructurePlan } from "@/lib/server/orgs/restructure";
import { ORG_CODE_MAX, ORG_NAME_EN_MAX, ORG_NAME_MAX, ZCreateOrg, ZUpdateOrg } from "@/lib/validation/orgs";

// The administrators' forms on the organization tree (/admin/orgs). An organization's page acts on
// the version of the organization that its RecordProvider holds.

const MESSAGES = "adminOrgs.errors";

function useTypeOptions(types: readonly OrgType[]) {
  const to = useTranslations("orgType");
  return types.map((type) => ({ value: type, label: to(type) }));
}

/** The fields of both forms, in the order they show, as refusals name them. */
function useOrgFieldLabels() {
  const t = useTranslations("adminOrgs.field");
  return { name: { label: t("name"), max: ORG_NAME_MAX }, code: { label: t("code"), max: ORG_CODE_MAX }, type: { label: t("type") }, nameEn: { label: t("nameEn"), max: ORG_NAME_EN_MAX } };
}

/** A new organization under `parentId`; it opens the new organization's page. */
export function NewOrgForm({ parentId, types }: { parentId: string; types: readonly OrgType[] }) {
  const t = useTranslations("adminOrgs");
  const router = useRouter();
  const options = useTypeOptions(types);
  const of = useActionForm({
    id: "new-org",
    schema: ZCreateOrg,
    action: createOrg,
    defaultValues: { parentId, code: "", name: "", nameEn: "", type: types.length === 1 ? (types[0] ?? "") : "" },
    fields: useOrgFieldLabels(),
    messages: MESSAGES,
    onSuccess: (data) => {
      if (data) router.push(`/admin/orgs/${data.orgId}`);
    },
  });
  return (
    <FormBody of={of} submitLabel={t("new.create")} busyLabel={t("new.creating")}>
      <InputField of={of} name="name" control={{ autoComplete: "off", maxLength: ORG_NAME_MAX }} />
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField of={of} name="code" hint={t("codeHint")} control={{ autoComplete: "off", maxLength: ORG_CODE_MAX }} />
        <SelectField of={of} name="type" blank={t("pickType")} options={options} />
      </div>
      <InputField of={of} name="nameEn" hint={t("nameEnHint")} control={{ autoComplete: "off", maxLength: ORG_NAME_EN_MAX }} />
    </FormBody>
  );
}

export function EditOrgForm({
  org,
  types,
}: {
  org: { id: string; code: string; name: string; nameEn: string | null; type: OrgType };
  types: readonly OrgType[];
}) {
  const t = useTranslations("adminOrgs");
  const options = useTypeOptions(types);
  const of = useActionForm({
    id: "org",
    schema: ZUpdateOrg,
    action: updateOrg,
    defaultValues: { orgId: org.id, expectedVersion: useRecord().version ?? 1, code: org.code, name: org.name, nameEn: org.nameEn ?? "", type: org.type },
    fields: useOrgFieldLabels(),
    messages: MESSAGES,
  });
  return (
    <FormBody of={of} submitLabel={t("detail.save")} variant="secondary" doneMessage={t("detail.saved")}>
      <InputField of={of} name="name" control={{ autoComplete: "off", maxLength: ORG_NAME_MAX }} />
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField of={of} name="code" hint={t("codeHint")} control={{ autoComplete: "off", maxLength: ORG_CODE_MAX }} />
        <SelectField of={of} name="type" blank={t("pickType")} options={options} />
      </div>
      <InputField of={of} name="nameEn" hint={t("nameEnHint")} control={{ autoComplete: "off", maxLength: ORG_NAME_EN_MAX }} />
    </FormBody>
  );
}

const STEPS = {
  move: { preview: previewMoveOrg, apply: moveOrg },
  merge: { preview: previewMergeOrg, apply: mergeOrg },
  close: { preview: previewCloseOrg, apply: closeOrg },
} as const;

/** The plan, as numbers that say what the step touches. */
function PlanView({ plan }: { plan: RestructurePlan }) {
  const t = useTranslations("adminOrgs.plan");
  const locale = useLocale();
  const codeMessage = useCodeMessage(MESSAGES);
  const target = plan.target ? localized(plan.target.name, plan.target.nameEn, locale) : "";
  const lines: [string, number][] = (
    plan.kind === "move"
      ? [
          ["orgsMoved", plan.orgsMoved],
          ["liveItems", plan.liveItems],
          ["settledItems", plan.settledItems],
          ["evidence", plan.evidence],
          ["openFindings", plan.openFindings],
          ["closedFindings", plan.closedFindings],
          ["grantsMoved", plan.grants],
          ["delegationsEnded", plan.delegationsEnded],
        ]
      : plan.kind === "merge"
        ? [
            ["orgsMoved", plan.orgsMoved],
            ["transferItems", plan.transferItems],
            ["withdrawDuplicates", plan.withdrawItems],
            ["settledStay", plan.settledItems],
            ["evidenceGoes", plan.evidence],
            ["findingsGo", plan.openFindings],
            ["closedFindingsStay", plan.closedFindings],
            ["grantsEnd", plan.grants],
            ["delegationsEnded", plan.delegationsEnded],
          ]
        : [
            ["withdrawItems", plan.withdrawItems],
            ["settledStay", plan.settledItems],
            ["findingsGoUp", plan.openFindings],
            ["closedFindingsStay", plan.closedFindings],
            ["grantsEnd", plan.grants],
            ["delegationsEnded", plan.delegationsEnded],
          ]
  ) as [string, number][];
  return (
    <section aria-labelledby="plan-heading" className="space-y-3" data-testid="restructure-plan">
      <h2 id="plan-heading" className="text-lg font-semibold">
        {t(`heading.${plan.kind}`, { target })}
      </h2>
      {plan.problems.length > 0 ? (
        <Alert tone="warn">
          <p className="font-medium">{t("refused")}</p>
          <ul className="mt-1 list-disc pl-5">
            {plan.problems.map((p) => (
              <li key={p}>{codeMessage(p) ?? p}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        {lines.map(([key, value]) => (
          <div key={key} className="flex justify-between gap-3 border-b border-line py-1">
            <dt className="text-muted">{t(`line.${key}`)}</dt>
            <dd className="font-medium tabular-nums" data-testid={`plan-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {plan.grants > 0 && plan.kind !== "move" ? <p className="text-sm text-muted">{t("grantsHint", { people: plan.people })}</p> : null}
    </section>
  );
}

/**
 * Move, merge or close: pick the target (not for closing), see the plan,
 * then confirm. The step is applied at the version of the organization the
 * plan showed; a change in between is a conflict, to be planned again.
 */
export function RestructureForm({ kind, orgId, orgName, targets }: { kind: RestructureKind; orgId: string; orgName: string; targets: OrgTargets | null }) {
  const t = useTranslations("adminOrgs");
  const codeMessage = useCodeMessage(MESSAGES);
  const [targetId, setTargetId] = useState("");
  const [plan, setPlan] = useState<RestructurePlan | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isPlanning, start] = useTransition();
  const step = STEPS[kind];
  const preview = () =>
    start(async () => {
      setPlan(null);
      setProblem(null);
      if (kind !== "close" && !targetId) return setProblem(t(`restructure.pickTarget.${kind}`));
      const result = await step.preview({ orgId, targetId: targetId || undefined });
      if (result.ok) setPlan(result.data);
      else setProblem(Object.values(result.fieldErrors ?? {}).flat().map((c) => codeMessage(c) ?? c)[0] ?? t(`errors.${result.error}`));
    });
  const selectId = `restructure-target-${kind}`;
  return (
    <div className="space-y-4">
      {kind !== "close" && targets ? (
        <OrgPicker initial={targets} find={(q) => findOrgTargets({ orgId, kind, q })} selected={targetId}>
          {(choices) =>
            choices.length === 0 ? null : (
              <div className="space-y-1">
                <Label htmlFor={selectId}>{t(`restructure.target.${kind}`)}</Label>
                <select
                  id={selectId}
                  value={targetId}
                  onChange={(event) => {
                    setTargetId(event.target.value);
                    setPlan(null);
                  }}
                  className="block h-10 w-full rounded-md border border-line bg-white px-3 text-sm"
                  aria-invalid={problem && !targetId ? true : undefined}
                >
                  <option value="">{t("restructure.pick")}</option>
                  <OrgOptions orgs={choices} />
                </select>
              </div>
            )
          }
        </OrgPicker>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={preview} disabled={isPlanning}>
          {isPlanning ? t("restructure.planning") : t("restructure.preview")}
        </Button>
        {problem ? (
          <p role="alert" className="text-sm text-danger">
            {problem}
          </p>
        ) : null}
      </div>
      {plan ? (
        <>
          <PlanView plan={plan} />
          <ActionButton
            action={step.apply}
            input={{ orgId, targetId: targetId || undefined, expectedVersion: plan.org.version }}
            label={t(`restructure.confirm.${kind}`)}
            disabled={plan.problems.length > 0}
            messages={MESSAGES}
            confirm={kind === "move" ? undefined : t(`restructure.confirmText.${kind}`, { name: orgName })}
            doneMessage={() => t(`restructure.done.${kind}`)}
            redirectTo={() => `/admin/orgs/${orgId}`}
          />
        </>
      ) : null}
    </div>
  );
}
