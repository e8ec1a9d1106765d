CREATE TABLE "canned_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"officer_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_reads" (
	"case_id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"last_read_event_id" bigint NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_reads_case_id_officer_id_pk" PRIMARY KEY("case_id","officer_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_answer_outcomes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"answer_ids" uuid[] NOT NULL,
	"sufficed" boolean,
	"case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consultation_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"title_th" text NOT NULL,
	"title_en" text NOT NULL,
	"body_th" text NOT NULL,
	"body_en" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_topic_settings" (
	"station_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"first_response_minutes" integer DEFAULT 240 NOT NULL,
	"next_response_minutes" integer DEFAULT 120 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_topic_settings_station_id_topic_pk" PRIMARY KEY("station_id","topic")
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"language" text DEFAULT 'th' NOT NULL,
	"opened_via" text NOT NULL,
	"last_citizen_message_at" timestamp with time zone,
	"last_officer_message_at" timestamp with time zone,
	"next_response_due_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	"closing_summary_enc" text,
	"rating" integer,
	"rating_comment_enc" text,
	"rating_asked_at" timestamp with time zone,
	"rating_expires_at" timestamp with time zone,
	"rated_at" timestamp with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"converted_to_case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations_rating_range" CHECK ("consultations"."rating" is null or "consultations"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "station_holidays" (
	"station_id" uuid NOT NULL,
	"date" date NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "station_holidays_station_id_date_pk" PRIMARY KEY("station_id","date")
);
--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "office_hours" jsonb DEFAULT '{"1":[{"from":"08:30","to":"16:30"}],"2":[{"from":"08:30","to":"16:30"}],"3":[{"from":"08:30","to":"16:30"}],"4":[{"from":"08:30","to":"16:30"}],"5":[{"from":"08:30","to":"16:30"}]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "canned_replies" ADD CONSTRAINT "canned_replies_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canned_replies" ADD CONSTRAINT "canned_replies_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reads" ADD CONSTRAINT "case_reads_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reads" ADD CONSTRAINT "case_reads_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_answer_outcomes" ADD CONSTRAINT "consultation_answer_outcomes_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_answer_outcomes" ADD CONSTRAINT "consultation_answer_outcomes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD CONSTRAINT "consultation_answers_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_topic_settings" ADD CONSTRAINT "consultation_topic_settings_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_converted_to_case_id_cases_id_fk" FOREIGN KEY ("converted_to_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_holidays" ADD CONSTRAINT "station_holidays_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "canned_replies_owner_idx" ON "canned_replies" USING btree ("station_id","officer_id","position");--> statement-breakpoint
CREATE INDEX "consultation_answer_outcomes_station_idx" ON "consultation_answer_outcomes" USING btree ("station_id","created_at");--> statement-breakpoint
CREATE INDEX "consultation_answers_topic_idx" ON "consultation_answers" USING btree ("station_id","topic","position");--> statement-breakpoint
CREATE INDEX "consultations_topic_idx" ON "consultations" USING btree ("topic","created_at");--> statement-breakpoint
CREATE INDEX "consultations_next_due_idx" ON "consultations" USING btree ("next_response_due_at") WHERE "consultations"."closed_at" is null;