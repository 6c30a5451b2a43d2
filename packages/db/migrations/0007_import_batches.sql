CREATE TABLE "import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"officer_id" uuid NOT NULL,
	"region_code" varchar(12),
	"entity" text NOT NULL,
	"file_name" varchar(200) NOT NULL,
	"format" text NOT NULL,
	"file_size" integer NOT NULL,
	"file_sha256" varchar(64) NOT NULL,
	"mode" text,
	"status" text DEFAULT 'validated' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"valid_rows" integer DEFAULT 0 NOT NULL,
	"invalid_rows" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"report" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"issues_truncated" boolean DEFAULT false NOT NULL,
	"payload" "bytea",
	"error" text,
	"committed_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_batches_entity_check" CHECK ("import_batches"."entity" in ('scientists', 'enterprises', 'capabilities', 'needs')),
	CONSTRAINT "import_batches_format_check" CHECK ("import_batches"."format" in ('xlsx', 'csv')),
	CONSTRAINT "import_batches_mode_check" CHECK ("import_batches"."mode" in ('all_or_nothing', 'valid_only')),
	CONSTRAINT "import_batches_status_check" CHECK ("import_batches"."status" in ('validated', 'committed', 'failed', 'expired'))
);
--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_batches_officer_created_idx" ON "import_batches" USING btree ("officer_id","created_at");--> statement-breakpoint
CREATE INDEX "import_batches_status_expires_idx" ON "import_batches" USING btree ("status","expires_at");