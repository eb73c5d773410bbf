-- Issue 21, continued. How a session was opened: `sso` (a code redeemed at POST /sso/token) or
-- `password` (every other way in: password login, sign-up, invitation). Turning `sso_required` on
-- ends the password-based sessions of the members it governs and leaves their SSO sessions alone.
-- Sessions opened before this column read `password`: the safe side (ended rather than kept).
ALTER TABLE "sessions" ADD COLUMN "method" text DEFAULT 'password' NOT NULL;
