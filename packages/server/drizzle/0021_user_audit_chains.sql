-- Issue 20: every user's events that belong to no organization (logins, logouts, password changes,
-- lockouts) get a hash chain of their own, keyed by the user's id in the new column `chain_key`. They
-- all shared one chain before, whose head row lock serialised every login of the instance, across
-- processes. A chain is now `coalesce(chain_key, organization_id, nil)`: organization rows keep
-- `chain_key` null, and the rows written before this migration (and events with no user, such as a
-- failed login for an unknown email) stay in the nil chain, which verifies as it did.
ALTER TABLE "audit_logs" ADD COLUMN "chain_key" uuid;--> statement-breakpoint
DROP INDEX "audit_logs_chain_key";--> statement-breakpoint
CREATE UNIQUE INDEX "audit_logs_chain_key" ON "audit_logs" USING btree (coalesce("chain_key", "organization_id", '00000000-0000-0000-0000-000000000000'::uuid),"seq");
