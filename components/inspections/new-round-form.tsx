"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useWatch } from "react-hook-form";
import { CheckboxField, CheckboxesField, FormBody, InputField, RadioField, SelectField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { OrgOptions } from "@/components/ui/org-options";
import { OrgPicker } from "@/components/users/org-picker";
import { createRound, findRoundOrgs } from "@/lib/actions/rounds";
import type { PickerOrgs } from "@/lib/server/orgs/list-orgs";
import { DRAW_MAX, DRAW_ORG_TYPES, DRAW_WEIGHTING_CHOICES, INSPECTION_TYPES, TITLE_MAX, ZCreateRound } from "@/lib/validation/inspections";

/** The longest draw code the schema takes. */
const SEED_MAX = 64;

const find = (q: string) => findRoundOrgs({ q });

/**
 * A new round: what, when, who inspects, and which organizations, picked by hand or drawn at random.
 * Each organization select finds beyond the first ones listed by name or code (OrgPicker).
 */
export type RoundGroup = { id: string; name: string; leaderId: string | null; memberIds: string[] };

export function NewRoundForm({
  orgs,
  inspectors,
  groups,
  selfId,
  today,
}: {
  orgs: PickerOrgs;
  inspectors: { id: string; name: string }[];
  /** The standing groups the round may be run by: choosing one fills in its members and leader. */
  groups: RoundGroup[];
  selfId: string | null;
  today: string;
}) {
  const t = useTranslations("inspections.new");
  const tt = useTranslations("orgType");
  const tr = useTranslations();
  const root = orgs.orgs[0]?.id ?? "";
  const of = useActionForm({
    id: "round",
    schema: ZCreateRound,
    action: createRound,
    defaultValues: {
      title: "",
      type: "SPOT_CHECK",
      unannounced: false,
      scopeOrgId: root,
      startsOn: today,
      endsOn: today,
      memberIds: selfId ? [selfId] : [],
      leaderId: selfId ?? "",
      groupId: "",
      mode: "draw",
      orgIds: [],
      draw: { rootOrgId: root, orgTypes: ["BRANCH"], size: 3, weighting: "NONE", seed: "" },
    },
    fields: {
      title: { label: t("titleLabel"), max: TITLE_MAX },
      type: { label: t("type") },
      scopeOrgId: { label: t("scope") },
      startsOn: { label: t("startsOn") },
      endsOn: { label: t("endsOn") },
      unannounced: { label: t("unannounced") },
      memberIds: { label: t("members") },
      leaderId: { label: t("leader") },
      groupId: { label: t("group") },
      mode: { label: t("targets") },
      orgIds: { label: t("orgs") },
      "draw.rootOrgId": { label: t("drawRoot") },
      "draw.size": { label: t("drawSize"), max: DRAW_MAX },
      "draw.orgTypes": { label: t("drawTypes") },
      "draw.weighting": { label: t("drawWeighting") },
      "draw.seed": { label: t("drawSeed"), max: SEED_MAX },
    },
    redirectTo: (data) => `/inspections/${data.roundId}`,
  });
  const [mode, scopeOrgId, orgIds, drawRootId] = useWatch({ control: of.form.control, name: ["mode", "scopeOrgId", "orgIds", "draw.rootOrgId"] });
  const people = inspectors.map((u) => ({ value: u.id, label: u.name }));
  // Choosing a standing group fills in its members and leader; they can still be changed.
  const groupId = useWatch({ control: of.form.control, name: "groupId" });
  const { setValue } = of.form;
  useEffect(() => {
    const group = groups.find((g) => g.id === groupId);
    if (!group) return;
    setValue("memberIds", group.memberIds);
    setValue("leaderId", group.leaderId ?? "");
  }, [groupId, groups, setValue]);

  return (
    <FormBody of={of} submitLabel={mode === "draw" ? t("submitDraw") : t("submit")} busyLabel={t("working")}>
      <InputField of={of} name="title" control={{ placeholder: t("titlePlaceholder") }} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField of={of} name="type" options={INSPECTION_TYPES.map((type) => ({ value: type, label: tr(`inspectionType.${type}`) }))} />
        <InputField of={of} name="startsOn" type="date" />
        <InputField of={of} name="endsOn" type="date" />
      </div>
      <OrgPicker initial={orgs} find={find} selected={scopeOrgId}>
        {(choices) => (
          <SelectField of={of} name="scopeOrgId" hint={t("scopeHint")}>
            <OrgOptions orgs={choices} />
          </SelectField>
        )}
      </OrgPicker>
      <CheckboxField of={of} name="unannounced" hint={t("unannouncedHint")} />
      {groups.length > 0 ? (
        <SelectField
          of={of}
          name="groupId"
          blank={t("noGroup")}
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
          hint={t("groupHint")}
        />
      ) : null}
      <CheckboxesField of={of} name="memberIds" options={people} hint={people.length === 0 ? t("noInspectors") : undefined} />
      <SelectField of={of} name="leaderId" blank={t("noLeader")} options={people} />

      <div className="space-y-3 rounded-md border border-line p-4">
        <RadioField
          of={of}
          name="mode"
          options={[
            { value: "draw", label: t("modeDraw") },
            { value: "pick", label: t("modePick") },
          ]}
        />
        {mode === "pick" ? (
          <OrgPicker initial={orgs} find={find} selected={Array.isArray(orgIds) ? (orgIds as string[]) : undefined}>
            {(choices) => (
              <SelectField of={of} name="orgIds" multiple size={10} hint={t("orgsHint")}>
                <OrgOptions orgs={choices} />
              </SelectField>
            )}
          </OrgPicker>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            <OrgPicker initial={orgs} find={find} selected={drawRootId}>
              {(choices) => (
                <SelectField of={of} name="draw.rootOrgId" hint={t("drawRootHint")}>
                  <OrgOptions orgs={choices} />
                </SelectField>
              )}
            </OrgPicker>
            <InputField of={of} name="draw.size" type="number" control={{ min: 1, max: DRAW_MAX }} />
            <div className="sm:col-span-2">
              <CheckboxesField of={of} name="draw.orgTypes" options={DRAW_ORG_TYPES.map((type) => ({ value: type, label: tt(type) }))} />
            </div>
            <SelectField of={of} name="draw.weighting" options={DRAW_WEIGHTING_CHOICES.map((w) => ({ value: w, label: t(`weighting.${w}`) }))} />
            <InputField of={of} name="draw.seed" hint={t("drawSeedHint")} control={{ autoComplete: "off" }} />
          </div>
        )}
      </div>
    </FormBody>
  );
}
