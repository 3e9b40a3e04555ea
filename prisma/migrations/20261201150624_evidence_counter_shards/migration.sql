-- AlterTable
ALTER TABLE "evidence_daily" DROP CONSTRAINT "evidence_daily_pkey",
ADD COLUMN     "shard" SMALLINT NOT NULL DEFAULT 0,
ADD CONSTRAINT "evidence_daily_pkey" PRIMARY KEY ("action_type_id", "day", "shard");
