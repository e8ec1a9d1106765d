ALTER TABLE "broadcasts" ADD COLUMN "pending_requests" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "broadcasts" b SET "pending_requests" = (SELECT count(*) FROM "outbound_messages" o WHERE o."broadcast_id" = b."id" AND o."status" = 'pending') WHERE b."status" = 'sending';
