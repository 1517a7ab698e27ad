-- CreateEnum
CREATE TYPE "tariff_mode" AS ENUM ('AREA', 'METERED');

-- CreateEnum
CREATE TYPE "area_basis" AS ENUM ('BUILDING', 'USABLE');

-- CreateEnum
CREATE TYPE "bill_status" AS ENUM ('DRAFT', 'ISSUED', 'PAID', 'VOID');

-- CreateTable
CREATE TABLE "tariff" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "utility_id" UUID NOT NULL,
    "season" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "first_day" DATE NOT NULL,
    "last_day" DATE NOT NULL,
    "mode" "tariff_mode" NOT NULL,
    "area_basis" "area_basis" NOT NULL,
    "unit_price_fen_per_m2" BIGINT NOT NULL,
    "area_tiers" JSONB NOT NULL,
    "dynamic_coefficient" DECIMAL(8,4) NOT NULL,
    "base_fee_fen_per_m2" BIGINT,
    "energy_fen_per_gj" BIGINT,
    "suspension_ratio" DECIMAL(6,4) NOT NULL,
    "early_discount_until" TIMESTAMPTZ(3),
    "early_discount_ratio" DECIMAL(6,4),
    "overdue_from" TIMESTAMPTZ(3),
    "overdue_rate_per_day" DECIMAL(8,6),
    "overdue_cap_ratio" DECIMAL(6,4),
    "substandard_bands" JSONB,
    "low_income_subsidy_ratio" DECIMAL(6,4),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tariff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meter_reading" (
    "account_id" UUID NOT NULL,
    "season" INTEGER NOT NULL,
    "gj" DECIMAL(12,3) NOT NULL,
    "read_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "meter_reading_pkey" PRIMARY KEY ("account_id","season")
);

-- CreateTable
CREATE TABLE "bill" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "account_id" UUID NOT NULL,
    "utility_id" UUID NOT NULL,
    "tariff_id" UUID NOT NULL,
    "season" INTEGER NOT NULL,
    "status" "bill_status" NOT NULL DEFAULT 'ISSUED',
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

    CONSTRAINT "bill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bill_ledger" (
    "id" BIGSERIAL NOT NULL,
    "bill_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "source_id" TEXT,

    CONSTRAINT "bill_ledger_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tariff_utility_id_season_key" ON "tariff"("utility_id", "season");

-- CreateIndex
CREATE INDEX "bill_utility_id_season_status_idx" ON "bill"("utility_id", "season", "status");

-- CreateIndex
CREATE UNIQUE INDEX "bill_account_id_season_key" ON "bill"("account_id", "season");

-- CreateIndex
CREATE UNIQUE INDEX "bill_ledger_source_id_key" ON "bill_ledger"("source_id");

-- CreateIndex
CREATE INDEX "bill_ledger_bill_id_at_idx" ON "bill_ledger"("bill_id", "at");

-- AddForeignKey
ALTER TABLE "bill" ADD CONSTRAINT "bill_tariff_id_fkey" FOREIGN KEY ("tariff_id") REFERENCES "tariff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bill_ledger" ADD CONSTRAINT "bill_ledger_bill_id_fkey" FOREIGN KEY ("bill_id") REFERENCES "bill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An issued bill's charges are final: only its status and settlement/void instants may change.
CREATE FUNCTION bill_charges_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'DRAFT' AND (
       NEW.principal_fen IS DISTINCT FROM OLD.principal_fen OR NEW.charge_lines IS DISTINCT FROM OLD.charge_lines
    OR NEW.account_id IS DISTINCT FROM OLD.account_id OR NEW.tariff_id IS DISTINCT FROM OLD.tariff_id
    OR NEW.season IS DISTINCT FROM OLD.season OR NEW.building_area_m2 IS DISTINCT FROM OLD.building_area_m2
    OR NEW.usable_area_m2 IS DISTINCT FROM OLD.usable_area_m2 OR NEW.metered_gj IS DISTINCT FROM OLD.metered_gj
    OR NEW.suspended IS DISTINCT FROM OLD.suspended OR NEW.low_income IS DISTINCT FROM OLD.low_income) THEN
    RAISE EXCEPTION 'bill % is issued: its charges cannot change', OLD.id;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER bill_charges_immutable BEFORE UPDATE ON "bill"
  FOR EACH ROW EXECUTE FUNCTION bill_charges_immutable();

-- Entries are never changed or removed, and never zero. (A trigger rather than a CHECK
-- constraint: Prisma's JavaScript schema engine cannot diff CHECK constraints.)
CREATE FUNCTION bill_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.amount_fen = 0 THEN
      RAISE EXCEPTION 'bill_ledger amounts are never zero';
    END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'bill_ledger is append-only';
END;
$$;
CREATE TRIGGER bill_ledger_no_change BEFORE INSERT OR UPDATE OR DELETE ON "bill_ledger"
  FOR EACH ROW EXECUTE FUNCTION bill_ledger_append_only();

