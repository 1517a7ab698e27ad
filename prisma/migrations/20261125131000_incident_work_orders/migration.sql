-- Incidents (term surges, station outages) are worked as work orders in the agents' queue.

-- CreateEnum
CREATE TYPE "work_order_kind" AS ENUM ('COMPLAINT', 'INCIDENT');

-- AlterTable
ALTER TABLE "work_order" ADD COLUMN     "incident_id" UUID,
ADD COLUMN     "kind" "work_order_kind" NOT NULL DEFAULT 'COMPLAINT',
ALTER COLUMN "complaint_id" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "work_order_incident_id_key" ON "work_order"("incident_id");

-- AddForeignKey
ALTER TABLE "work_order" ADD CONSTRAINT "work_order_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A complaint order belongs to exactly one complaint, an incident order to exactly one incident
-- (a trigger, not a CHECK constraint: see STACK.md).
CREATE FUNCTION work_order_subject_matches_kind() RETURNS trigger AS $$
BEGIN
  IF (NEW.kind = 'COMPLAINT' AND (NEW.complaint_id IS NULL OR NEW.incident_id IS NOT NULL))
     OR (NEW.kind = 'INCIDENT' AND (NEW.incident_id IS NULL OR NEW.complaint_id IS NOT NULL)) THEN
    RAISE EXCEPTION 'work_order % of kind % must reference exactly its own subject', NEW.id, NEW.kind;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER work_order_subject_matches_kind
  BEFORE INSERT OR UPDATE OF kind, complaint_id, incident_id ON "work_order"
  FOR EACH ROW EXECUTE FUNCTION work_order_subject_matches_kind();
