-- CreateTable
CREATE TABLE "payment_archive" (
    "id" UUID NOT NULL,
    "out_trade_no" VARCHAR(32) NOT NULL,
    "seq" BIGINT NOT NULL,
    "bill_id" UUID NOT NULL,
    "resident_id" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "status" "payment_status" NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "quoted_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "channel_trade_no" TEXT,
    "launch" JSONB,
    "paid_at" TIMESTAMPTZ(3),
    "flagged_reason" TEXT,
    "flagged_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "archived_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payment_archive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_event_archive" (
    "id" BIGINT NOT NULL,
    "payment_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "from_status" "payment_status",
    "to_status" "payment_status" NOT NULL,
    "source" TEXT NOT NULL,
    "detail" JSONB,
    "archived_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payment_event_archive_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "payment_archive_out_trade_no_key" ON "payment_archive"("out_trade_no");

-- CreateIndex
CREATE UNIQUE INDEX "payment_archive_seq_key" ON "payment_archive"("seq");

-- CreateIndex
CREATE INDEX "payment_archive_bill_id_idx" ON "payment_archive"("bill_id");

-- CreateIndex
CREATE INDEX "payment_archive_channel_trade_no_idx" ON "payment_archive"("channel_trade_no");

-- CreateIndex
CREATE INDEX "payment_archive_created_at_idx" ON "payment_archive"("created_at");

-- CreateIndex
CREATE INDEX "payment_event_archive_payment_id_at_idx" ON "payment_event_archive"("payment_id", "at");

-- CreateIndex
CREATE INDEX "heating_account_holder_id_no_hash_idx" ON "heating_account"("holder_id_no_hash");

-- Archives are kept, never changed or removed (archive_append_only, onboarding migration).
CREATE TRIGGER payment_archive_no_change BEFORE UPDATE OR DELETE ON "payment_archive"
  FOR EACH ROW EXECUTE FUNCTION archive_append_only();
CREATE TRIGGER payment_archive_no_truncate BEFORE TRUNCATE ON "payment_archive"
  FOR EACH STATEMENT EXECUTE FUNCTION archive_append_only();
CREATE TRIGGER payment_event_archive_no_change BEFORE UPDATE OR DELETE ON "payment_event_archive"
  FOR EACH ROW EXECUTE FUNCTION archive_append_only();
CREATE TRIGGER payment_event_archive_no_truncate BEFORE TRUNCATE ON "payment_event_archive"
  FOR EACH STATEMENT EXECUTE FUNCTION archive_append_only();

-- A money row leaves its live table only into its archive: inside the retention job's
-- transaction (nuanxin.archiving) and only once the same row is there. The archive table is the
-- trigger's argument, so a new money table (refunds) reuses this function.
CREATE FUNCTION money_row_leaves_only_into_archive() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  archived boolean;
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('nuanxin.archiving', true) = 'on' THEN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE id = $1)', TG_ARGV[0]) INTO archived USING OLD.id;
    IF archived THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION '% is a money record: it is never deleted, only archived', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER payment_leaves_only_into_archive BEFORE DELETE ON "payment"
  FOR EACH ROW EXECUTE FUNCTION money_row_leaves_only_into_archive('payment_archive');
CREATE TRIGGER payment_no_truncate BEFORE TRUNCATE ON "payment"
  FOR EACH STATEMENT EXECUTE FUNCTION money_row_leaves_only_into_archive('payment_archive');

-- The payment history stays never edited; its rows may now leave only into the archive.
DROP TRIGGER payment_event_no_change ON "payment_event";
CREATE TRIGGER payment_event_no_change BEFORE UPDATE ON "payment_event"
  FOR EACH ROW EXECUTE FUNCTION payment_event_append_only();
CREATE TRIGGER payment_event_leaves_only_into_archive BEFORE DELETE ON "payment_event"
  FOR EACH ROW EXECUTE FUNCTION money_row_leaves_only_into_archive('payment_event_archive');
CREATE TRIGGER payment_event_no_truncate BEFORE TRUNCATE ON "payment_event"
  FOR EACH STATEMENT EXECUTE FUNCTION money_row_leaves_only_into_archive('payment_event_archive');

-- Live and archived rows together, for staff reads (payment search, reconciliation, account
-- history). `archived` tells them apart. Residents' own pages read the live tables.
CREATE VIEW "bill_all" AS
  SELECT id, account_id, utility_id, tariff_id, season, status, building_area_m2, usable_area_m2, metered_gj, suspended,
         low_income, principal_fen, charge_lines, issued_at, settled_at, voided_at, false AS archived
  FROM "bill"
  UNION ALL
  SELECT id, account_id, utility_id, tariff_id, season, status, building_area_m2, usable_area_m2, metered_gj, suspended,
         low_income, principal_fen, charge_lines, issued_at, settled_at, voided_at, true
  FROM "bill_archive";

CREATE VIEW "bill_ledger_all" AS
  SELECT id, bill_id, at, amount_fen, kind, source_id, false AS archived FROM "bill_ledger"
  UNION ALL
  SELECT id, bill_id, at, amount_fen, kind, source_id, true FROM "bill_ledger_archive";

CREATE VIEW "payment_all" AS
  SELECT id, out_trade_no, seq, bill_id, resident_id, channel, amount_fen, status, idempotency_key, quoted_at, expires_at,
         channel_trade_no, launch, paid_at, flagged_reason, flagged_at, created_at, updated_at, false AS archived
  FROM "payment"
  UNION ALL
  SELECT id, out_trade_no, seq, bill_id, resident_id, channel, amount_fen, status, idempotency_key, quoted_at, expires_at,
         channel_trade_no, launch, paid_at, flagged_reason, flagged_at, created_at, updated_at, true
  FROM "payment_archive";

CREATE VIEW "payment_event_all" AS
  SELECT id, payment_id, at, from_status, to_status, source, detail, false AS archived FROM "payment_event"
  UNION ALL
  SELECT id, payment_id, at, from_status, to_status, source, detail, true FROM "payment_event_archive";
