-- Rows written before the hash chain existed get their chain position; their hashes stay null
-- (verification starts at the first hashed row of each chain).
UPDATE "audit_logs" AS a SET "seq" = s.rn
  FROM (SELECT "id", row_number() OVER (PARTITION BY coalesce("organization_id", '00000000-0000-0000-0000-000000000000'::uuid) ORDER BY "created_at", "id") AS rn FROM "audit_logs") AS s
 WHERE a."id" = s."id" AND a."seq" IS NULL;
--> statement-breakpoint
ALTER TABLE "audit_logs" ALTER COLUMN "seq" SET NOT NULL;
--> statement-breakpoint
-- The audit log is append-only: no UPDATE, no TRUNCATE, and DELETE only by the retention job,
-- which sets saasready.audit_prune for its own transaction.
CREATE OR REPLACE FUNCTION audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('saasready.audit_prune', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_logs is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_logs_no_update_delete BEFORE UPDATE OR DELETE ON "audit_logs" FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON "audit_logs" FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_append_only();
