CREATE TABLE "capabilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_type" text NOT NULL,
	"scientist_id" uuid,
	"team_id" uuid,
	"org_id" uuid,
	"author_id" uuid,
	"external_id" varchar(100),
	"title" varchar(120) NOT NULL,
	"description" text NOT NULL,
	"disciplines" text[] DEFAULT '{}'::text[] NOT NULL,
	"industries" text[] DEFAULT '{}'::text[] NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"delivery_mode" text NOT NULL,
	"price_type" text NOT NULL,
	"price" bigint,
	"duration_days" integer,
	"region_code" varchar(12) NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"rejection_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capabilities_external_id_unique" UNIQUE("external_id"),
	CONSTRAINT "capabilities_owner_type_check" CHECK ("capabilities"."owner_type" in ('scientist', 'team', 'organization')),
	CONSTRAINT "capabilities_owner_ref_check" CHECK (("capabilities"."owner_type" = 'scientist' and "capabilities"."scientist_id" is not null)
    or ("capabilities"."owner_type" = 'team' and "capabilities"."team_id" is not null)
    or ("capabilities"."owner_type" = 'organization' and "capabilities"."org_id" is not null)),
	CONSTRAINT "capabilities_delivery_mode_check" CHECK ("capabilities"."delivery_mode" in ('onsite', 'remote', 'hybrid')),
	CONSTRAINT "capabilities_price_type_check" CHECK ("capabilities"."price_type" in ('fixed', 'negotiable', 'quote')),
	CONSTRAINT "capabilities_status_check" CHECK ("capabilities"."status" in ('draft', 'submitted', 'published', 'rejected', 'closed', 'expired')),
	CONSTRAINT "capabilities_price_check" CHECK ("capabilities"."price" is null or "capabilities"."price" >= 0),
	CONSTRAINT "capabilities_duration_check" CHECK ("capabilities"."duration_days" is null or "capabilities"."duration_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "listing_status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listing_status_events_entity_type_check" CHECK ("listing_status_events"."entity_type" in ('need', 'capability', 'result', 'scientist', 'team', 'organization')),
	CONSTRAINT "listing_status_events_from_check" CHECK ("listing_status_events"."from_status" in ('draft', 'submitted', 'published', 'rejected', 'closed', 'expired')),
	CONSTRAINT "listing_status_events_to_check" CHECK ("listing_status_events"."to_status" in ('draft', 'submitted', 'published', 'rejected', 'closed', 'expired'))
);
--> statement-breakpoint
CREATE TABLE "listing_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"data" jsonb NOT NULL,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listing_versions_entity_version_uq" UNIQUE("entity_type","entity_id","version"),
	CONSTRAINT "listing_versions_entity_type_check" CHECK ("listing_versions"."entity_type" in ('need', 'capability', 'result', 'scientist', 'team', 'organization'))
);
--> statement-breakpoint
CREATE TABLE "nda_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" varchar(45),
	"agreement_version" varchar(20) NOT NULL,
	CONSTRAINT "nda_acceptances_need_user_uq" UNIQUE("need_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"org_id" uuid,
	"author_id" uuid,
	"external_id" varchar(100),
	"title" varchar(120) NOT NULL,
	"summary" text NOT NULL,
	"description" text NOT NULL,
	"confidential" boolean DEFAULT false NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"disciplines" text[] DEFAULT '{}'::text[] NOT NULL,
	"industries" text[] DEFAULT '{}'::text[] NOT NULL,
	"budget_min" bigint,
	"budget_max" bigint,
	"deadline" date,
	"region_code" varchar(12) NOT NULL,
	"quality_score" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"rejection_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "needs_external_id_unique" UNIQUE("external_id"),
	CONSTRAINT "needs_kind_check" CHECK ("needs"."kind" in ('service', 'rd_problem', 'talent', 'wanted_result')),
	CONSTRAINT "needs_status_check" CHECK ("needs"."status" in ('draft', 'submitted', 'published', 'rejected', 'closed', 'expired')),
	CONSTRAINT "needs_budget_min_check" CHECK ("needs"."budget_min" is null or "needs"."budget_min" >= 0),
	CONSTRAINT "needs_budget_range_check" CHECK ("needs"."budget_min" is null or "needs"."budget_max" is null or "needs"."budget_min" <= "needs"."budget_max"),
	CONSTRAINT "needs_quality_score_check" CHECK ("needs"."quality_score" is null or "needs"."quality_score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "region_settings" (
	"region_code" varchar(12) PRIMARY KEY NOT NULL,
	"publish_mode" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_settings_publish_mode_check" CHECK ("region_settings"."publish_mode" in ('auto', 'review'))
);
--> statement-breakpoint
CREATE TABLE "results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_type" text NOT NULL,
	"scientist_id" uuid,
	"team_id" uuid,
	"org_id" uuid,
	"author_id" uuid,
	"external_id" varchar(100),
	"title" varchar(120) NOT NULL,
	"abstract" text NOT NULL,
	"maturity" integer NOT NULL,
	"ip" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"transfer_modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"price_type" text NOT NULL,
	"asking_price" bigint,
	"reserve_price" bigint,
	"disciplines" text[] DEFAULT '{}'::text[] NOT NULL,
	"industries" text[] DEFAULT '{}'::text[] NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"rejection_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_external_id_unique" UNIQUE("external_id"),
	CONSTRAINT "results_owner_type_check" CHECK ("results"."owner_type" in ('scientist', 'team', 'organization')),
	CONSTRAINT "results_owner_ref_check" CHECK (("results"."owner_type" = 'scientist' and "results"."scientist_id" is not null)
    or ("results"."owner_type" = 'team' and "results"."team_id" is not null)
    or ("results"."owner_type" = 'organization' and "results"."org_id" is not null)),
	CONSTRAINT "results_price_type_check" CHECK ("results"."price_type" in ('fixed', 'negotiable', 'quote')),
	CONSTRAINT "results_status_check" CHECK ("results"."status" in ('draft', 'submitted', 'published', 'rejected', 'closed', 'expired')),
	CONSTRAINT "results_transfer_modes_check" CHECK ("results"."transfer_modes" <@ array['transfer', 'license', 'joint_development', 'equity']::text[]),
	CONSTRAINT "results_maturity_check" CHECK ("results"."maturity" between 1 and 9),
	CONSTRAINT "results_asking_price_check" CHECK ("results"."asking_price" is null or "results"."asking_price" >= 0),
	CONSTRAINT "results_reserve_price_check" CHECK ("results"."reserve_price" is null or "results"."reserve_price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "scientist_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"external_id" varchar(100),
	"name" varchar(60) NOT NULL,
	"gender" text,
	"birth_year" integer,
	"education" text,
	"title" varchar(60),
	"affiliation" varchar(120),
	"org_id" uuid,
	"disciplines" text[] DEFAULT '{}'::text[] NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"bio" text,
	"experience" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"availability" text DEFAULT 'available' NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"open_capacity" integer DEFAULT 1 NOT NULL,
	"on_site_radius_km" integer,
	"remote" boolean DEFAULT false NOT NULL,
	"rural_expert" boolean DEFAULT false NOT NULL,
	"papers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"patents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"projects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"delivered_services" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"reputation" real DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scientist_profiles_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "scientist_profiles_external_id_unique" UNIQUE("external_id"),
	CONSTRAINT "scientist_profiles_gender_check" CHECK ("scientist_profiles"."gender" in ('female', 'male')),
	CONSTRAINT "scientist_profiles_education_check" CHECK ("scientist_profiles"."education" in ('doctorate', 'master', 'bachelor', 'college', 'technical_secondary', 'high_school', 'middle_school', 'other')),
	CONSTRAINT "scientist_profiles_availability_check" CHECK ("scientist_profiles"."availability" in ('available', 'limited', 'busy')),
	CONSTRAINT "scientist_profiles_status_check" CHECK ("scientist_profiles"."status" in ('draft', 'published', 'closed')),
	CONSTRAINT "scientist_profiles_capacity_check" CHECK ("scientist_profiles"."capacity" >= 0 and "scientist_profiles"."open_capacity" >= 0),
	CONSTRAINT "scientist_profiles_radius_check" CHECK ("scientist_profiles"."on_site_radius_km" is null or "scientist_profiles"."on_site_radius_km" >= 0)
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "industry_section" varchar(1);--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "industry_division" varchar(2);--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "size_class" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "employees" integer;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "external_id" varchar(100);--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "disciplines" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "capabilities" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "capabilities" ADD CONSTRAINT "capabilities_scientist_id_scientist_profiles_id_fk" FOREIGN KEY ("scientist_id") REFERENCES "public"."scientist_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capabilities" ADD CONSTRAINT "capabilities_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capabilities" ADD CONSTRAINT "capabilities_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capabilities" ADD CONSTRAINT "capabilities_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_status_events" ADD CONSTRAINT "listing_status_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_versions" ADD CONSTRAINT "listing_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nda_acceptances" ADD CONSTRAINT "nda_acceptances_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nda_acceptances" ADD CONSTRAINT "nda_acceptances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_settings" ADD CONSTRAINT "region_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_scientist_id_scientist_profiles_id_fk" FOREIGN KEY ("scientist_id") REFERENCES "public"."scientist_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scientist_profiles" ADD CONSTRAINT "scientist_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scientist_profiles" ADD CONSTRAINT "scientist_profiles_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capabilities_status_region_idx" ON "capabilities" USING btree ("status","region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "capabilities_scientist_idx" ON "capabilities" USING btree ("scientist_id");--> statement-breakpoint
CREATE INDEX "capabilities_team_idx" ON "capabilities" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "capabilities_org_idx" ON "capabilities" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "capabilities_author_idx" ON "capabilities" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "capabilities_updated_idx" ON "capabilities" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "capabilities_disciplines_idx" ON "capabilities" USING gin ("disciplines");--> statement-breakpoint
CREATE INDEX "capabilities_industries_idx" ON "capabilities" USING gin ("industries");--> statement-breakpoint
CREATE INDEX "listing_status_events_entity_idx" ON "listing_status_events" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "nda_acceptances_user_idx" ON "nda_acceptances" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "needs_status_region_idx" ON "needs" USING btree ("status","region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "needs_org_idx" ON "needs" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "needs_author_idx" ON "needs" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "needs_updated_idx" ON "needs" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "needs_deadline_idx" ON "needs" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "needs_disciplines_idx" ON "needs" USING gin ("disciplines");--> statement-breakpoint
CREATE INDEX "needs_industries_idx" ON "needs" USING gin ("industries");--> statement-breakpoint
CREATE INDEX "results_status_region_idx" ON "results" USING btree ("status","region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "results_scientist_idx" ON "results" USING btree ("scientist_id");--> statement-breakpoint
CREATE INDEX "results_team_idx" ON "results" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "results_org_idx" ON "results" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "results_author_idx" ON "results" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "results_updated_idx" ON "results" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "results_disciplines_idx" ON "results" USING gin ("disciplines");--> statement-breakpoint
CREATE INDEX "results_industries_idx" ON "results" USING gin ("industries");--> statement-breakpoint
CREATE INDEX "scientist_profiles_status_region_idx" ON "scientist_profiles" USING btree ("status","region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "scientist_profiles_org_idx" ON "scientist_profiles" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "scientist_profiles_updated_idx" ON "scientist_profiles" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "scientist_profiles_disciplines_idx" ON "scientist_profiles" USING gin ("disciplines");--> statement-breakpoint
CREATE INDEX "organizations_industry_idx" ON "organizations" USING btree ("industry_division");--> statement-breakpoint
CREATE INDEX "organizations_updated_idx" ON "organizations" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "teams_status_region_idx" ON "teams" USING btree ("status","region_code");--> statement-breakpoint
CREATE INDEX "teams_updated_idx" ON "teams" USING btree ("updated_at");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_external_id_unique" UNIQUE("external_id");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_size_class_check" CHECK ("organizations"."size_class" in ('large', 'medium', 'small', 'micro'));--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_employees_check" CHECK ("organizations"."employees" is null or "organizations"."employees" >= 0);--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_status_check" CHECK ("teams"."status" in ('draft', 'published', 'closed'));