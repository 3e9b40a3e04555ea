import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listModelPrices } from "@/lib/prices";
import { PriceForm } from "@/components/prices/price-form";
import { PricesTable } from "@/components/prices/prices-table";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Model prices" };

export default async function ModelPricesPage() {
  const actor = await requirePageActor("manager");
  const rows = await listModelPrices(getDb(), actor);
  return (
    <>
      <PageHeader title="Model prices" description="What tokens cost, per model, so spans that report only tokens are priced — and budgets and spend caps count real money." />
      <div className="space-y-6">
        <PriceForm models={rows.map((r) => r.model)} />
        <PricesTable rows={rows} />
      </div>
    </>
  );
}
