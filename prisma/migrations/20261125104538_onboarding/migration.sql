-- CreateEnum
CREATE TYPE "closure_status" AS ENUM ('REQUESTED', 'DONE', 'REFUSED');

-- CreateTable
CREATE TABLE "import_batch" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "utility_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "file_sha256" TEXT NOT NULL,
    "staff_id" UUID,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL,
    "total_rows" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL,
    "fixed" INTEGER NOT NULL,
    "merged" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "summary" JSONB NOT NULL,
    "report_csv" TEXT,

    CONSTRAINT "import_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "imported_account" (
    "account_id" UUID NOT NULL,
    "import_id" UUID NOT NULL,
    "source_row" INTEGER NOT NULL,
    "legacy_tariff_code" TEXT NOT NULL,
    "tariff_id" UUID NOT NULL,
    "opening_balance_fen" BIGINT NOT NULL,
    "balance_as_of" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "imported_account_pkey" PRIMARY KEY ("account_id")
);

-- CreateTable
CREATE TABLE "import_merge" (
    "id" BIGSERIAL NOT NULL,
    "import_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "source_row" INTEGER NOT NULL,
    "legacy_account_no" TEXT NOT NULL,
    "opening_balance_fen" BIGINT NOT NULL,
    "reviewed_at" TIMESTAMPTZ(3),
    "reviewed_by" UUID,

    CONSTRAINT "import_merge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "closure_request" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "resident_id" UUID NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT,
    "status" "closure_status" NOT NULL DEFAULT 'REQUESTED',
    "handled_by" UUID,
    "handled_at" TIMESTAMPTZ(3),
    "note" TEXT,

    CONSTRAINT "closure_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bill_archive" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "utility_id" UUID NOT NULL,
    "tariff_id" UUID NOT NULL,
    "season" INTEGER NOT NULL,
    "status" "bill_status" NOT NULL,
    "building_area_m2" DECIMAL(10,2) NOT NULL,
    "usable_area_m2" DECIMAL(10,2) NOT NULL,
    "metered_gj" DECIMAL(12,3),
    "suspended" BOOLEAN NOT NULL,
    "low_income" BOOLEAN NOT NULL,
    "principal_fen" BIGINT NOT NULL,
    "charge_lines" JSONB NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "settled_at" TIMESTAMPTZ(3),
    "voided_at" TIMESTAMPTZ(3),
    "archived_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bill_archive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bill_ledger_archive" (
    "id" BIGINT NOT NULL,
    "bill_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "source_id" TEXT,
    "archived_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bill_ledger_archive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log_archive" (
    "id" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_kind" "actor_kind" NOT NULL,
    "actor_id" UUID,
    "utility_id" UUID,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT,
    "ip" TEXT,
    "detail" JSONB,
    "archived_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audit_log_archive_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "import_batch_utility_id_file_sha256_key" ON "import_batch"("utility_id", "file_sha256");

-- CreateIndex
CREATE INDEX "imported_account_import_id_idx" ON "imported_account"("import_id");

-- CreateIndex
CREATE INDEX "import_merge_import_id_idx" ON "import_merge"("import_id");

-- CreateIndex
CREATE INDEX "import_merge_legacy_account_no_idx" ON "import_merge"("legacy_account_no");

-- CreateIndex
CREATE INDEX "closure_request_status_requested_at_idx" ON "closure_request"("status", "requested_at");

-- CreateIndex
CREATE INDEX "closure_request_resident_id_idx" ON "closure_request"("resident_id");

-- CreateIndex
CREATE INDEX "bill_archive_account_id_season_idx" ON "bill_archive"("account_id", "season");

-- CreateIndex
CREATE UNIQUE INDEX "bill_ledger_archive_source_id_key" ON "bill_ledger_archive"("source_id");

-- CreateIndex
CREATE INDEX "bill_ledger_archive_bill_id_at_idx" ON "bill_ledger_archive"("bill_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_archive_entity_entity_id_idx" ON "audit_log_archive"("entity", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_archive_actor_kind_actor_id_at_idx" ON "audit_log_archive"("actor_kind", "actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_archive_at_idx" ON "audit_log_archive"("at");

-- CreateIndex
CREATE INDEX "heating_account_holder_phone_hash_certificate_no_idx" ON "heating_account"("holder_phone_hash", "certificate_no");

-- Archives are kept, never changed or removed: payment and ledger records for at least 30 years
-- (accounting rules), the rest for the retention period and beyond. A trigger rather than a
-- revoked privilege, so that it also holds for the table owner.
CREATE FUNCTION archive_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is an archive: rows are never changed or removed', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER bill_archive_no_change BEFORE UPDATE OR DELETE ON "bill_archive"
  FOR EACH ROW EXECUTE FUNCTION archive_append_only();
CREATE TRIGGER bill_archive_no_truncate BEFORE TRUNCATE ON "bill_archive"
  FOR EACH STATEMENT EXECUTE FUNCTION archive_append_only();
CREATE TRIGGER bill_ledger_archive_no_change BEFORE UPDATE OR DELETE ON "bill_ledger_archive"
  FOR EACH ROW EXECUTE FUNCTION archive_append_only();
CREATE TRIGGER bill_ledger_archive_no_truncate BEFORE TRUNCATE ON "bill_ledger_archive"
  FOR EACH STATEMENT EXECUTE FUNCTION archive_append_only();
CREATE TRIGGER audit_log_archive_no_change BEFORE UPDATE OR DELETE ON "audit_log_archive"
  FOR EACH ROW EXECUTE FUNCTION archive_append_only();
CREATE TRIGGER audit_log_archive_no_truncate BEFORE TRUNCATE ON "audit_log_archive"
  FOR EACH STATEMENT EXECUTE FUNCTION archive_append_only();

-- The live append-only tables give up a row only to the retention job (which sets
-- nuanxin.archiving for its own transaction) and only once the same row is in the archive.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('nuanxin.archiving', true) = 'on'
     AND EXISTS (SELECT 1 FROM audit_log_archive a WHERE a.id = OLD.id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE OR REPLACE FUNCTION bill_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.amount_fen = 0 THEN
      RAISE EXCEPTION 'bill_ledger amounts are never zero';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' AND current_setting('nuanxin.archiving', true) = 'on'
     AND EXISTS (SELECT 1 FROM bill_ledger_archive a WHERE a.id = OLD.id AND a.amount_fen = OLD.amount_fen) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'bill_ledger is append-only';
END;
$$;

-- A bill leaves the live table only into the archive (the retention job), never by mistake.
CREATE FUNCTION bill_delete_only_archived() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM bill_archive a WHERE a.id = OLD.id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'bill % is not archived: bills are never deleted', OLD.id;
END;
$$;
CREATE TRIGGER bill_delete_only_archived BEFORE DELETE ON "bill"
  FOR EACH ROW EXECUTE FUNCTION bill_delete_only_archived();
