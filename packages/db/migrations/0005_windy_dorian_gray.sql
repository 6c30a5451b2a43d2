CREATE TABLE "match_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"query_id" varchar(100) NOT NULL,
	"entity_id" uuid NOT NULL,
	"entity_kind" varchar(32) NOT NULL,
	"subject_type" varchar(32),
	"subject_id" uuid,
	"event" text NOT NULL,
	"reason" text,
	"note" varchar(500),
	"rank" integer,
	"score" real,
	"parts" jsonb,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_outcomes_event_check" CHECK ("match_outcomes"."event" in ('shown', 'invited', 'accepted', 'deal_closed', 'dismissed')),
	CONSTRAINT "match_outcomes_reason_check" CHECK ("match_outcomes"."reason" in ('not_my_field', 'too_far', 'budget_mismatch', 'already_known', 'low_quality', 'other')),
	CONSTRAINT "match_outcomes_entity_kind_check" CHECK ("match_outcomes"."entity_kind" in ('scientist', 'team', 'enterprise', 'capability', 'result', 'need'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"type" varchar(64) NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" varchar(500),
	"idempotency_key" varchar(200) NOT NULL,
	"sms_status" text DEFAULT 'none' NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "notifications_sms_status_check" CHECK ("notifications"."sms_status" in ('none', 'pending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "saved_searches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notify" boolean DEFAULT true NOT NULL,
	"channels" text[] DEFAULT '{in_app}'::text[] NOT NULL,
	"last_run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "match_outcomes" ADD CONSTRAINT "match_outcomes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_outcomes_query_idx" ON "match_outcomes" USING btree ("query_id");--> statement-breakpoint
CREATE INDEX "match_outcomes_entity_idx" ON "match_outcomes" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "match_outcomes_at_idx" ON "match_outcomes" USING btree ("at");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_sms_pending_idx" ON "notifications" USING btree ("created_at") WHERE "notifications"."sms_status" = 'pending';--> statement-breakpoint
CREATE INDEX "saved_searches_user_idx" ON "saved_searches" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "saved_searches_notify_idx" ON "saved_searches" USING btree ("notify","last_run_at");