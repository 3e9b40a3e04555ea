-- CreateIndex
CREATE INDEX "actions_created_at_id_idx" ON "actions"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "actions_subject_key_created_at_idx" ON "actions"("subject_key", "created_at" DESC);

-- CreateIndex
CREATE INDEX "actions_decided_by_id_created_at_idx" ON "actions"("decided_by_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "runs_external_id_idx" ON "runs"("external_id");
