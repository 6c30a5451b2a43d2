-- Uncommitted batch payloads are ephemeral (they expire within IMPORT_BATCH_TTL): drop and re-add instead of casting bytea.
ALTER TABLE "import_batches" DROP COLUMN "payload";--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "payload" text;
