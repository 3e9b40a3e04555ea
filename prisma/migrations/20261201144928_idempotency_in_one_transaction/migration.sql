-- Keys claimed by requests that never finished carry no answer: drop them (a retry runs afresh).
DELETE FROM "idempotency_records" WHERE "status" <> 'done' OR "response_code" IS NULL OR "response_body" IS NULL;

-- AlterTable
ALTER TABLE "idempotency_records" DROP COLUMN "completed_at",
DROP COLUMN "status",
ALTER COLUMN "response_code" SET NOT NULL,
ALTER COLUMN "response_body" SET NOT NULL;
