-- Issue 20: refresh in one statement. A session's current refresh token is kept on the session row
-- (its SHA-256, unique), so rotating is one compare-and-swap UPDATE; refresh_tokens keeps the tokens
-- a session has replaced, so presenting any of them is still recognised as reuse.
ALTER TABLE "sessions" ADD COLUMN "refresh_hash" text;
--> statement-breakpoint
-- the live token of each session moves onto it (a session has at most one unrotated token)
UPDATE "sessions" s SET "refresh_hash" = rt."token_hash"
  FROM "refresh_tokens" rt
 WHERE rt."session_id" = s."id" AND rt."rotated_at" IS NULL;
--> statement-breakpoint
DELETE FROM "refresh_tokens" WHERE "rotated_at" IS NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_refresh_hash_key" ON "sessions" USING btree ("refresh_hash");
