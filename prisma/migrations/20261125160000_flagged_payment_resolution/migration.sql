-- A refund started by staff to pay back a flagged payment (money a channel took that no bill was
-- credited with): its payouts come from that payment alone and take nothing off the bill.
ALTER TYPE "refund_reason" ADD VALUE 'FLAGGED_PAYMENT';

-- CreateTable
CREATE TABLE "payment_resolution" (
    "payment_id" UUID NOT NULL,
    "outcome" TEXT NOT NULL,
    "asked_fen" BIGINT NOT NULL,
    "confirmed_fen" BIGINT NOT NULL,
    "refund_id" UUID,
    "staff_id" UUID NOT NULL,
    "note" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payment_resolution_pkey" PRIMARY KEY ("payment_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "payment_resolution_refund_id_key" ON "payment_resolution"("refund_id");

-- AddForeignKey
ALTER TABLE "payment_resolution" ADD CONSTRAINT "payment_resolution_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One resolution per flagged payment (the primary key), of a known outcome, for money the channel
-- confirmed, with a note; never changed afterwards. (A trigger, not CHECK constraints: Prisma's
-- JavaScript schema engine cannot diff those.)
CREATE FUNCTION payment_resolution_valid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'a payment resolution is final';
  END IF;
  IF NOT ((NEW.outcome = 'credited' AND NEW.refund_id IS NULL) OR (NEW.outcome = 'refunded' AND NEW.refund_id IS NOT NULL)) THEN
    RAISE EXCEPTION 'a payment resolution is credited, or refunded by a named refund';
  END IF;
  IF NEW.confirmed_fen <= 0 OR NEW.asked_fen <= 0 OR length(btrim(NEW.note)) = 0 THEN
    RAISE EXCEPTION 'a payment resolution has positive amounts and a note';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER payment_resolution_valid BEFORE INSERT OR UPDATE OR DELETE ON "payment_resolution"
  FOR EACH ROW EXECUTE FUNCTION payment_resolution_valid();

-- Payouts of a payment never exceed what it carries: what it asked, or what the channel confirmed
-- when staff resolved its flag (the asked amount itself never changes).
CREATE OR REPLACE FUNCTION refund_payout_within_payment() RETURNS trigger AS $$
DECLARE
  paid bigint;
  total bigint;
BEGIN
  SELECT coalesce(r.confirmed_fen, p.amount_fen) INTO paid
    FROM payment p LEFT JOIN payment_resolution r ON r.payment_id = p.id WHERE p.id = NEW.payment_id FOR UPDATE OF p;
  SELECT coalesce(sum(amount_fen), 0) INTO total FROM refund_payout WHERE payment_id = NEW.payment_id AND status <> 'failed';
  IF NEW.amount_fen <= 0 OR total > paid THEN
    RAISE EXCEPTION 'refund payouts of payment % would exceed what was paid', NEW.payment_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
