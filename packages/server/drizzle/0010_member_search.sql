-- Member search (`GET /orgs/{id}/members?search=`) is ILIKE '%term%' on the member's email or full
-- name. Those are columns of users and the organization is one of memberships, so no index could
-- answer "members of this organization whose email or name contains …": in a large organization a
-- common term walked the organization's memberships in id order and looked up each one's user
-- (50,000 members, `smith`: p99 844 ms). memberships.search_text is a copy of the member's email and
-- full name (a line break between them), kept in step by the triggers below, and one GIN index over
-- (organization_id, search_text) — btree_gin lets GIN hold the uuid beside the trigrams — finds one
-- organization's matches without reading anyone else's. btree_gin is a trusted extension
-- (PostgreSQL 13+): the database owner may create it; PGlite loads it at start.
--
-- Backfilling and indexing every membership outlasts the app pool's 15 s statement timeout on a
-- large table (1.5M memberships: 114 s on the 2-core bench machine); the limit is lifted for the
-- rest of the migration's transaction only.
SET LOCAL statement_timeout = 0;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "search_text" text;
--> statement-breakpoint
-- a new membership takes its user's current email and name
CREATE OR REPLACE FUNCTION memberships_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- '' for a user that does not exist, so the insert fails on the foreign key as before, not on NOT NULL
  NEW.search_text := coalesce((SELECT u.email || E'\n' || u.full_name FROM users u WHERE u.id = NEW.user_id), '');
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER memberships_search_text BEFORE INSERT OR UPDATE OF user_id ON "memberships" FOR EACH ROW EXECUTE FUNCTION memberships_search_text();
--> statement-breakpoint
-- a changed email or name reaches every membership of the user, in the same transaction (0009's
-- memberships trigger ignores a change of search_text alone: no cache holds it)
CREATE OR REPLACE FUNCTION users_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE memberships SET search_text = NEW.email || E'\n' || NEW.full_name WHERE user_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_search_text AFTER UPDATE OF email, full_name ON "users" FOR EACH ROW
  WHEN (OLD.email IS DISTINCT FROM NEW.email OR OLD.full_name IS DISTINCT FROM NEW.full_name)
  EXECUTE FUNCTION users_search_text();
--> statement-breakpoint
-- The existing rows (0009's cache trigger skips them: only search_text changes).
UPDATE "memberships" m SET search_text = u.email || E'\n' || u.full_name FROM "users" u WHERE u.id = m.user_id;
--> statement-breakpoint
ALTER TABLE "memberships" ALTER COLUMN "search_text" SET NOT NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "memberships_org_search_idx" ON "memberships" USING gin ("organization_id", "search_text" gin_trgm_ops);
