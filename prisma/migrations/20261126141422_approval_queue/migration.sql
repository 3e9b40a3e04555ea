-- AlterTable
ALTER TABLE "actions" ADD COLUMN     "escalated_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "actions_status_route_agent_id_created_at_idx" ON "actions"("status", "route", "agent_id", "created_at");
