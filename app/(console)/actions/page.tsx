import type { Metadata } from "next";
import { listActionTypes } from "@/lib/action-types";
import { listActions } from "@/lib/actions";
import { listAgents } from "@/lib/agents";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listReviewers } from "@/lib/users";
import { actionFiltersFrom, PAGE_SIZE } from "@/components/actions/action-params";
import { ActionsView } from "@/components/actions/actions-view";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Actions" };

export default async function ActionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("viewer");
  const db = getDb();
  const filters = actionFiltersFrom(await searchParams);
  const [initial, agents, types, reviewers] = await Promise.all([
    listActions(db, actor, { ...filters, limit: PAGE_SIZE }),
    listAgents(db, actor),
    listActionTypes(db, actor),
    listReviewers(db, actor),
  ]);
  return (
    <>
      <PageHeader title="Actions" description="Everything agents asked to do, and what became of it: waiting, decided by a person, allowed by policy, or refused." />
      <ActionsView
        initial={initial}
        initialFilters={filters}
        options={{ agents: agents.map((a) => ({ id: a.id, name: a.name })), types: types.map((t) => t.key), reviewers }}
      />
    </>
  );
}
