-- CreateEnum
CREATE TYPE "bill_kind" AS ENUM ('SEASON', 'OPENING');

-- AlterTable
ALTER TABLE "bill" ADD COLUMN     "kind" "bill_kind" NOT NULL DEFAULT 'SEASON';

-- AlterTable
ALTER TABLE "bill_archive" ADD COLUMN     "kind" "bill_kind" NOT NULL DEFAULT 'SEASON';

-- An opening balance bill (期初欠费 from the old system) carries season 0 and only it does, so
-- it never collides with a season's bill of the same account (one bill per account and season).
CREATE FUNCTION bill_kind_season() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.kind = 'OPENING') <> (NEW.season = 0) THEN
    RAISE EXCEPTION 'a bill has season 0 exactly when it is an opening balance (kind %, season %)', NEW.kind, NEW.season;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER bill_kind_season BEFORE INSERT ON "bill"
  FOR EACH ROW EXECUTE FUNCTION bill_kind_season();

-- What an issued bill charges never changes: its kind included.
CREATE OR REPLACE FUNCTION bill_charges_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'DRAFT' AND (
       NEW.principal_fen IS DISTINCT FROM OLD.principal_fen OR NEW.charge_lines IS DISTINCT FROM OLD.charge_lines
    OR NEW.account_id IS DISTINCT FROM OLD.account_id OR NEW.tariff_id IS DISTINCT FROM OLD.tariff_id
    OR NEW.season IS DISTINCT FROM OLD.season OR NEW.building_area_m2 IS DISTINCT FROM OLD.building_area_m2
    OR NEW.usable_area_m2 IS DISTINCT FROM OLD.usable_area_m2 OR NEW.metered_gj IS DISTINCT FROM OLD.metered_gj
    OR NEW.suspended IS DISTINCT FROM OLD.suspended OR NEW.low_income IS DISTINCT FROM OLD.low_income
    OR NEW.kind IS DISTINCT FROM OLD.kind) THEN
    RAISE EXCEPTION 'bill % is issued: its charges cannot change', OLD.id;
  END IF;
  RETURN NEW;
END;
$$;

-- Opening balances already imported become payable bills, as new imports make them
-- (lib/onboarding/process-batch.ts): owed amounts only; credits stay stated on the account.
INSERT INTO "bill" (account_id, utility_id, tariff_id, season, kind, status, building_area_m2, usable_area_m2, suspended,
                    low_income, principal_fen, charge_lines, issued_at)
SELECT ia.account_id, a.utility_id, ia.tariff_id, 0, 'OPENING', 'ISSUED', a.building_area_m2, a.usable_area_m2, false, false,
       ia.opening_balance_fen,
       jsonb_build_array(jsonb_build_object('code', 'OPENING', 'label', '原系统结转欠费', 'amountFen', ia.opening_balance_fen::text)),
       ia.balance_as_of
FROM "imported_account" ia JOIN "heating_account" a ON a.id = ia.account_id
WHERE ia.opening_balance_fen > 0
ON CONFLICT (account_id, season) DO NOTHING;

-- The views of live and archived bills carry the kind too.
DROP VIEW "bill_all";
CREATE VIEW "bill_all" AS
  SELECT id, account_id, utility_id, tariff_id, season, kind, status, building_area_m2, usable_area_m2, metered_gj, suspended,
         low_income, principal_fen, charge_lines, issued_at, settled_at, voided_at, false AS archived
  FROM "bill"
  UNION ALL
  SELECT id, account_id, utility_id, tariff_id, season, kind, status, building_area_m2, usable_area_m2, metered_gj, suspended,
         low_income, principal_fen, charge_lines, issued_at, settled_at, voided_at, true
  FROM "bill_archive";
