import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NewRoundForm } from "@/components/inspections/new-round-form";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { dayString } from "@/lib/dates";
import { guardPage } from "@/lib/server/access/guard-page";
import { can } from "@/lib/server/access/permissions";
import { groupsForRounds } from "@/lib/server/inspections/groups";
import { listInspectorsFor } from "@/lib/server/inspections/queries";
import { findPickerOrgs } from "@/lib/server/orgs/list-orgs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspections"))("newRound") };
}

export default async function NewRoundPage() {
  const actor = await guardPage("page:/inspections/new", undefined, "/inspections/new");
  const [orgs, inspectors, groups, t] = await Promise.all([
    findPickerOrgs(actor, "round.create"),
    listInspectorsFor(actor),
    groupsForRounds(actor),
    getTranslations("inspections"),
  ]);
  const today = dayString();
  return (
    <>
      <PageHeading title={t("newRound")} subtitle={t("newRoundHint")}>
        <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-muted">
          <Link href="/inspections" className="hover:text-brand hover:underline">
            {t("title")}
          </Link>
        </nav>
      </PageHeading>
      <Card className="max-w-3xl">
        <NewRoundForm
          orgs={orgs}
          inspectors={inspectors}
          groups={groups.map((g) => ({ id: g.id, name: g.name, leaderId: g.leaderId, memberIds: g.members.map((m) => m.userId) }))}
          selfId={can(actor, "round.member") ? actor.id : null}
          today={today}
        />
      </Card>
    </>
  );
}
