-- AlterTable
ALTER TABLE "action_types" ADD COLUMN     "kill_switch_changed_at" TIMESTAMPTZ(3),
ADD COLUMN     "kill_switch_reason" TEXT;

-- AlterTable
-- The two cap columns were never set by anything, so they are renamed to say they are alert thresholds.
ALTER TABLE "agents" RENAME COLUMN "hourly_cost_cap_micros" TO "hourly_spend_alert_micros";
ALTER TABLE "agents" RENAME COLUMN "daily_cost_cap_micros" TO "daily_spend_alert_micros";
ALTER TABLE "agents" ADD COLUMN     "daily_spend_cap_micros" BIGINT,
ADD COLUMN     "kill_switch_changed_at" TIMESTAMPTZ(3),
ADD COLUMN     "kill_switch_reason" TEXT;

-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "acknowledge_note" TEXT,
ADD COLUMN     "action_type_id" UUID,
ADD COLUMN     "dedupe_key" TEXT,
ADD COLUMN     "resolution_note" TEXT,
ADD COLUMN     "resolved_at" TIMESTAMPTZ(3),
ADD COLUMN     "resolved_by_id" UUID;

-- AlterTable
ALTER TABLE "model_prices" DROP CONSTRAINT "model_prices_pkey",
ADD COLUMN     "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "created_by_id" UUID,
ADD COLUMN     "effective_from" TIMESTAMPTZ(3) NOT NULL DEFAULT '1970-01-01 00:00:00+00',
ADD CONSTRAINT "model_prices_pkey" PRIMARY KEY ("model", "effective_from");
-- The seeded prices count from the epoch, so every span ever stored has a price in effect.

-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "cost_budget_micros" BIGINT,
ADD COLUMN     "halt_rule" TEXT,
ADD COLUMN     "halted_at" TIMESTAMPTZ(3),
ADD COLUMN     "loop_threshold" INTEGER,
ADD COLUMN     "loop_window_start" TIMESTAMPTZ(3),
ADD COLUMN     "token_budget" BIGINT;

-- CreateTable
CREATE TABLE "agent_spend_hourly" (
    "agent_id" UUID NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "shard" SMALLINT NOT NULL DEFAULT 0,
    "cost_micros" BIGINT NOT NULL DEFAULT 0,
    "tokens" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "agent_spend_hourly_pkey" PRIMARY KEY ("agent_id","hour","shard")
);

-- CreateTable
CREATE TABLE "alert_channels" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "format" TEXT NOT NULL DEFAULT 'standard',
    "kinds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "min_severity" "IncidentSeverity" NOT NULL DEFAULT 'warning',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_channels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_deliveries" (
    "id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "incident_id" UUID,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claim_token" UUID,
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_delivery_attempts" (
    "id" BIGSERIAL NOT NULL,
    "delivery_id" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "status_code" INTEGER,
    "error" TEXT,
    "duration_ms" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_delivery_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "alert_channels_name_key" ON "alert_channels"("name");

-- CreateIndex
CREATE INDEX "alert_deliveries_status_next_attempt_at_idx" ON "alert_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "alert_deliveries_channel_id_created_at_idx" ON "alert_deliveries"("channel_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "alert_delivery_attempts_delivery_id_at_idx" ON "alert_delivery_attempts"("delivery_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "incidents_dedupe_key_key" ON "incidents"("dedupe_key");

-- CreateIndex
CREATE INDEX "incidents_kind_created_at_idx" ON "incidents"("kind", "created_at");

-- CreateIndex
CREATE INDEX "incidents_created_at_idx" ON "incidents"("created_at");

-- CreateIndex
CREATE INDEX "incidents_run_id_idx" ON "incidents"("run_id");

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_action_type_id_fkey" FOREIGN KEY ("action_type_id") REFERENCES "action_types"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_prices" ADD CONSTRAINT "model_prices_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_spend_hourly" ADD CONSTRAINT "agent_spend_hourly_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_channels" ADD CONSTRAINT "alert_channels_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "alert_channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_delivery_attempts" ADD CONSTRAINT "alert_delivery_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "alert_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
