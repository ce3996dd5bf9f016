"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { catalogProblemLocation, type CatalogProblem } from "@/lib/catalogs/catalog-problems";
import type { UploadProblem } from "@/lib/server/catalogs/catalogs";

const SHOWN = 200;

/** Every problem of a refused file, where it is and what is wrong, in the user's language. */
export function CatalogProblems({ problems }: { problems: UploadProblem[] }) {
  const t = useTranslations("catalogProblems");
  const tc = useTranslations("catalogs");
  return (
    <Alert tone="error" className="space-y-2">
      <p className="font-medium">{tc("refused", { count: problems.length })}</p>
      <ul className="list-disc space-y-1 pl-5" data-testid="catalog-problems">
        {problems.slice(0, SHOWN).map((problem, index) => {
          const where = problem.code === "versionExists" ? undefined : catalogProblemLocation(problem as CatalogProblem);
          return (
            <li key={index}>
              {where ? t("located", { where: t(where.key, where.params), problem: t(problem.code, problem.params) }) : t(problem.code, problem.params)}
            </li>
          );
        })}
      </ul>
      {problems.length > SHOWN ? <p>{tc("moreProblems", { count: problems.length - SHOWN })}</p> : null}
    </Alert>
  );
}
