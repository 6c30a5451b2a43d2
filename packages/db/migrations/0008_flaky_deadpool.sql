CREATE TABLE "coi_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"related_type" text NOT NULL,
	"related_id" uuid NOT NULL,
	"note" varchar(200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coi_declarations_user_related_uq" UNIQUE("user_id","related_id"),
	CONSTRAINT "coi_declarations_related_type_check" CHECK ("coi_declarations"."related_type" in ('user', 'scientist', 'team', 'organization'))
);
--> statement-breakpoint
ALTER TABLE "coi_declarations" ADD CONSTRAINT "coi_declarations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coi_declarations_related_idx" ON "coi_declarations" USING btree ("related_id");