-- CreateEnum
CREATE TYPE "complaint_problem" AS ENUM ('NOT_WARM', 'LEAK', 'NO_HEAT', 'OTHER');

-- CreateEnum
CREATE TYPE "work_order_state" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'VISIT_SCHEDULED', 'IN_REPAIR', 'RESOLVED', 'CLOSED', 'REOPENED');

-- CreateEnum
CREATE TYPE "work_order_priority" AS ENUM ('URGENT', 'HIGH', 'NORMAL');

-- CreateEnum
CREATE TYPE "event_visibility" AS ENUM ('PUBLIC', 'INTERNAL');

-- CreateEnum
CREATE TYPE "incident_kind" AS ENUM ('TERM_SURGE', 'STATION_OUTAGE');

-- CreateEnum
CREATE TYPE "incident_status" AS ENUM ('OPEN', 'RESOLVED');

-- CreateTable
CREATE TABLE "complaint" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "number" SERIAL NOT NULL,
    "utility_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "station_id" UUID NOT NULL,
    "resident_id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "problem" "complaint_problem" NOT NULL,
    "rooms" TEXT[],
    "indoor_celsius" DECIMAL(4,1),
    "since_date" DATE,
    "description" TEXT NOT NULL,
    "contact_phone_enc" TEXT NOT NULL,
    "preferred_visits" TEXT[],
    "hotwords" JSONB NOT NULL,
    "category" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "temperature_reading" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "complaint_id" UUID NOT NULL,
    "room" TEXT NOT NULL,
    "measured_on" DATE NOT NULL,
    "celsius" DECIMAL(4,1) NOT NULL,
    "recorded_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "temperature_reading_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_photo" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "complaint_id" UUID NOT NULL,
    "storage_key" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "complaint_photo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_order" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "utility_id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "state" "work_order_state" NOT NULL DEFAULT 'OPEN',
    "priority" "work_order_priority" NOT NULL,
    "assignee_id" UUID,
    "clocks_started_at" TIMESTAMPTZ(3) NOT NULL,
    "response_due_at" TIMESTAMPTZ(3) NOT NULL,
    "temperature_due_at" TIMESTAMPTZ(3) NOT NULL,
    "fix_due_at" TIMESTAMPTZ(3) NOT NULL,
    "responded_at" TIMESTAMPTZ(3),
    "temperature_tested_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "visit_at" TIMESTAMPTZ(3),
    "escalated_at" TIMESTAMPTZ(3),
    "response_breached_at" TIMESTAMPTZ(3),
    "temperature_breached_at" TIMESTAMPTZ(3),
    "fix_breached_at" TIMESTAMPTZ(3),
    "reopen_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_order_event" (
    "id" BIGSERIAL NOT NULL,
    "work_order_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_kind" "actor_kind" NOT NULL,
    "actor_id" UUID,
    "kind" TEXT NOT NULL,
    "from_state" "work_order_state",
    "to_state" "work_order_state",
    "visibility" "event_visibility" NOT NULL,
    "message" TEXT,
    "data" JSONB,

    CONSTRAINT "work_order_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hotword_term" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "utility_id" UUID NOT NULL,
    "term" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "severity" INTEGER NOT NULL,
    "daily_threshold" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "hotword_term_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mention_count" (
    "utility_id" UUID NOT NULL,
    "term" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "mention_count_pkey" PRIMARY KEY ("utility_id","term","day")
);

-- CreateTable
CREATE TABLE "incident" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "utility_id" UUID NOT NULL,
    "kind" "incident_kind" NOT NULL,
    "status" "incident_status" NOT NULL DEFAULT 'OPEN',
    "term" TEXT,
    "day" DATE,
    "station_id" UUID,
    "trigger_count" INTEGER NOT NULL,
    "threshold" INTEGER NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "expected_fix_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_member" (
    "incident_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "resident_id" UUID NOT NULL,
    "complaint_id" UUID,
    "joined_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "incident_member_pkey" PRIMARY KEY ("incident_id","account_id")
);

-- CreateTable
CREATE TABLE "api_key" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "utility_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "complaint_number_key" ON "complaint"("number");

-- CreateIndex
CREATE INDEX "complaint_account_id_created_at_idx" ON "complaint"("account_id", "created_at");

-- CreateIndex
CREATE INDEX "complaint_station_id_created_at_idx" ON "complaint"("station_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "complaint_resident_id_idempotency_key_key" ON "complaint"("resident_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "temperature_reading_complaint_id_room_measured_on_key" ON "temperature_reading"("complaint_id", "room", "measured_on");

-- CreateIndex
CREATE UNIQUE INDEX "complaint_photo_storage_key_key" ON "complaint_photo"("storage_key");

-- CreateIndex
CREATE INDEX "complaint_photo_complaint_id_idx" ON "complaint_photo"("complaint_id");

-- CreateIndex
CREATE UNIQUE INDEX "work_order_complaint_id_key" ON "work_order"("complaint_id");

-- CreateIndex
CREATE INDEX "work_order_utility_id_state_idx" ON "work_order"("utility_id", "state");

-- CreateIndex
CREATE INDEX "work_order_event_work_order_id_at_idx" ON "work_order_event"("work_order_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "hotword_term_utility_id_term_key" ON "hotword_term"("utility_id", "term");

-- CreateIndex
CREATE INDEX "incident_utility_id_status_idx" ON "incident"("utility_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_prefix_key" ON "api_key"("prefix");

-- AddForeignKey
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_utility_id_fkey" FOREIGN KEY ("utility_id") REFERENCES "utility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "heating_account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "temperature_reading" ADD CONSTRAINT "temperature_reading_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_photo" ADD CONSTRAINT "complaint_photo_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order" ADD CONSTRAINT "work_order_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order" ADD CONSTRAINT "work_order_utility_id_fkey" FOREIGN KEY ("utility_id") REFERENCES "utility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order" ADD CONSTRAINT "work_order_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_event" ADD CONSTRAINT "work_order_event_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hotword_term" ADD CONSTRAINT "hotword_term_utility_id_fkey" FOREIGN KEY ("utility_id") REFERENCES "utility"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mention_count" ADD CONSTRAINT "mention_count_utility_id_fkey" FOREIGN KEY ("utility_id") REFERENCES "utility"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident" ADD CONSTRAINT "incident_utility_id_fkey" FOREIGN KEY ("utility_id") REFERENCES "utility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident" ADD CONSTRAINT "incident_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "station"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_member" ADD CONSTRAINT "incident_member_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_member" ADD CONSTRAINT "incident_member_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_member" ADD CONSTRAINT "incident_member_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "heating_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_member" ADD CONSTRAINT "incident_member_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_utility_id_fkey" FOREIGN KEY ("utility_id") REFERENCES "utility"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules Prisma's schema language cannot express. (No CHECK constraints: the offline schema
-- engine of Prisma 6.19 crashes diffing a database that has them, which would break every later
-- `migrate dev`; ranges and lengths are enforced by the domain's zod schemas instead.)

-- A term surges at most once a day: the incident is opened exactly once, however many requests
-- cross the threshold together (INSERT … ON CONFLICT DO NOTHING relies on this index).
CREATE UNIQUE INDEX "incident_term_day_key" ON "incident" ("utility_id", "term", "day") WHERE "kind" = 'TERM_SURGE';
-- At most one open outage per station; a new one may open after the last is resolved.
CREATE UNIQUE INDEX "incident_open_station_key" ON "incident" ("station_id") WHERE "kind" = 'STATION_OUTAGE' AND "status" = 'OPEN';

-- The staff queue: unfinished work of one utility.
CREATE INDEX "work_order_queue_idx" ON "work_order" ("utility_id", "response_due_at") WHERE "state" NOT IN ('RESOLVED', 'CLOSED');

-- The timeline is a record of what happened: entries are added, never changed or removed.
CREATE FUNCTION work_order_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'work_order_event is append-only';
END;
$$;
CREATE TRIGGER work_order_event_no_update BEFORE UPDATE OR DELETE ON "work_order_event"
  FOR EACH ROW EXECUTE FUNCTION work_order_event_append_only();
