-- AlterTable
ALTER TABLE "payment" ADD COLUMN     "next_query_at" TIMESTAMPTZ(3),
ADD COLUMN     "query_step" SMALLINT NOT NULL DEFAULT 0;

-- The sweep finds due open payments by this index alone.
CREATE INDEX "payment_query_due" ON "payment" ("next_query_at") WHERE "status" IN ('created', 'pending');

-- Open payments from before the sweep: asked at their next step.
UPDATE "payment" SET "next_query_at" = "created_at" + interval '5 minutes' WHERE "status" IN ('created', 'pending');

-- Archived payments keep every column of the live table (lib/retention/archive.ts checks it).
ALTER TABLE "payment_archive" ADD COLUMN "next_query_at" TIMESTAMPTZ(3),
ADD COLUMN "query_step" SMALLINT NOT NULL DEFAULT 0;

-- Staff find a payment by the channel's trade number (the bank's reference on a statement).
CREATE INDEX "payment_channel_trade_no_idx" ON "payment"("channel_trade_no");
