CREATE TABLE "citizens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line_user_id" text NOT NULL,
	"station_id" uuid,
	"display_name" text,
	"language" text DEFAULT 'th' NOT NULL,
	"follow_state" text DEFAULT 'following' NOT NULL,
	"followed_at" timestamp with time zone,
	"unfollowed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizens_line_user_id_unique" UNIQUE("line_user_id")
);
--> statement-breakpoint
CREATE TABLE "conversation_states" (
	"chat_key" text PRIMARY KEY NOT NULL,
	"flow" text,
	"step" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"expires_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbound_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"webhook_event_id" text NOT NULL,
	"destination" text NOT NULL,
	"type" text NOT NULL,
	"chat_key" text NOT NULL,
	"line_user_id" text,
	"occurred_at" bigint NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"reply_token" text,
	"reply_token_used_at" timestamp with time zone,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"processed_seq" bigint,
	CONSTRAINT "inbound_events_webhook_event_id_unique" UNIQUE("webhook_event_id")
);
--> statement-breakpoint
CREATE TABLE "outbound_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid,
	"method" text NOT NULL,
	"to" text,
	"recipients" text[],
	"inbound_event_id" bigint,
	"reply_token" text,
	"reply_token_expires_at" timestamp with time zone,
	"messages" jsonb NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"leased_until" timestamp with time zone,
	"retry_key" uuid DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text DEFAULT 'conversation' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"sent_via" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" jsonb,
	"line_request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"address_th" text NOT NULL,
	"address_en" text NOT NULL,
	"phone" text NOT NULL,
	"latitude" text,
	"longitude" text,
	"jurisdiction" jsonb,
	"line_group_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "citizens" ADD CONSTRAINT "citizens_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD CONSTRAINT "outbound_messages_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citizens_station_follow_idx" ON "citizens" USING btree ("station_id","follow_state");--> statement-breakpoint
CREATE INDEX "inbound_events_pending_idx" ON "inbound_events" USING btree ("chat_key","occurred_at","id") WHERE "inbound_events"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "inbound_events_sweep_idx" ON "inbound_events" USING btree ("received_at") WHERE "inbound_events"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "outbound_messages_pending_idx" ON "outbound_messages" USING btree ("created_at") WHERE "outbound_messages"."status" = 'pending';