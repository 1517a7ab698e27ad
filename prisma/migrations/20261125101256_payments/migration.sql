-- CreateEnum
CREATE TYPE "payment_status" AS ENUM ('created', 'pending', 'succeeded', 'failed', 'expired', 'refunded', 'partially_refunded');

-- CreateTable
CREATE TABLE "payment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "out_trade_no" VARCHAR(32) NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "bill_id" UUID NOT NULL,
    "resident_id" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "status" "payment_status" NOT NULL DEFAULT 'created',
    "idempotency_key" TEXT NOT NULL,
    "quoted_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "channel_trade_no" TEXT,
    "launch" JSONB,
    "paid_at" TIMESTAMPTZ(3),
    "flagged_reason" TEXT,
    "flagged_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_event" (
    "id" BIGSERIAL NOT NULL,
    "payment_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "from_status" "payment_status",
    "to_status" "payment_status" NOT NULL,
    "source" TEXT NOT NULL,
    "detail" JSONB,

    CONSTRAINT "payment_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notify_replay" (
    "key" TEXT NOT NULL,
    "keep_until" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notify_replay_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "wechat_openid" (
    "app_id" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "resident_id" UUID NOT NULL,
    "linked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wechat_openid_pkey" PRIMARY KEY ("app_id","openid")
);

-- CreateTable
CREATE TABLE "wechat_token_cache" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "wechat_token_cache_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "sandbox_bank_trade" (
    "bank_trade_no" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "out_trade_no" TEXT NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "subject" TEXT NOT NULL,
    "notify_url" TEXT NOT NULL,
    "return_url" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "paid_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_bank_trade_pkey" PRIMARY KEY ("bank_trade_no")
);

-- CreateTable
CREATE TABLE "sandbox_bank_refund" (
    "bank_refund_no" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "out_trade_no" TEXT NOT NULL,
    "out_refund_no" TEXT NOT NULL,
    "refund_fen" BIGINT NOT NULL,
    "notify_url" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "succeeded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_bank_refund_pkey" PRIMARY KEY ("bank_refund_no")
);

-- CreateTable
CREATE TABLE "sandbox_bank_nonce" (
    "key" TEXT NOT NULL,
    "keep_until" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sandbox_bank_nonce_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "payment_out_trade_no_key" ON "payment"("out_trade_no");

-- CreateIndex
CREATE UNIQUE INDEX "payment_seq_key" ON "payment"("seq");

-- CreateIndex
CREATE INDEX "payment_bill_id_idx" ON "payment"("bill_id");

-- CreateIndex
CREATE INDEX "payment_status_created_at_idx" ON "payment"("status", "created_at");

-- CreateIndex
CREATE INDEX "payment_created_at_idx" ON "payment"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "payment_resident_id_idempotency_key_key" ON "payment"("resident_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "payment_event_payment_id_at_idx" ON "payment_event"("payment_id", "at");

-- CreateIndex
CREATE INDEX "notify_replay_keep_until_idx" ON "notify_replay"("keep_until");

-- CreateIndex
CREATE UNIQUE INDEX "wechat_openid_app_id_resident_id_key" ON "wechat_openid"("app_id", "resident_id");

-- CreateIndex
CREATE UNIQUE INDEX "sandbox_bank_trade_merchant_id_out_trade_no_key" ON "sandbox_bank_trade"("merchant_id", "out_trade_no");

-- CreateIndex
CREATE UNIQUE INDEX "sandbox_bank_refund_merchant_id_out_refund_no_key" ON "sandbox_bank_refund"("merchant_id", "out_refund_no");

-- CreateIndex
CREATE INDEX "sandbox_bank_nonce_keep_until_idx" ON "sandbox_bank_nonce"("keep_until");

-- AddForeignKey
ALTER TABLE "payment" ADD CONSTRAINT "payment_bill_id_fkey" FOREIGN KEY ("bill_id") REFERENCES "bill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment" ADD CONSTRAINT "payment_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_event" ADD CONSTRAINT "payment_event_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wechat_openid" ADD CONSTRAINT "wechat_openid_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- At most one open (created or pending) payment per bill: a second attempt waits for the first
-- to succeed, fail or expire, so a bill can never be paid twice at once.
CREATE UNIQUE INDEX "payment_one_open_per_bill" ON "payment" ("bill_id") WHERE "status" IN ('created', 'pending');

-- Payments that are waiting, for the query job and the staff view.
CREATE INDEX "payment_open_expires" ON "payment" ("expires_at") WHERE "status" IN ('created', 'pending');

-- Trade numbers every channel accepts, and positive amounts. (Triggers, not CHECK constraints:
-- Prisma's JavaScript schema engine cannot diff CHECK constraints.)
CREATE FUNCTION payment_row_valid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.out_trade_no !~ '^[A-Za-z0-9]{6,32}$' THEN
    RAISE EXCEPTION 'out_trade_no % must be 6-32 letters or digits', NEW.out_trade_no;
  END IF;
  IF NEW.amount_fen <= 0 THEN
    RAISE EXCEPTION 'a payment amount is positive';
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.amount_fen <> OLD.amount_fen OR NEW.bill_id <> OLD.bill_id
      OR NEW.out_trade_no <> OLD.out_trade_no OR NEW.resident_id <> OLD.resident_id OR NEW.channel <> OLD.channel) THEN
    RAISE EXCEPTION 'what a payment asked for never changes';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER payment_row_valid BEFORE INSERT OR UPDATE ON "payment"
  FOR EACH ROW EXECUTE FUNCTION payment_row_valid();

-- The payment history is evidence: never edited or removed.
CREATE FUNCTION payment_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'payment_event is append-only';
END;
$$;
CREATE TRIGGER payment_event_no_change BEFORE UPDATE OR DELETE ON "payment_event"
  FOR EACH ROW EXECUTE FUNCTION payment_event_append_only();
