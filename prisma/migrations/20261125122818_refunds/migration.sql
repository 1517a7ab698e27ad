-- CreateEnum
CREATE TYPE "refund_reason" AS ENUM ('COLD_ROOMS', 'SUSPENSION', 'OVERPAYMENT');

-- CreateEnum
CREATE TYPE "refund_state" AS ENUM ('submitted', 'under_review', 'approved', 'refunding', 'refunded', 'rejected', 'failed');

-- CreateTable
CREATE TABLE "refund_request" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "number" SERIAL NOT NULL,
    "utility_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "bill_id" UUID NOT NULL,
    "resident_id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "reason" "refund_reason" NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "lines" JSONB NOT NULL,
    "note" TEXT,
    "state" "refund_state" NOT NULL DEFAULT 'submitted',
    "needs_supervisor" BOOLEAN NOT NULL,
    "first_approved_by" UUID,
    "first_approved_at" TIMESTAMPTZ(3),
    "reject_reason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "escalated_at" TIMESTAMPTZ(3),
    "expected_by" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refund_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refund_event" (
    "id" BIGSERIAL NOT NULL,
    "refund_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "from_state" "refund_state",
    "to_state" "refund_state" NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_kind" TEXT NOT NULL,
    "actor_id" UUID,
    "message" TEXT,
    "detail" JSONB,

    CONSTRAINT "refund_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refund_payout" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "refund_id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "out_refund_no" VARCHAR(64) NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "channel_refund_no" TEXT,
    "succeeded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refund_payout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refund_photo" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "refund_id" UUID NOT NULL,
    "storage_key" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refund_photo_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "refund_request_number_key" ON "refund_request"("number");

-- CreateIndex
CREATE INDEX "refund_request_utility_id_state_created_at_idx" ON "refund_request"("utility_id", "state", "created_at");

-- CreateIndex
CREATE INDEX "refund_request_bill_id_idx" ON "refund_request"("bill_id");

-- CreateIndex
CREATE INDEX "refund_request_resident_id_created_at_idx" ON "refund_request"("resident_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "refund_request_resident_id_idempotency_key_key" ON "refund_request"("resident_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "refund_event_refund_id_at_idx" ON "refund_event"("refund_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "refund_payout_out_refund_no_key" ON "refund_payout"("out_refund_no");

-- CreateIndex
CREATE INDEX "refund_payout_refund_id_idx" ON "refund_payout"("refund_id");

-- CreateIndex
CREATE INDEX "refund_payout_payment_id_idx" ON "refund_payout"("payment_id");

-- CreateIndex
CREATE INDEX "refund_payout_status_updated_at_idx" ON "refund_payout"("status", "updated_at");

-- CreateIndex
CREATE UNIQUE INDEX "refund_photo_storage_key_key" ON "refund_photo"("storage_key");

-- CreateIndex
CREATE INDEX "refund_photo_refund_id_idx" ON "refund_photo"("refund_id");

-- AddForeignKey
ALTER TABLE "refund_request" ADD CONSTRAINT "refund_request_bill_id_fkey" FOREIGN KEY ("bill_id") REFERENCES "bill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund_request" ADD CONSTRAINT "refund_request_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund_event" ADD CONSTRAINT "refund_event_refund_id_fkey" FOREIGN KEY ("refund_id") REFERENCES "refund_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund_payout" ADD CONSTRAINT "refund_payout_refund_id_fkey" FOREIGN KEY ("refund_id") REFERENCES "refund_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund_payout" ADD CONSTRAINT "refund_payout_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund_photo" ADD CONSTRAINT "refund_photo_refund_id_fkey" FOREIGN KEY ("refund_id") REFERENCES "refund_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The last guard of "never more than was paid": whatever the code does, the payouts of one
-- payment that are not failed never add up to more than it. The payment row is locked first, so
-- concurrent inserts on one payment are checked one after the other.
CREATE FUNCTION refund_payout_within_payment() RETURNS trigger AS $$
DECLARE
  paid bigint;
  total bigint;
BEGIN
  SELECT amount_fen INTO paid FROM payment WHERE id = NEW.payment_id FOR UPDATE;
  SELECT coalesce(sum(amount_fen), 0) INTO total FROM refund_payout WHERE payment_id = NEW.payment_id AND status <> 'failed';
  IF NEW.amount_fen <= 0 OR total > paid THEN
    RAISE EXCEPTION 'refund payouts of payment % would exceed what was paid', NEW.payment_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER refund_payout_within_payment AFTER INSERT OR UPDATE OF amount_fen, status ON refund_payout
  FOR EACH ROW EXECUTE FUNCTION refund_payout_within_payment();
