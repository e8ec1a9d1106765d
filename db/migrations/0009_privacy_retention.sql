CREATE TABLE "do_not_contact" (
	"line_user_hash" text PRIMARY KEY NOT NULL,
	"data_request_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"job" text NOT NULL,
	"run_key" text NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_runs_job_run_key_pk" PRIMARY KEY("job","run_key")
);
--> statement-breakpoint
ALTER TABLE "lost_document_reports" ALTER COLUMN "citizen_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lost_document_reports" ALTER COLUMN "declarant_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lost_document_reports" ALTER COLUMN "id_number_enc" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lost_document_reports" ALTER COLUMN "id_number_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lost_document_reports" ALTER COLUMN "id_number_last" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lost_document_reports" ALTER COLUMN "date_of_birth" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lost_document_reports" ALTER COLUMN "phone_enc" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lost_document_reports" ALTER COLUMN "phone_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lost_document_reports" ALTER COLUMN "phone_last" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lost_document_reports" ALTER COLUMN "address" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lost_document_reports" ALTER COLUMN "place_text" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lost_document_reports" ALTER COLUMN "circumstances" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "body_enc" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "personal_data_purged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "data_requests" ADD COLUMN "station_id" uuid;--> statement-breakpoint
ALTER TABLE "data_requests" ADD COLUMN "refusal_ground" text;--> statement-breakpoint
ALTER TABLE "data_requests" ADD COLUMN "handled_by" uuid;--> statement-breakpoint
ALTER TABLE "data_requests" ADD COLUMN "result" jsonb;--> statement-breakpoint
ALTER TABLE "lost_document_reports" ADD COLUMN "circumstances_enc" text;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "personal_data_retention_days" integer DEFAULT 365 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_handled_by_officers_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_retention_idx" ON "cases" USING btree ("resolved_at") WHERE "cases"."personal_data_purged_at" is null and "cases"."resolved_at" is not null;--> statement-breakpoint
CREATE INDEX "data_requests_queue_idx" ON "data_requests" USING btree ("station_id","status","created_at");--> statement-breakpoint
-- Requests made before stations answered them: the station of the citizen's latest case, else the first station.
UPDATE "data_requests" d SET "station_id" = coalesce(
  (SELECT c."station_id" FROM "cases" c WHERE c."citizen_id" = d."citizen_id" ORDER BY c."created_at" DESC LIMIT 1),
  (SELECT s."id" FROM "stations" s ORDER BY s."created_at" LIMIT 1)
) WHERE d."station_id" IS NULL;
