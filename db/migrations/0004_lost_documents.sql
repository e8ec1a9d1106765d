CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"version" text NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "data_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "document_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"policy" text NOT NULL,
	"reason_th" text,
	"reason_en" text,
	"has_number" boolean DEFAULT true NOT NULL,
	"issuers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lost_document_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"document_type" text NOT NULL,
	"number_enc" text,
	"number_hash" text,
	"number_last" text,
	"issuer" text
);
--> statement-breakpoint
CREATE TABLE "lost_document_reports" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"citizen_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"channel" text NOT NULL,
	"declarant_name" text NOT NULL,
	"id_type" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"id_number_last" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_hash" text NOT NULL,
	"phone_last" text NOT NULL,
	"address" jsonb NOT NULL,
	"lost_from" timestamp with time zone NOT NULL,
	"lost_to" timestamp with time zone,
	"place_text" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"circumstances" text NOT NULL,
	"declared_at" timestamp with time zone NOT NULL,
	"consent_version" text NOT NULL,
	"verify_token_hash" text,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoke_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lost_document_items" ADD CONSTRAINT "lost_document_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lost_document_items" ADD CONSTRAINT "lost_document_items_document_type_document_types_code_fk" FOREIGN KEY ("document_type") REFERENCES "public"."document_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lost_document_reports" ADD CONSTRAINT "lost_document_reports_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lost_document_reports" ADD CONSTRAINT "lost_document_reports_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lost_document_reports" ADD CONSTRAINT "lost_document_reports_issued_by_officers_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_citizen_idx" ON "consents" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "lost_document_items_case_idx" ON "lost_document_items" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "lost_document_items_hash_idx" ON "lost_document_items" USING btree ("number_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "lost_document_reports_idem_idx" ON "lost_document_reports" USING btree ("citizen_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "lost_document_reports_verify_idx" ON "lost_document_reports" USING btree ("verify_token_hash") WHERE "lost_document_reports"."verify_token_hash" is not null;--> statement-breakpoint
CREATE INDEX "lost_document_reports_id_hash_idx" ON "lost_document_reports" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "lost_document_reports_citizen_idx" ON "lost_document_reports" USING btree ("citizen_id","created_at");