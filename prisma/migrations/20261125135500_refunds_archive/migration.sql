-- CreateTable
CREATE TABLE "refund_request_archive" (
    "id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "utility_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "bill_id" UUID NOT NULL,
    "resident_id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "reason" "refund_reason" NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "lines" JSONB NOT NULL,
    "note" TEXT,
    "state" "refund_state" NOT NULL,
    "needs_supervisor" BOOLEAN NOT NULL,
    "first_approved_by" UUID,
    "first_approved_at" TIMESTAMPTZ(3),
    "reject_reason" TEXT,
    "attempts" INTEGER NOT NULL,
    "last_error" TEXT,
    "escalated_at" TIMESTAMPTZ(3),
    "expected_by" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "archived_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "refund_request_archive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refund_event_archive" (
    "id" BIGINT NOT NULL,
    "refund_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "from_state" "refund_state",
    "to_state" "refund_state" NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_kind" TEXT NOT NULL,
    "actor_id" UUID,
    "message" TEXT,
    "detail" JSONB,
    "archived_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "refund_event_archive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refund_payout_archive" (
    "id" UUID NOT NULL,
    "refund_id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "out_refund_no" VARCHAR(64) NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "channel_refund_no" TEXT,
    "succeeded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "archived_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "refund_payout_archive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refund_photo_archive" (
    "id" UUID NOT NULL,
    "refund_id" UUID NOT NULL,
    "storage_key" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "archived_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "refund_photo_archive_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "refund_request_archive_number_key" ON "refund_request_archive"("number");

-- CreateIndex
CREATE INDEX "refund_request_archive_bill_id_idx" ON "refund_request_archive"("bill_id");

-- CreateIndex
CREATE INDEX "refund_request_archive_resident_id_created_at_idx" ON "refund_request_archive"("resident_id", "created_at");

-- CreateIndex
CREATE INDEX "refund_event_archive_refund_id_at_idx" ON "refund_event_archive"("refund_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "refund_payout_archive_out_refund_no_key" ON "refund_payout_archive"("out_refund_no");

-- CreateIndex
CREATE INDEX "refund_payout_archive_refund_id_idx" ON "refund_payout_archive"("refund_id");

-- CreateIndex
CREATE INDEX "refund_payout_archive_payment_id_idx" ON "refund_payout_archive"("payment_id");

-- CreateIndex
CREATE UNIQUE INDEX "refund_photo_archive_storage_key_key" ON "refund_photo_archive"("storage_key");

-- CreateIndex
CREATE INDEX "refund_photo_archive_refund_id_idx" ON "refund_photo_archive"("refund_id");

-- Archives are kept, never changed or removed.
CREATE TRIGGER refund_request_archive_no_change BEFORE UPDATE OR DELETE ON "refund_request_archive"
  FOR EACH ROW EXECUTE FUNCTION archive_append_only();
CREATE TRIGGER refund_request_archive_no_truncate BEFORE TRUNCATE ON "refund_request_archive"
  FOR EACH STATEMENT EXECUTE FUNCTION archive_append_only();
CREATE TRIGGER refund_event_archive_no_change BEFORE UPDATE OR DELETE ON "refund_event_archive"
  FOR EACH ROW EXECUTE FUNCTION archive_append_only();
CREATE TRIGGER refund_event_archive_no_truncate BEFORE TRUNCATE ON "refund_event_archive"
  FOR EACH STATEMENT EXECUTE FUNCTION archive_append_only();
CREATE TRIGGER refund_payout_archive_no_change BEFORE UPDATE OR DELETE ON "refund_payout_archive"
  FOR EACH ROW EXECUTE FUNCTION archive_append_only();
CREATE TRIGGER refund_payout_archive_no_truncate BEFORE TRUNCATE ON "refund_payout_archive"
  FOR EACH STATEMENT EXECUTE FUNCTION archive_append_only();
CREATE TRIGGER refund_photo_archive_no_change BEFORE UPDATE OR DELETE ON "refund_photo_archive"
  FOR EACH ROW EXECUTE FUNCTION archive_append_only();
CREATE TRIGGER refund_photo_archive_no_truncate BEFORE TRUNCATE ON "refund_photo_archive"
  FOR EACH STATEMENT EXECUTE FUNCTION archive_append_only();

-- Refund requests, their steps and their payouts are money records: they leave the live tables
-- only into their archives, inside the retention job.
CREATE TRIGGER refund_request_leaves_only_into_archive BEFORE DELETE ON "refund_request"
  FOR EACH ROW EXECUTE FUNCTION money_row_leaves_only_into_archive('refund_request_archive');
CREATE TRIGGER refund_request_no_truncate BEFORE TRUNCATE ON "refund_request"
  FOR EACH STATEMENT EXECUTE FUNCTION money_row_leaves_only_into_archive('refund_request_archive');
CREATE TRIGGER refund_event_leaves_only_into_archive BEFORE DELETE ON "refund_event"
  FOR EACH ROW EXECUTE FUNCTION money_row_leaves_only_into_archive('refund_event_archive');
CREATE TRIGGER refund_event_no_truncate BEFORE TRUNCATE ON "refund_event"
  FOR EACH STATEMENT EXECUTE FUNCTION money_row_leaves_only_into_archive('refund_event_archive');
CREATE TRIGGER refund_payout_leaves_only_into_archive BEFORE DELETE ON "refund_payout"
  FOR EACH ROW EXECUTE FUNCTION money_row_leaves_only_into_archive('refund_payout_archive');
CREATE TRIGGER refund_payout_no_truncate BEFORE TRUNCATE ON "refund_payout"
  FOR EACH STATEMENT EXECUTE FUNCTION money_row_leaves_only_into_archive('refund_payout_archive');
