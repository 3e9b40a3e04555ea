-- CreateEnum
CREATE TYPE "Role" AS ENUM ('viewer', 'reviewer', 'manager', 'admin');

-- CreateEnum
CREATE TYPE "AgentStatus" AS ENUM ('active', 'paused', 'disabled');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('running', 'succeeded', 'failed', 'halted');

-- CreateEnum
CREATE TYPE "SpanKind" AS ENUM ('llm', 'tool', 'retrieval', 'guardrail', 'other');

-- CreateEnum
CREATE TYPE "SpanStatus" AS ENUM ('ok', 'error', 'unset');

-- CreateEnum
CREATE TYPE "ActionRoute" AS ENUM ('execute', 'approval', 'draft', 'rejected', 'halted');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('pending', 'approved', 'rejected', 'expired', 'executed', 'failed', 'drafted', 'discarded', 'halted');

-- CreateEnum
CREATE TYPE "ReviewVerdict" AS ENUM ('accepted', 'edited', 'rejected', 'passed', 'failed');

-- CreateEnum
CREATE TYPE "ReviewSource" AS ENUM ('human', 'rule', 'judge');

-- CreateEnum
CREATE TYPE "IncidentSeverity" AS ENUM ('info', 'warning', 'critical');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('open', 'acknowledged', 'resolved');

