// The demo reviewer: a person working the queues in the console (through its API, with a
// session), so evidence accumulates the real way — approvals wake the waiting agents, draft
// outcomes count towards promotion.
import { ConsoleApi, describeProblem } from "./console";
import { log } from "./log";
import { rng } from "./prng";
import { stats } from "./stats";
import { sleep } from "./trace";

type QueueItem = { id: string; type: string; escalatedAt: string | null };
type QueuePage = { items: QueueItem[]; total: number };
type ActionDetail = { proposedPayload: Record<string, unknown> };

type Decision =
  | { decision: "approve"; payload?: Record<string, unknown>; comment?: string }
  | { decision: "reject"; reason: string };
type DraftOutcome =
  | { outcome: "as_proposed"; comment?: string }
  | { outcome: "with_changes"; payload: Record<string, unknown>; comment?: string }
  | { outcome: "discarded"; reason: string };

/** How a careful reviewer treats each kind of request (seeded by the payload, so reproducible). */
function approvalFor(type: string, p: Record<string, unknown>): Decision {
  const r = rng(`review:${type}:${JSON.stringify(p)}`);
  switch (type) {
    case "payments.refund": {
      const amount = Number(p.amountUsd);
      if (amount > 250 && r.chance(0.5)) {
        return { decision: "approve", payload: { ...p, amountUsd: Math.round(amount * 50) / 100 }, comment: "Partial refund: the customer keeps the item, per policy." };
      }
      if (r.chance(0.12)) return { decision: "reject", reason: "The order is outside the 30-day refund window." };
      return { decision: "approve" };
    }
    case "ops.delete_environment": {
      const env = String(p.environment);
      if (env.startsWith("prod")) return { decision: "reject", reason: "Production environment: never deleted by an agent, whatever the traffic says." };
      if (r.chance(0.15)) return { decision: "reject", reason: "Still used by the QA team this week; ask again after the release." };
      return { decision: "approve", comment: "Checked with the owner; no traffic." };
    }
    case "ops.scale_service": {
      if (Number(p.replicas) > 12) return { decision: "approve", payload: { ...p, replicas: 12 }, comment: "Capped at 12 until the database connection pool is raised." };
      if (r.chance(0.1)) return { decision: "reject", reason: "The spike is over; no need to scale now." };
      return { decision: "approve" };
    }
    case "crm.update_record": {
      const fields = (p.fields ?? {}) as Record<string, unknown>;
      if (r.chance(0.12) && "nextStepDate" in fields) {
        const { nextStepDate, ...rest } = fields;
        return { decision: "approve", payload: { ...p, fields: { ...rest, next_step_on: nextStepDate } }, comment: "The CRM renamed nextStepDate to next_step_on." };
      }
      if (r.chance(0.08)) return { decision: "reject", reason: "Wrong record: this is the parent company's account." };
      return { decision: "approve" };
    }
    default:
      return { decision: "approve" };
  }
}

export class Reviewer {
  private supportDrafts = 0;
  private readonly skip = new Set<string>();
  private stopped = false;

  constructor(private readonly api: ConsoleApi) {}

  /** Works the queues until `mainPhaseDone()` and both queues are empty (of what it may decide). */
  async run(mainPhaseDone: () => boolean): Promise<void> {
    while (!this.stopped) {
      const approvals = await this.page("approval", 25);
      if (approvals === null) return;
      let worked = 0;
      for (const item of approvals) {
        await sleep(rng(`think:${item.id}`).int(250, 900));
        if (await this.decide(item)) worked++;
      }
      // Drafts a few at a time, so new approvals (agents are waiting on those) come first.
      const drafts = (await this.page("draft", 10)) ?? [];
      for (const item of drafts.slice(0, 6)) {
        await sleep(rng(`think:${item.id}`).int(100, 400));
        if (await this.recordDraft(item)) worked++;
      }
      if (worked === 0) {
        if (mainPhaseDone()) return;
        await sleep(300);
      }
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private async page(kind: "approval" | "draft", limit: number): Promise<QueueItem[] | null> {
    const r = await this.api.get<QueuePage>(`/api/console/queue?kind=${kind}&limit=${limit}&sort=oldest`);
    if (!r.ok || !r.data) {
      if (!r.missingRoute) log.warn(`reading the ${kind} queue failed: ${describeProblem(r)}`);
      return null;
    }
    return r.data.items.filter((i) => !this.skip.has(i.id));
  }

  private async payload(id: string): Promise<Record<string, unknown> | null> {
    const r = await this.api.get<ActionDetail>(`/api/console/actions/${id}`);
    return r.ok && r.data ? r.data.proposedPayload : null;
  }

  private async decide(item: QueueItem): Promise<boolean> {
    const proposed = await this.payload(item.id);
    if (!proposed) return this.giveUp(item.id);
    const d = approvalFor(item.type, proposed);
    const r = await this.api.post(`/api/console/actions/${item.id}/decision`, d);
    if (!r.ok) {
      // 409: decided elsewhere or claimed; 403: escalated items need a manager.
      if (r.status !== 409 && r.status !== 403) log.warn(`decision on ${item.type} failed: ${describeProblem(r)}`);
      return this.giveUp(item.id);
    }
    stats.bump(stats.reviews, d.decision === "reject" ? "rejected" : d.payload ? "approved with edits" : "approved");
    return true;
  }

  private async recordDraft(item: QueueItem): Promise<boolean> {
    let o: DraftOutcome = { outcome: "as_proposed" };
    if (item.type === "support.reply") {
      // Mostly sent as written — the support bot earns its promotion — with an occasional edit
      // or a draft that was not needed.
      const n = this.supportDrafts++;
      if (n % 40 === 17) {
        const p = await this.payload(item.id);
        if (p) o = { outcome: "with_changes", payload: { ...p, text: `${String(p.text)} If anything else comes up, just reply to this e-mail.` }, comment: "Added our usual closing line." };
      } else if (n % 60 === 44) {
        o = { outcome: "discarded", reason: "The customer already got an answer by phone." };
      }
    } else if (item.type === "ops.delete_environment") {
      o = { outcome: "discarded", reason: "Destructive: done by hand after checking with the owner." };
    }
    const r = await this.api.post(`/api/console/actions/${item.id}/draft-outcome`, o);
    if (!r.ok) {
      if (r.status !== 409 && r.status !== 403) log.warn(`draft outcome on ${item.type} failed: ${describeProblem(r)}`);
      return this.giveUp(item.id);
    }
    stats.bump(stats.reviews, `draft ${o.outcome.replace("_", " ")}`);
    return true;
  }

  private giveUp(id: string): boolean {
    this.skip.add(id);
    return false;
  }
}
