ALTER TABLE "organizations" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "region_code" varchar(12);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "bio" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "totp_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "users_region_idx" ON "users" USING btree ("region_code");