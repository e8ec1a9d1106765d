ALTER TABLE "citizens" ADD COLUMN "menu_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "citizens" ADD COLUMN "menu_linked_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "citizens_menu_pending_idx" ON "citizens" USING btree ("updated_at") WHERE "citizens"."menu_version" > "citizens"."menu_linked_version";