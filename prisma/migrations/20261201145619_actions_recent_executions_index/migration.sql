-- DropIndex
DROP INDEX "actions_action_type_id_outcome_at_idx";

-- CreateIndex
CREATE INDEX "actions_recent_executions_idx" ON "actions"("action_type_id", "outcome_at" DESC, "status") WHERE (outcome_at IS NOT NULL) AND (status = ANY (ARRAY['executed'::"ActionStatus", 'failed'::"ActionStatus"]));
