CREATE TABLE "announcement_images" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"sha256" text NOT NULL,
	"original" text NOT NULL,
	"preview" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "announcement_settings" (
	"station_id" uuid PRIMARY KEY NOT NULL,
	"require_approval" boolean DEFAULT true NOT NULL,
	"monthly_budget" integer,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audience_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"name" text NOT NULL,
	"citizen_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "broadcast_recipients" (
	"broadcast_id" uuid NOT NULL,
	"citizen_id" uuid NOT NULL,
	"language" text NOT NULL,
	"position" integer NOT NULL,
	"outbound_message_id" uuid,
	CONSTRAINT "broadcast_recipients_broadcast_id_citizen_id_pk" PRIMARY KEY("broadcast_id","citizen_id")
);
--> statement-breakpoint
CREATE TABLE "broadcasts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"title" text NOT NULL,
	"topic" text DEFAULT 'general' NOT NULL,
	"audience" jsonb NOT NULL,
	"messages" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"recipients" integer DEFAULT 0 NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"partial" jsonb,
	"aggregation_unit" text NOT NULL,
	"line_stats" jsonb,
	"created_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"send_requested_by" uuid,
	"send_requested_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"household_id" uuid NOT NULL,
	"citizen_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_members_household_id_citizen_id_pk" PRIMARY KEY("household_id","citizen_id")
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"invite_code" text NOT NULL,
	"address" jsonb NOT NULL,
	"subdistrict" text NOT NULL,
	"municipality" text,
	"soi" text,
	"zone_address_id" uuid,
	"latitude" double precision,
	"longitude" double precision,
	"members" integer DEFAULT 1 NOT NULL,
	"language" text DEFAULT 'th' NOT NULL,
	"topics" text[] DEFAULT '{crime_alert,scam_warning,festival_safety,road_closure,missing_person,general}'::text[] NOT NULL,
	"source" text NOT NULL,
	"created_by_citizen_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zone_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"key" text NOT NULL,
	"house_no" text NOT NULL,
	"moo" text,
	"village" text,
	"soi" text,
	"road" text,
	"subdistrict" text NOT NULL,
	"municipality" text,
	"district" text,
	"latitude" double precision,
	"longitude" double precision,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cameras" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"owner_type" text NOT NULL,
	"owner_name" text,
	"citizen_id" uuid,
	"contact_phone_enc" text,
	"contact_preference" text,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"direction_deg" integer,
	"field_of_view_deg" integer,
	"range_meters" integer,
	"covers" text,
	"retention_days" integer,
	"live_view" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"verification" text DEFAULT 'verified' NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"consent_version" text,
	"consented_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"attachment_id" uuid NOT NULL,
	"footage_request_id" uuid,
	"camera_id" uuid,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by_citizen_id" uuid,
	"uploaded_by_officer_id" uuid,
	"case_event_id" bigint,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "footage_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"camera_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"window_from" timestamp with time zone NOT NULL,
	"window_to" timestamp with time zone NOT NULL,
	"ask" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"requested_by" uuid NOT NULL,
	"assignee_id" uuid,
	"letter_number" text,
	"answered_at" timestamp with time zone,
	"answer_note" text,
	"reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "citizens" ADD COLUMN "announcements_opted_out_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "broadcast_id" uuid;--> statement-breakpoint
