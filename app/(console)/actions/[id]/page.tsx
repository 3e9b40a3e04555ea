import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getActionDetail } from "@/lib/review";
import { ActionReview } from "@/components/review/action-review";

// Cached per request so the page and its <title> share one session check and one query.
const load = cache(async (id: string) => {
  const actor = await requirePageActor("viewer");
  try {
    return { actor, action: await getActionDetail(getDb(), actor, id) };
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
});

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { action } = await load((await params).id);
  return { title: `${action.type.key} · ${action.agent.name}` };
}

export default async function ActionPage({ params }: Props) {
  const { actor, action } = await load((await params).id);
  // Keyed by id: moving to the next item starts a fresh page state (dialogs, claim, errors).
  return <ActionReview key={action.id} initial={action} role={actor.role} me={actor.name ?? actor.email} />;
}
