-- Issue 24, the dashboard's remaining pages: members sorted by name, role, join date and last
-- activity (keyset pages, each order served by an index); the superuser's user page (recent
-- security events) and instance overview (sign-ups, logins, failed logins, daily and monthly active
-- users, two-factor adoption). Every index below answers one query named beside it; the overview's
-- queries and their plans at a million users are in docs/benchmarks.md (bench:overview).
--
-- Building these on a large existing table outlasts the app pool's 15 s statement timeout; the
-- limit is lifted for the rest of the migration's transaction only (as 0010 does).
SET LOCAL statement_timeout = 0;
--> statement-breakpoint
-- When a member last used a session: the member list shows and sorts by it. It is the user's, copied
-- onto each of their memberships (like search_text) so one organization's members can be read in
-- that order from an index. Written by the sessions trigger below at most once a minute per user.
ALTER TABLE "memberships" ADD COLUMN "last_active_at" timestamp with time zone;
--> statement-breakpoint
UPDATE "memberships" m SET last_active_at = s.last_used_at
  FROM (SELECT user_id, max(last_used_at) AS last_used_at FROM "sessions" GROUP BY user_id) s
 WHERE s.user_id = m.user_id;
--> statement-breakpoint
-- a new membership starts with the user's latest activity (one sessions_user_idx lookup)
CREATE OR REPLACE FUNCTION memberships_last_active() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.last_active_at := (SELECT max(s.last_used_at) FROM sessions s WHERE s.user_id = NEW.user_id);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER memberships_last_active BEFORE INSERT ON "memberships" FOR EACH ROW EXECUTE FUNCTION memberships_last_active();
--> statement-breakpoint
-- Which users were active on which day (UTC) and in which month: the overview's daily and monthly
-- active users are counts of one index range each, never a scan of sessions or the audit log.
-- A row holds a date and a user id only. Users are never deleted (accounts are disabled); the
-- foreign keys cascade all the same.
CREATE TABLE "user_activity_days" (
	"day" date NOT NULL,
	"user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	CONSTRAINT "user_activity_days_pkey" PRIMARY KEY ("day", "user_id")
);
--> statement-breakpoint
CREATE TABLE "user_activity_months" (
	"month" date NOT NULL,
	"user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	CONSTRAINT "user_activity_months_pkey" PRIMARY KEY ("month", "user_id")
);
--> statement-breakpoint
-- The counts of closed periods (active users per day before yesterday and per month before this one,
-- accounts created per month before this one): they no longer change, so the overview counts each
-- once and keeps it here; only the open periods are counted on each request.
CREATE TABLE "activity_counts" (
	"period" text NOT NULL CHECK ("period" IN ('day', 'month', 'accounts')),
	"starts_on" date NOT NULL,
	"users" integer NOT NULL,
	CONSTRAINT "activity_counts_pkey" PRIMARY KEY ("period", "starts_on")
);
--> statement-breakpoint
INSERT INTO "user_activity_days" (day, user_id)
  SELECT DISTINCT (last_used_at AT TIME ZONE 'UTC')::date, user_id FROM "sessions" ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "user_activity_months" (month, user_id)
  SELECT DISTINCT date_trunc('month', last_used_at AT TIME ZONE 'UTC')::date, user_id FROM "sessions" ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- A session created (a login) or used (sessions.touch, a refresh; each at most once a minute) marks
-- its user active today and this month, and brings their memberships' last_active_at up to date
-- when it is more than a minute old. The inserts are no-ops after the first of the day; the update
-- skips fresh rows, and rows another transaction holds (SKIP LOCKED): a member being changed or
-- removed while holding their sessions would otherwise deadlock with the session's own update; the
-- next touch, a minute later, catches up.
CREATE OR REPLACE FUNCTION sessions_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO user_activity_days (day, user_id) VALUES ((NEW.last_used_at AT TIME ZONE 'UTC')::date, NEW.user_id) ON CONFLICT DO NOTHING;
  INSERT INTO user_activity_months (month, user_id) VALUES (date_trunc('month', NEW.last_used_at AT TIME ZONE 'UTC')::date, NEW.user_id) ON CONFLICT DO NOTHING;
  UPDATE memberships SET last_active_at = NEW.last_used_at
   WHERE id IN (SELECT id FROM memberships
                 WHERE user_id = NEW.user_id AND (last_active_at IS NULL OR last_active_at < NEW.last_used_at - interval '1 minute')
                   FOR UPDATE SKIP LOCKED);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_activity_insert AFTER INSERT ON "sessions" FOR EACH ROW EXECUTE FUNCTION sessions_activity();
