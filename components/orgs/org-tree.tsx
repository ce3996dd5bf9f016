"use client";

import { ChevronDown, ChevronRight } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { listOrgChildren } from "@/lib/actions/orgs";
import { localized } from "@/lib/org-label";
import type { OrgLevel, OrgNode } from "@/lib/server/orgs/browse-orgs";

/** What a node shows: its name (to its page), code and type, and whether it is closed. */
export function OrgNodeLabel({ node }: { node: Pick<OrgNode, "id" | "code" | "name" | "nameEn" | "type" | "isClosed"> }) {
  const locale = useLocale();
  const to = useTranslations("orgType");
  const t = useTranslations("adminOrgs");
  return (
    <span className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
      <Link href={`/admin/orgs/${node.id}`} className="font-medium hover:text-brand hover:underline">
        {localized(node.name, node.nameEn, locale)}
      </Link>
      <span className="font-mono text-xs text-muted">{node.code}</span>
      <Badge>{to(node.type)}</Badge>
      {node.isClosed ? <Badge tone="warn">{t("closed")}</Badge> : null}
    </span>
  );
}

/**
 * One level of the tree and, for each node opened, the level below it,
 * loaded when it is opened (a province has thousands of organizations).
 * Each toggle is a button that says what it opens.
 */
function Level({ level, depth }: { level: OrgLevel; depth: number }) {
  const t = useTranslations("adminOrgs");
  const [nodes, setNodes] = useState(level.nodes);
  const [page, setPage] = useState(level.page);
  const [hasMore, setHasMore] = useState(level.hasMore);
  const [isLoading, start] = useTransition();
  return (
    <ul className={depth === 0 ? "divide-y divide-line" : "ml-5 border-l border-line pl-3"}>
      {nodes.map((node) => (
        <TreeNode key={node.id} node={node} depth={depth} />
      ))}
      {hasMore ? (
        <li className="py-2">
          <Button
            type="button"
            variant="ghost"
            size="sm"
            disabled={isLoading}
            onClick={() =>
              start(async () => {
                const parent = level.parentId;
                if (!parent) return;
                const result = await listOrgChildren({ parentId: parent, page: page + 1 });
                if (!result.ok) return;
                setNodes((shown) => [...shown, ...result.data.nodes]);
                setPage(result.data.page);
                setHasMore(result.data.hasMore);
              })
            }
          >
            {t("more", { shown: nodes.length, total: level.total })}
          </Button>
        </li>
      ) : null}
    </ul>
  );
}

function TreeNode({ node, depth }: { node: OrgNode; depth: number }) {
  const t = useTranslations("adminOrgs");
  const locale = useLocale();
  const [children, setChildren] = useState<OrgLevel | null>(null);
  const [isOpen, setIsOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const [isLoading, start] = useTransition();
  const name = localized(node.name, node.nameEn, locale);
  const toggle = () => {
    if (isOpen) return setIsOpen(false);
    setIsOpen(true);
    if (children) return;
    start(async () => {
      const result = await listOrgChildren({ parentId: node.id, page: 1 });
      setFailed(!result.ok);
      if (result.ok) setChildren(result.data);
    });
  };
  return (
    <li className="py-1.5" data-testid="org-node" data-code={node.code}>
      <div className="flex items-start gap-1">
        {node.childCount > 0 ? (
          <button
            type="button"
            onClick={toggle}
            aria-expanded={isOpen}
            aria-label={isOpen ? t("collapse", { name }) : t("expand", { name, count: node.childCount })}
            className="mt-0.5 rounded p-0.5 text-muted hover:bg-surface hover:text-ink focus-visible:outline-2 focus-visible:outline-brand"
          >
            {isOpen ? <ChevronDown className="size-4" aria-hidden /> : <ChevronRight className="size-4" aria-hidden />}
          </button>
        ) : (
          <span className="inline-block w-5" aria-hidden />
        )}
        <div className="min-w-0 flex-1">
          <OrgNodeLabel node={node} />
          {node.childCount > 0 ? <span className="text-xs text-muted">{t("childCount", { count: node.childCount })}</span> : null}
        </div>
      </div>
      {isOpen ? (
        isLoading ? (
          <p role="status" className="ml-7 py-1 text-sm text-muted">
            {t("loading")}
          </p>
        ) : failed ? (
          <p role="alert" className="ml-7 py-1 text-sm text-danger">
            {t("loadFailed")}
          </p>
        ) : children ? (
          <Level level={children} depth={depth + 1} />
        ) : null
      ) : null}
    </li>
  );
}

/** The tops of the administrator's subtrees, opened a level at a time. */
export function OrgTree({ roots }: { roots: OrgLevel }) {
  return <Level level={roots} depth={0} />;
}
