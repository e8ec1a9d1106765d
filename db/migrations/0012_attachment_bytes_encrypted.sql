ALTER TABLE "attachments" ALTER COLUMN "bytes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "bytes_enc" text;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_bytes_kept" CHECK ("attachments"."bytes_enc" is not null or "attachments"."bytes" is not null);