// The simulated world: customers' tickets, CRM notes, services and environments. Small, varied
// enough that queue previews and traces read like a real fleet's.
import type { Rng } from "./prng";

export type TicketIntent = "refund" | "shipping" | "account" | "billing" | "bug";

const FIRST = ["Ana", "Ben", "Chloé", "Dev", "Emeka", "Fatima", "Grace", "Hiro", "Ines", "Jonas", "Kofi", "Lena", "Marco", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tomás", "Uma", "Viktor", "Wen", "Yara", "Zoe"];
const LAST = ["Almeida", "Brooks", "Chen", "Dubois", "Eze", "Fischer", "García", "Hansen", "Ito", "Jensen", "Kowalski", "Larsen", "Müller", "Nakamura", "Okafor", "Patel", "Rossi", "Silva", "Tanaka", "Weber"];

const TICKETS: Record<TicketIntent, string[]> = {
  refund: [
    "My order {order} arrived damaged, the glass lid is cracked. I'd like my money back.",
    "I was charged twice for order {order}. Please refund the duplicate.",
    "The headphones from {order} stopped working after a week. Can I get a refund?",
    "I cancelled {order} within the trial period but was still billed.",
    "Order {order} never arrived and tracking hasn't moved for 12 days. Refund please.",
  ],
  shipping: [
    "Where is my order {order}? It says 'label created' since Monday.",
    "Can I change the delivery address for {order}? I'm moving this week.",
    "The courier left {order} at the wrong door, what can I do?",
  ],
  account: [
    "I can't log in, the reset e-mail never arrives.",
    "Please delete my account and all my data.",
    "How do I add a second user to our team plan?",
  ],
  billing: [
    "Can I get an invoice with our VAT number for last month?",
    "Why did my plan price go up this month?",
    "Please switch us to annual billing.",
  ],
  bug: [
    "The export button does nothing in Safari.",
    "Dashboard charts show yesterday's data only.",
    "The mobile app crashes when I open settings.",
  ],
};

const REPLIES: Record<TicketIntent, string> = {
  refund: "Hi {name}, I'm sorry about {order}. I've started a refund of ${amount}; you'll see it on your statement within 5–10 business days.",
  shipping: "Hi {name}, thanks for your patience. {order} is with the courier; I've opened a trace and will update you within 24 hours.",
  account: "Hi {name}, I've checked your account and sent the next steps to your e-mail address on file.",
  billing: "Hi {name}, thanks for reaching out. I've attached the details you asked for and updated your billing settings.",
  bug: "Hi {name}, thanks for the report. Our engineers can reproduce it and a fix is scheduled; I'll let you know when it ships.",
};

export type Ticket = { id: string; customer: string; email: string; order: string; intent: TicketIntent; text: string; channel: "email" | "chat" };

export function ticket(r: Rng, i: number): Ticket {
  const intent = r.pick<TicketIntent>(["refund", "refund", "refund", "shipping", "shipping", "account", "billing", "bug"]);
  const first = r.pick(FIRST);
  const order = `ORD-${r.int(100000, 999999)}`;
  return {
    id: `T-${48210 + i}`,
    customer: `${first} ${r.pick(LAST)}`,
    email: `${first.toLowerCase().normalize("NFD").replace(/[^a-z]/g, "")}${r.int(1, 99)}@example.com`,
    order,
    intent,
    text: r.pick(TICKETS[intent]).replaceAll("{order}", order),
    channel: r.chance(0.6) ? "email" : "chat",
  };
}

export function replyText(t: Ticket, amount: number): string {
  return REPLIES[t.intent]
    .replaceAll("{name}", t.customer.split(" ")[0])
    .replaceAll("{order}", t.order)
    .replaceAll("{amount}", amount.toFixed(2));
}

const COMPANIES = ["Acme Robotics", "Bluefin Logistics", "Cobalt Health", "Driftwood Studios", "Evergreen Foods", "Fjord Analytics", "Granite Legal", "Helios Energy", "Iris Optics", "Juniper Retail"];
const STAGES = ["qualified", "demo_scheduled", "proposal_sent", "negotiation", "closed_won", "closed_lost"];

export type CrmNote = { recordId: string; object: "contact" | "deal"; company: string; note: string; fields: Record<string, string | number> };

export function crmNote(r: Rng): CrmNote {
  const company = r.pick(COMPANIES);
  const deal = r.chance(0.6);
  if (deal) {
    const stage = r.pick(STAGES);
    const amount = r.int(8, 240) * 500;
    return {
      recordId: `deal_${r.int(10000, 99999)}`,
      object: "deal",
      company,
      note: `Call with ${company}: moving to ${stage.replace("_", " ")}, budget around $${amount.toLocaleString("en-US")}.`,
      fields: { stage, amountUsd: amount, nextStepDate: `2026-12-${String(r.int(1, 28)).padStart(2, "0")}` },
    };
  }
  const first = r.pick(FIRST);
  return {
    recordId: `contact_${r.int(10000, 99999)}`,
    object: "contact",
    company,
    note: `${first} from ${company} is now Head of Operations; prefers e-mail.`,
    fields: { title: "Head of Operations", preferredChannel: "email", company },
  };
}

export const SERVICES = ["checkout-api", "search-indexer", "notifications-worker", "pricing-service", "image-resizer", "auth-gateway"];
export const ENVIRONMENTS = ["preview-pr-1432", "preview-pr-1457", "preview-pr-1460", "qa-load-test", "staging-eu-old", "demo-sales-q3", "prod-us-east"];

export const KB_QUERIES = [
  "how to export invoices as csv",
  "change billing currency",
  "sso with okta",
  "api rate limits",
  "delete workspace",
  "refund policy digital goods",
  "two factor reset without phone",
  "webhook retries",
  "data retention period",
  "add team members on starter plan",
];