ALTER TABLE "announcement_images" ADD CONSTRAINT "announcement_images_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_images" ADD CONSTRAINT "announcement_images_created_by_officers_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_settings" ADD CONSTRAINT "announcement_settings_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_settings" ADD CONSTRAINT "announcement_settings_updated_by_officers_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audience_lists" ADD CONSTRAINT "audience_lists_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audience_lists" ADD CONSTRAINT "audience_lists_created_by_officers_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_recipients" ADD CONSTRAINT "broadcast_recipients_broadcast_id_broadcasts_id_fk" FOREIGN KEY ("broadcast_id") REFERENCES "public"."broadcasts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_recipients" ADD CONSTRAINT "broadcast_recipients_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_created_by_officers_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_approved_by_officers_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_send_requested_by_officers_id_fk" FOREIGN KEY ("send_requested_by") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_cancelled_by_officers_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_zone_address_id_zone_addresses_id_fk" FOREIGN KEY ("zone_address_id") REFERENCES "public"."zone_addresses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_created_by_citizen_id_citizens_id_fk" FOREIGN KEY ("created_by_citizen_id") REFERENCES "public"."citizens"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_addresses" ADD CONSTRAINT "zone_addresses_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cameras" ADD CONSTRAINT "cameras_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cameras" ADD CONSTRAINT "cameras_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cameras" ADD CONSTRAINT "cameras_verified_by_officers_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_footage_request_id_footage_requests_id_fk" FOREIGN KEY ("footage_request_id") REFERENCES "public"."footage_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_camera_id_cameras_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."cameras"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_citizen_id_citizens_id_fk" FOREIGN KEY ("uploaded_by_citizen_id") REFERENCES "public"."citizens"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_officer_id_officers_id_fk" FOREIGN KEY ("uploaded_by_officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_case_event_id_case_events_id_fk" FOREIGN KEY ("case_event_id") REFERENCES "public"."case_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "footage_requests" ADD CONSTRAINT "footage_requests_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "footage_requests" ADD CONSTRAINT "footage_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "footage_requests" ADD CONSTRAINT "footage_requests_camera_id_cameras_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."cameras"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "footage_requests" ADD CONSTRAINT "footage_requests_requested_by_officers_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "footage_requests" ADD CONSTRAINT "footage_requests_assignee_id_officers_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "broadcast_recipients_request_idx" ON "broadcast_recipients" USING btree ("broadcast_id","outbound_message_id");--> statement-breakpoint
CREATE INDEX "broadcasts_station_idx" ON "broadcasts" USING btree ("station_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "broadcasts_due_idx" ON "broadcasts" USING btree ("scheduled_at") WHERE "broadcasts"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "household_members_citizen_idx" ON "household_members" USING btree ("citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "households_invite_code_idx" ON "households" USING btree ("invite_code");--> statement-breakpoint
CREATE INDEX "households_area_idx" ON "households" USING btree ("station_id","municipality","subdistrict","soi");--> statement-breakpoint
CREATE INDEX "households_zone_address_idx" ON "households" USING btree ("zone_address_id");--> statement-breakpoint
CREATE UNIQUE INDEX "zone_addresses_key_idx" ON "zone_addresses" USING btree ("station_id","key");--> statement-breakpoint
CREATE INDEX "zone_addresses_area_idx" ON "zone_addresses" USING btree ("station_id","municipality","subdistrict");--> statement-breakpoint
CREATE UNIQUE INDEX "cameras_code_idx" ON "cameras" USING btree ("station_id","code");--> statement-breakpoint
CREATE INDEX "cameras_position_idx" ON "cameras" USING btree ("latitude","longitude");--> statement-breakpoint
CREATE INDEX "cameras_owner_idx" ON "cameras" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "cameras_pending_idx" ON "cameras" USING btree ("station_id","created_at") WHERE "cameras"."verification" = 'pending';--> statement-breakpoint
CREATE INDEX "evidence_files_case_idx" ON "evidence_files" USING btree ("case_id","received_at");--> statement-breakpoint
CREATE INDEX "footage_requests_case_idx" ON "footage_requests" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "footage_requests_camera_idx" ON "footage_requests" USING btree ("camera_id","created_at");--> statement-breakpoint
CREATE INDEX "footage_requests_queue_idx" ON "footage_requests" USING btree ("station_id","status","deadline_at");--> statement-breakpoint
CREATE INDEX "outbound_messages_broadcast_idx" ON "outbound_messages" USING btree ("broadcast_id","status") WHERE "outbound_messages"."broadcast_id" is not null;