-- Issue 15, item 14: bounded audit-chain verification. One checkpoint per chain (an organization's,
-- or the nil UUID for events without one, as in audit_chain_anchors): the last row a verification
-- found intact, with its hash. The next verification starts there (after checking that row still
-- carries that hash) instead of at the beginning; retention drops a checkpoint it prunes past.
CREATE TABLE "audit_chain_checkpoints" (
	"chain_key" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Issue 15, item 11: no decorative permission. settings.read and settings.update gated nothing
-- (organization settings are read with org.read and changed with org.settings): they leave the
-- catalog, the roles and the API keys that held them (which keep working with the rest).
DELETE FROM "role_permissions" WHERE "permission" IN ('settings.read', 'settings.update');
--> statement-breakpoint
DELETE FROM "api_key_permissions" WHERE "permission" IN ('settings.read', 'settings.update');
--> statement-breakpoint
DELETE FROM "permissions" WHERE "key" IN ('settings.read', 'settings.update');
--> statement-breakpoint
-- the member directory (names, emails) now needs user.read; org.read is the organization itself
UPDATE "permissions" SET "description" = 'See the organization' WHERE "key" = 'org.read';
--> statement-breakpoint
UPDATE "permissions" SET "description" = 'See the member directory: members’ names, emails and roles' WHERE "key" = 'user.read';
