-- Decision receipts and the tamper-evident audit log (docs/audit-log.md): receipt columns and a
-- content hash on audit events, the hash chain, signed checkpoints, action type versions, the
-- agent's executed-payload digest on actions.

-- AlterTable
ALTER TABLE "actions" ADD COLUMN     "digest_mismatch" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "executed_digest" TEXT;

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "action_type_id" UUID,
ADD COLUMN     "agent_id" UUID,
ADD COLUMN     "content_hash" TEXT,
ADD COLUMN     "payload_digest" TEXT,
ADD COLUMN     "policy_version" INTEGER,
ADD COLUMN     "xact_id" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint;

-- CreateTable
CREATE TABLE "audit_chain" (
    "seq" BIGINT NOT NULL,
    "event_id" BIGINT NOT NULL,
    "event_xact_id" BIGINT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "prev_hash" TEXT NOT NULL,
    "chain_hash" TEXT NOT NULL,
    "linked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_chain_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "audit_checkpoints" (
    "seq" BIGINT NOT NULL,
    "chain_hash" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audit_checkpoints_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "action_type_versions" (
    "action_type_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "settings" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_type_versions_pkey" PRIMARY KEY ("action_type_id","version")
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_chain_event_id_key" ON "audit_chain"("event_id");

-- CreateIndex
CREATE INDEX "audit_events_xact_id_id_idx" ON "audit_events"("xact_id", "id");

-- AddForeignKey
ALTER TABLE "action_type_versions" ADD CONSTRAINT "action_type_versions_action_type_id_fkey" FOREIGN KEY ("action_type_id") REFERENCES "action_types"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every version of an action type's settings (docs/audit-log.md#policy-versions): a snapshot on
-- insert and on every version change (the version trigger bumps it on every change), so no code
-- path can change a type without leaving its version behind.
CREATE FUNCTION warden_record_action_type_version() RETURNS trigger AS $$ BEGIN IF TG_OP = 'INSERT' OR NEW.version IS DISTINCT FROM OLD.version THEN INSERT INTO action_type_versions (action_type_id, version, settings, created_at) VALUES (NEW.id, NEW.version, to_jsonb(NEW) - ARRAY['id', 'key', 'version', 'created_at', 'updated_at'], now()) ON CONFLICT (action_type_id, version) DO NOTHING; END IF; RETURN NULL; END $$ LANGUAGE plpgsql;

CREATE TRIGGER action_types_record_version
  AFTER INSERT OR UPDATE ON "action_types"
  FOR EACH ROW EXECUTE FUNCTION warden_record_action_type_version();

INSERT INTO action_type_versions (action_type_id, version, settings, created_at)
SELECT id, version, to_jsonb(t) - ARRAY['id', 'key', 'version', 'created_at', 'updated_at'], updated_at FROM action_types t;

-- The audit log, its chain and its checkpoints are append-only for the application: UPDATE is
-- refused, DELETE too except inside retention's transaction (SET LOCAL warden.audit_retention).
-- Someone who can drop the trigger can still rewrite rows; the signed checkpoints expose that.
CREATE FUNCTION warden_audit_append_only() RETURNS trigger AS $$ BEGIN IF TG_OP = 'DELETE' AND current_setting('warden.audit_retention', true) = 'on' THEN RETURN OLD; END IF; RAISE EXCEPTION '% is append-only: % refused (docs/audit-log.md)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege'; END $$ LANGUAGE plpgsql;

CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION warden_audit_append_only();

CREATE TRIGGER audit_chain_append_only
  BEFORE UPDATE OR DELETE ON "audit_chain"
  FOR EACH ROW EXECUTE FUNCTION warden_audit_append_only();

CREATE TRIGGER audit_checkpoints_append_only
  BEFORE UPDATE OR DELETE ON "audit_checkpoints"
  FOR EACH ROW EXECUTE FUNCTION warden_audit_append_only();
