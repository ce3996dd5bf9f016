"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { recordTourFeedback as record } from "@/lib/server/inspections/tours";
import { findPickerOrgs } from "@/lib/server/orgs/list-orgs";
import { ZRecordTourFeedback } from "@/lib/validation/inspections";
import { ZFindOrgs } from "@/lib/validation/users";

/** The units feedback may be entered for, found by name or code (the form's OrgPicker). */
export const findTourOrgs = defineAction("action:findTourOrgs", ZFindOrgs, () => undefined, (actor, { q }) => findPickerOrgs(actor, "inspection.oversee", q || undefined));

/** The committee enters a tour's feedback to a unit, its problems becoming findings; answers the feedback's id. */
export const recordTourFeedback = defineAction("action:recordTourFeedback", ZRecordTourFeedback, (input) => ({ orgId: input.orgId }), async (actor, input) => {
  const { tourId } = await record(actor, input);
  revalidatePath("/inspections/tours");
  return { id: tourId };
});
