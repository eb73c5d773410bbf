-- Substring search (`search=` on /admin/users, /admin/organizations and member lists) is ILIKE
-- '%term%': a B-tree cannot serve it, and at a million users it was a sequential scan (~1 s).
-- Trigram GIN indexes answer it from the index. pg_trgm is a trusted extension (PostgreSQL 13+):
-- the database owner may create it; PGlite loads it at start.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "users_email_trgm_idx" ON "users" USING gin ("email" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "users_full_name_trgm_idx" ON "users" USING gin ("full_name" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organizations_name_trgm_idx" ON "organizations" USING gin ("name" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organizations_slug_trgm_idx" ON "organizations" USING gin ("slug" gin_trgm_ops);
