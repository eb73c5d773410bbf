-- Lockout counters per (subject, source), with attempts reserved before they are checked.
-- subject: the normalised email for password checks, 'mfa:<user id>' for second-factor checks.
-- source: 'ip:<address>' for one client's bucket, '*' for the account-wide bucket (a far higher
-- threshold), so a stranger's wrong guesses lock their own address out, not the owner.
-- in_flight counts checks reserved and not yet finished: a reservation is refused while
-- failures + in_flight reach the threshold, so a burst of concurrent guesses (on any number of
-- processes) checks at most the threshold. reserved_at is the newest reservation: when it is
-- older than the lease, the reservations are treated as lost (a crash mid-check).
-- Existing rows become account-wide buckets of their email.
ALTER TABLE "login_throttles" RENAME COLUMN "email" TO "subject";
--> statement-breakpoint
ALTER TABLE "login_throttles" ADD COLUMN "source" text DEFAULT '*' NOT NULL;
--> statement-breakpoint
ALTER TABLE "login_throttles" ADD COLUMN "in_flight" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "login_throttles" ADD COLUMN "reserved_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "login_throttles" ALTER COLUMN "source" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "login_throttles" DROP CONSTRAINT "login_throttles_pkey";
--> statement-breakpoint
ALTER TABLE "login_throttles" ADD CONSTRAINT "login_throttles_pkey" PRIMARY KEY ("subject", "source");
--> statement-breakpoint
CREATE INDEX "login_throttles_updated_at_idx" ON "login_throttles" ("updated_at");
