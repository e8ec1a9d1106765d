CREATE TABLE "house_watch_settings" (
	"station_id" uuid PRIMARY KEY NOT NULL,
	"approval" text DEFAULT 'auto' NOT NULL,
	"max_days" integer DEFAULT 30 NOT NULL,
	"gps_tolerance_meters" integer DEFAULT 100 NOT NULL,
	"purge_after_days" integer DEFAULT 30 NOT NULL,
	"digest_hour" integer DEFAULT 20 NOT NULL,
	"shifts" jsonb DEFAULT '[{"key":"night","nameTh":"เวรดึก","nameEn":"Night","start":"00:00"},{"key":"morning","nameTh":"เวรเช้า","nameEn":"Morning","start":"08:00"},{"key":"afternoon","nameTh":"เวรบ่าย","nameEn":"Afternoon","start":"16:00"}]'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "house_watches" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"language" text DEFAULT 'th' NOT NULL,
	"owner_name" text,
	"phone_enc" text,
	"phone_hash" text,
	"phone_last" text,
	"address" jsonb,
	"latitude" double precision,
	"longitude" double precision,
	"location_source" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"emergency_name" text,
	"emergency_phone_enc" text,
	"notes" text,
	"house_photo_id" uuid,
	"notify" text DEFAULT 'daily_digest' NOT NULL,
	"consent_version" text NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"extended_count" integer DEFAULT 0 NOT NULL,
	"reminder_sent_at" timestamp with time zone,
	"end_question_sent_at" timestamp with time zone,
	"digested_until" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "neighbour_stations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"phone" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"area" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"case_id" uuid,
	"code" text NOT NULL,
	"name_th" text,
	"name_en" text,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"qr_version" integer DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"point_id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL,
	"last_scan_at" timestamp with time zone NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"accuracy_meters" double precision,
	"distance_meters" double precision,
	"gps_check" text NOT NULL,
	"result" text DEFAULT 'normal' NOT NULL,
	"note" text,
	"photo_content_type" text,
	"photo_sha256" text,
	"photo_bytes_enc" text,
	"shift_key" text NOT NULL,
	"shift_date" date NOT NULL,
	"owner_notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "line_message_counts" (
	"month" text NOT NULL,
	"station_id" uuid,
	"kind" text NOT NULL,
	"via" text NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "line_message_counts_key" UNIQUE NULLS NOT DISTINCT("month","station_id","kind","via")
);
--> statement-breakpoint
ALTER TABLE "house_watch_settings" ADD CONSTRAINT "house_watch_settings_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "house_watch_settings" ADD CONSTRAINT "house_watch_settings_updated_by_officers_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "house_watches" ADD CONSTRAINT "house_watches_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "house_watches" ADD CONSTRAINT "house_watches_house_photo_id_attachments_id_fk" FOREIGN KEY ("house_photo_id") REFERENCES "public"."attachments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "house_watches" ADD CONSTRAINT "house_watches_approved_by_officers_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "neighbour_stations" ADD CONSTRAINT "neighbour_stations_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_points" ADD CONSTRAINT "patrol_points_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_points" ADD CONSTRAINT "patrol_points_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_visits" ADD CONSTRAINT "patrol_visits_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_visits" ADD CONSTRAINT "patrol_visits_point_id_patrol_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."patrol_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_visits" ADD CONSTRAINT "patrol_visits_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_message_counts" ADD CONSTRAINT "line_message_counts_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "house_watches_period_idx" ON "house_watches" USING btree ("starts_on","ends_on") WHERE "house_watches"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_points_code_idx" ON "patrol_points" USING btree ("station_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_points_case_idx" ON "patrol_points" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "patrol_points_active_idx" ON "patrol_points" USING btree ("station_id","kind") WHERE "patrol_points"."active";--> statement-breakpoint
CREATE INDEX "patrol_visits_point_idx" ON "patrol_visits" USING btree ("point_id","scanned_at");--> statement-breakpoint
CREATE INDEX "patrol_visits_shift_idx" ON "patrol_visits" USING btree ("station_id","shift_date","shift_key");