import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NewRoundForm } from "@/components/inspections/new-round-form";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { dayString } from "@/lib/dates";
import { guardPage } from "@/lib/server/access/guard-page";
import { orgScopeWhere } from "@/lib/server/access/scope";
import { prisma } from "@/lib/server/db";
import { ROUND_CREATORS } from "@/lib/server/inspections/scope";
import { listOrgOptions } from "@/lib/server/orgs/list-orgs";
import { localized } from "@/lib/org-label";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspections"))("newRound") };
}

export default async function NewRoundPage() {
  const actor = await guardPage("page:/inspections/new", undefined, "/inspections/new");
  const [orgs, t, locale] = await Promise.all([listOrgOptions(actor, ROUND_CREATORS), getTranslations("inspections"), getLocale()]);
  // The inspectors the actor can put in a group: those holding the role somewhere in the actor's reach or above it.
  const inspectors = await prisma.user.findMany({
    where: {
      isActive: true,
      roles: {
        some: {
          role: "INSPECTOR",
          org: { OR: [orgScopeWhere(actor, ROUND_CREATORS), { id: { in: actor.grants.flatMap((g) => g.orgPath.split("/").filter(Boolean)) } }] },
        },
      },
    },
    orderBy: { name: "asc" },
    take: 200,
    select: { id: true, name: true },
  });
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
          orgs={orgs.map((o) => ({ id: o.id, depth: o.depth, label: localized(o.name, o.nameEn, locale) }))}
          inspectors={inspectors}
          selfId={actor.grants.some((g) => g.role === "INSPECTOR") ? actor.id : null}
          today={today}
        />
      </Card>
    </>
  );
}