--> statement-breakpoint
CREATE TRIGGER sessions_activity_update AFTER UPDATE OF last_used_at ON "sessions" FOR EACH ROW
  WHEN (OLD.last_used_at IS DISTINCT FROM NEW.last_used_at) EXECUTE FUNCTION sessions_activity();
--> statement-breakpoint
-- 0009's cache trigger: neither search_text nor last_active_at is held by any membership cache, so a
-- change of those alone notifies no one (else every session touch would flush its user's entries)
DROP TRIGGER IF EXISTS memberships_cache_update ON "memberships";
--> statement-breakpoint
CREATE TRIGGER memberships_cache_update AFTER UPDATE ON memberships FOR EACH ROW
  WHEN ((to_jsonb(OLD) - 'search_text' - 'last_active_at') IS DISTINCT FROM (to_jsonb(NEW) - 'search_text' - 'last_active_at'))
  EXECUTE FUNCTION saasready_cache_notify('org', 'organization_id', 'user', 'user_id');
--> statement-breakpoint
-- Member list orders (memberships/repository.ts list): by name (the full name in search_text, after
-- the email and a line break), by role (one role at a time, members in id order), by last activity
-- (never-active members first ascending, last descending). Join order is memberships_org_id_idx.
CREATE INDEX "memberships_org_name_idx" ON "memberships" ("organization_id", lower(split_part("search_text", E'\n', 2)), "id");
--> statement-breakpoint
CREATE INDEX "memberships_org_role_idx" ON "memberships" ("organization_id", "role_id", "id");
--> statement-breakpoint
CREATE INDEX "memberships_org_last_active_idx" ON "memberships" ("organization_id", coalesce("last_active_at", '-infinity'::timestamptz), "id");
--> statement-breakpoint
-- Overview: sign-ups per day and users per month (users.created_at); two-factor adoption per month
CREATE INDEX "users_created_at_idx" ON "users" ("created_at");
--> statement-breakpoint
CREATE INDEX "user_mfa_enabled_at_idx" ON "user_mfa" ("enabled_at") WHERE "enabled_at" IS NOT NULL;
--> statement-breakpoint
-- Overview: logins and failed logins per day, a range of this small index (login events only), not
-- of the whole audit log
CREATE INDEX "audit_logs_login_events_idx" ON "audit_logs" ("action", "created_at")
  WHERE "action" IN ('user.logged_in', 'user.login', 'user.login.failed', 'user.login.mfa_failed');
--> statement-breakpoint
-- The superuser's user page: the user's recent security events, as actor and as target
CREATE INDEX "audit_logs_security_actor_idx" ON "audit_logs" ("actor_user_id", "created_at" DESC)
  WHERE "actor_user_id" IS NOT NULL AND "action" IN ('user.registered', 'user.logged_in', 'user.login.failed', 'user.logout', 'user.logout_all',
    'user.password.changed', 'user.session.revoked', 'user.account.locked', 'user.password.verification_failed', 'auth.refresh_token.reused',
    'user.password.reset_requested', 'user.password.reset', 'user.email.verified', 'user.2fa.enabled', 'user.2fa.disabled',
    'user.2fa.backup_codes.regenerated', 'user.2fa.backup_code.used', 'user.login.mfa_failed', 'user.2fa.verification_failed', 'user.2fa.reset',
    'sso.login.succeeded', 'user.login.break_glass', 'user.disabled', 'user.enabled');
--> statement-breakpoint
CREATE INDEX "audit_logs_security_target_idx" ON "audit_logs" ("target_id", "created_at" DESC)
  WHERE "target_type" = 'user' AND "action" IN ('user.registered', 'user.logged_in', 'user.login.failed', 'user.logout', 'user.logout_all',
    'user.password.changed', 'user.session.revoked', 'user.account.locked', 'user.password.verification_failed', 'auth.refresh_token.reused',
    'user.password.reset_requested', 'user.password.reset', 'user.email.verified', 'user.2fa.enabled', 'user.2fa.disabled',
    'user.2fa.backup_codes.regenerated', 'user.2fa.backup_code.used', 'user.login.mfa_failed', 'user.2fa.verification_failed', 'user.2fa.reset',
    'sso.login.succeeded', 'user.login.break_glass', 'user.disabled', 'user.enabled');
