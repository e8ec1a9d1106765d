ALTER TABLE "attachments" ADD COLUMN "case_event_id" bigint;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "sha256" text;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_case_event_id_case_events_id_fk" FOREIGN KEY ("case_event_id") REFERENCES "public"."case_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_case_event_idx" ON "attachments" USING btree ("case_event_id") WHERE "attachments"."case_event_id" is not null;--> statement-breakpoint
CREATE INDEX "attachments_case_idx" ON "attachments" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_events_content_pending_idx" ON "case_events" USING btree ("created_at") WHERE "case_events"."data"->>'content' = 'pending';