-- The audit log is append-only (issue #2: kept >= 180 days, tamper-resistant).
-- UPDATE, DELETE and TRUNCATE are rejected by triggers. The only way rows leave is
-- audit_log_purge(retention_days), which refuses a retention under 180 days and marks its own
-- transaction so the row trigger lets exactly those old rows go.
CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND current_setting('tianfu.audit_purge', true) = 'on'
     AND OLD.at < now() - interval '180 days' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% rejected)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_purge(retention_days integer) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  removed bigint;
BEGIN
  IF retention_days IS NULL OR retention_days < 180 THEN
    RAISE EXCEPTION 'audit retention must be at least 180 days (got %)', retention_days
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM set_config('tianfu.audit_purge', 'on', true);
  DELETE FROM audit_log WHERE at < now() - make_interval(days => retention_days);
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('tianfu.audit_purge', 'off', true);
  RETURN removed;
END;
$$;
