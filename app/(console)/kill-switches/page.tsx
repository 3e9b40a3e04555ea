import type { Metadata } from "next";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getActiveKillSwitches, getGlobalKillSwitch } from "@/lib/switches";
import { PageHeader } from "@/components/shell/page-header";
import { ActiveSwitchesTable } from "@/components/switches/active-switches";
import { KillSwitchControl } from "@/components/switches/kill-switch-control";

export const metadata: Metadata = { title: "Kill switches" };

export default async function KillSwitchesPage() {
  const actor = await requirePageActor("viewer");
  const [global, active] = await Promise.all([getGlobalKillSwitch(getDb(), actor), getActiveKillSwitches(getDb())]);
  return (
    <>
      <PageHeader
        title="Kill switches"
        description="Stop agents at once: the next request on every instance is halted, and agents waiting on a decision are told halted. Every flip is an audit event and an incident."
      />
      <div className="space-y-6">
        <KillSwitchControl
          target={{ kind: "global" }}
          state={global}
          canFlip={hasRole(actor.role, "manager")}
          title="Global kill switch"
          description="Halts every agent: all pending actions and every new action request, until it is turned off."
        />
        <ActiveSwitchesTable switches={active} />
      </div>
    </>
  );
}