-- CreateEnum
CREATE TYPE "RolloutStage" AS ENUM ('internal', 'beta', 'pct5', 'pct25', 'pct50', 'pct100');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "disabled_at" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempts" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT,
    "succeeded" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agents" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "status" "AgentStatus" NOT NULL DEFAULT 'active',
    "kill_switch" BOOLEAN NOT NULL DEFAULT false,
    "run_cost_budget_micros" BIGINT,
    "run_token_budget" BIGINT,
    "hourly_cost_cap_micros" BIGINT,
    "daily_cost_cap_micros" BIGINT,
    "loop_threshold" INTEGER,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "agents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "agent_id" UUID NOT NULL,
    "name" TEXT,
    "prefix" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action_types" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "description" TEXT,
    "level" INTEGER NOT NULL DEFAULT 3,
    "blocked" BOOLEAN NOT NULL DEFAULT false,
    "kill_switch" BOOLEAN NOT NULL DEFAULT false,
    "risk_label" TEXT,
    "payload_schema" JSONB,
    "min_confidence" DOUBLE PRECISION,
    "audit_sample_rate" DOUBLE PRECISION NOT NULL DEFAULT 0.1,
    "approval_timeout_seconds" INTEGER NOT NULL DEFAULT 86400,
    "timeout_behavior" TEXT NOT NULL DEFAULT 'reject',
    "rollout_stage" "RolloutStage" NOT NULL DEFAULT 'pct100',
    "promotion_thresholds" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "action_types_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "runs" (
    "id" UUID NOT NULL,
    "agent_id" UUID NOT NULL,
    "external_id" TEXT,
    "trace_id" TEXT,
    "session_id" TEXT,
    "end_user" TEXT,
    "agent_version" TEXT,
    "status" "RunStatus" NOT NULL DEFAULT 'running',
    "halt_reason" TEXT,
    "input" JSONB,
    "output" JSONB,
    "error" TEXT,
    "metadata" JSONB,
    "input_tokens" BIGINT NOT NULL DEFAULT 0,
    "output_tokens" BIGINT NOT NULL DEFAULT 0,
    "cost_micros" BIGINT NOT NULL DEFAULT 0,
    "span_count" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "spans" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "external_id" TEXT,
    "parent_id" TEXT,
    "kind" "SpanKind" NOT NULL DEFAULT 'other',
    "name" TEXT NOT NULL,
    "model" TEXT,
    "input_tokens" INTEGER NOT NULL DEFAULT 0,
    "output_tokens" INTEGER NOT NULL DEFAULT 0,
    "cost_micros" BIGINT NOT NULL DEFAULT 0,
    "status" "SpanStatus" NOT NULL DEFAULT 'unset',
    "input" JSONB,
    "output" JSONB,
    "attributes" JSONB,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,

    CONSTRAINT "spans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actions" (
    "id" UUID NOT NULL,
    "agent_id" UUID NOT NULL,
    "run_id" UUID,
    "action_type_id" UUID NOT NULL,
    "proposed_payload" JSONB NOT NULL,
    "approved_payload" JSONB,
    "executed_payload" JSONB,
    "rationale" TEXT,
    "confidence" DOUBLE PRECISION,
    "level_at_request" INTEGER NOT NULL,
    "route" "ActionRoute" NOT NULL,
    "route_reason" TEXT NOT NULL,
    "status" "ActionStatus" NOT NULL,
    "subject_key" TEXT,
    "claimed_by_id" UUID,
    "claim_expires_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_reason" TEXT,
    "due_at" TIMESTAMPTZ(3),
    "outcome" TEXT,
    "outcome_output" JSONB,
    "outcome_error" TEXT,
    "outcome_at" TIMESTAMPTZ(3),
    "audit_sampled" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reviews" (
    "id" UUID NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" UUID NOT NULL,
    "reviewer_id" UUID,
    "source" "ReviewSource" NOT NULL,
    "verdict" "ReviewVerdict",
    "score" DOUBLE PRECISION,
    "score_name" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "comment" TEXT,
    "edit_size" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "autonomy_changes" (
    "id" UUID NOT NULL,
    "action_type_id" UUID NOT NULL,
    "from_level" INTEGER NOT NULL,
    "to_level" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'applied',
    "automatic" BOOLEAN NOT NULL DEFAULT false,
    "override" BOOLEAN NOT NULL DEFAULT false,
    "by_id" UUID,
    "approved_by_id" UUID,
    "reason" TEXT NOT NULL,
    "decision_reason" TEXT,
    "evidence" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "autonomy_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incidents" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "severity" "IncidentSeverity" NOT NULL DEFAULT 'warning',
    "status" "IncidentStatus" NOT NULL DEFAULT 'open',
    "agent_id" UUID,
    "run_id" UUID,
    "title" TEXT NOT NULL,
    "details" JSONB,
    "acknowledged_by_id" UUID,
    "acknowledged_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_prices" (
    "model" TEXT NOT NULL,
    "input_micros_per_million" BIGINT NOT NULL,
    "output_micros_per_million" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "model_prices_pkey" PRIMARY KEY ("model")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "idempotency_records" (
    "agent_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'in_flight',
    "response_code" INTEGER,
    "response_body" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "idempotency_records_pkey" PRIMARY KEY ("agent_id","key")
);

-- CreateTable
CREATE TABLE "rate_limit_windows" (
    "key_id" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rate_limit_windows_pkey" PRIMARY KEY ("key_id","window_start")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "login_attempts_email_created_at_idx" ON "login_attempts"("email", "created_at");

-- CreateIndex
CREATE INDEX "login_attempts_ip_created_at_idx" ON "login_attempts"("ip", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "agents_name_key" ON "agents"("name");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys"("prefix");

-- CreateIndex
CREATE INDEX "api_keys_agent_id_idx" ON "api_keys"("agent_id");

-- CreateIndex
CREATE UNIQUE INDEX "action_types_key_key" ON "action_types"("key");

-- CreateIndex
CREATE INDEX "runs_agent_id_started_at_idx" ON "runs"("agent_id", "started_at" DESC);

-- CreateIndex
CREATE INDEX "runs_status_started_at_idx" ON "runs"("status", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "runs_agent_id_external_id_key" ON "runs"("agent_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "runs_agent_id_trace_id_key" ON "runs"("agent_id", "trace_id");

-- CreateIndex
CREATE INDEX "spans_run_id_started_at_idx" ON "spans"("run_id", "started_at");

-- CreateIndex
CREATE INDEX "spans_started_at_idx" ON "spans"("started_at");

-- CreateIndex
CREATE INDEX "spans_kind_model_started_at_idx" ON "spans"("kind", "model", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "spans_run_id_external_id_key" ON "spans"("run_id", "external_id");

-- CreateIndex
CREATE INDEX "actions_status_route_created_at_idx" ON "actions"("status", "route", "created_at");

-- CreateIndex
CREATE INDEX "actions_status_due_at_idx" ON "actions"("status", "due_at");

-- CreateIndex
CREATE INDEX "actions_action_type_id_status_created_at_idx" ON "actions"("action_type_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "actions_agent_id_created_at_idx" ON "actions"("agent_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "actions_run_id_idx" ON "actions"("run_id");

-- CreateIndex
CREATE INDEX "reviews_target_type_target_id_idx" ON "reviews"("target_type", "target_id");

-- CreateIndex
CREATE INDEX "reviews_score_name_created_at_idx" ON "reviews"("score_name", "created_at");

-- CreateIndex
CREATE INDEX "autonomy_changes_action_type_id_created_at_idx" ON "autonomy_changes"("action_type_id", "created_at");

-- CreateIndex
CREATE INDEX "autonomy_changes_status_idx" ON "autonomy_changes"("status");

-- CreateIndex
CREATE INDEX "incidents_status_created_at_idx" ON "incidents"("status", "created_at");

-- CreateIndex
CREATE INDEX "incidents_agent_id_created_at_idx" ON "incidents"("agent_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_target_type_target_id_created_at_idx" ON "audit_events"("target_type", "target_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_created_at_idx" ON "audit_events"("created_at");

-- CreateIndex
CREATE INDEX "idempotency_records_created_at_idx" ON "idempotency_records"("created_at");

-- CreateIndex
CREATE INDEX "rate_limit_windows_window_start_idx" ON "rate_limit_windows"("window_start");

-- AddForeignKey
ALTER TABLE "agents" ADD CONSTRAINT "agents_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "spans" ADD CONSTRAINT "spans_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_action_type_id_fkey" FOREIGN KEY ("action_type_id") REFERENCES "action_types"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_claimed_by_id_fkey" FOREIGN KEY ("claimed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "autonomy_changes" ADD CONSTRAINT "autonomy_changes_action_type_id_fkey" FOREIGN KEY ("action_type_id") REFERENCES "action_types"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "autonomy_changes" ADD CONSTRAINT "autonomy_changes_by_id_fkey" FOREIGN KEY ("by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "autonomy_changes" ADD CONSTRAINT "autonomy_changes_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_acknowledged_by_id_fkey" FOREIGN KEY ("acknowledged_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
