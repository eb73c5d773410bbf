-- Issue 23: SCIM 2.0 directory sync per organization. A directory is one IdP's provisioning
-- connection (Entra ID, Okta): a bearer token (SHA-256 only) that scopes every SCIM request to its
-- organization. Its Users link a SCIM resource to an account and that account's membership; its
-- Groups map to roles. Every table carries organization_id NOT NULL, and each foreign key inside
-- a directory includes it, so no row can point into another organization.
CREATE TABLE "scim_directories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE,
	"name" text NOT NULL,
	-- SHA-256 of the bearer token (scim_…); the token itself is shown once
	"token_hash" text NOT NULL,
	-- the token's first characters, to tell tokens apart in the dashboard
	"token_prefix" text NOT NULL,
	-- the role of a provisioned member in no mapped group (NULL: the Member role)
	"default_role_id" uuid,
	"last_sync_at" timestamp with time zone,
	"created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scim_directories_org_id_key" UNIQUE ("organization_id", "id"),
	CONSTRAINT "scim_directories_default_role_fk" FOREIGN KEY ("organization_id", "default_role_id") REFERENCES "roles"("organization_id", "id") ON DELETE SET NULL ("default_role_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "scim_directories_token_hash_key" ON "scim_directories" ("token_hash");
--> statement-breakpoint
CREATE INDEX "scim_directories_org_idx" ON "scim_directories" ("organization_id", "id");
--> statement-breakpoint
CREATE TABLE "scim_users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"directory_id" uuid NOT NULL,
	"user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"user_name" text NOT NULL,
	"external_id" text,
	"display_name" text,
	"active" boolean DEFAULT true NOT NULL,
	-- the SCIM resource as last written by the IdP (core attributes and the Enterprise extension), minus id, meta and groups
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	-- the account was created by this directory (not linked): DELETE removes it when it has no other membership
	"created_account" boolean DEFAULT false NOT NULL,
	-- the role the member holds when in no mapped group: their role before the link, or the directory's default
	"base_role_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scim_users_directory_fk" FOREIGN KEY ("organization_id", "directory_id") REFERENCES "scim_directories"("organization_id", "id") ON DELETE CASCADE,
	CONSTRAINT "scim_users_base_role_fk" FOREIGN KEY ("organization_id", "base_role_id") REFERENCES "roles"("organization_id", "id") ON DELETE SET NULL ("base_role_id"),
	CONSTRAINT "scim_users_org_id_key" UNIQUE ("organization_id", "id"),
	CONSTRAINT "scim_users_directory_user_key" UNIQUE ("directory_id", "user_id")
);
--> statement-breakpoint
-- userName is unique per directory, case-insensitively (RFC 7643 §4.1.1): `userName eq "…"` is one probe
CREATE UNIQUE INDEX "scim_users_user_name_key" ON "scim_users" ("directory_id", lower("user_name"));
--> statement-breakpoint
CREATE INDEX "scim_users_external_id_idx" ON "scim_users" ("directory_id", "external_id");
--> statement-breakpoint
-- startIndex pages walk the directory's users in id order: an index-only scan for the page's ids and
-- for totalResults (the organization leads, as every query names it)
CREATE INDEX "scim_users_page_idx" ON "scim_users" ("organization_id", "directory_id", "id");
--> statement-breakpoint
CREATE INDEX "scim_users_user_idx" ON "scim_users" ("user_id");
--> statement-breakpoint
CREATE TABLE "scim_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"directory_id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"external_id" text,
	-- the role its members hold (NULL: the group grants nothing)
	"role_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scim_groups_directory_fk" FOREIGN KEY ("organization_id", "directory_id") REFERENCES "scim_directories"("organization_id", "id") ON DELETE CASCADE,
	CONSTRAINT "scim_groups_role_fk" FOREIGN KEY ("organization_id", "role_id") REFERENCES "roles"("organization_id", "id") ON DELETE SET NULL ("role_id"),
	CONSTRAINT "scim_groups_org_id_key" UNIQUE ("organization_id", "id")
);
--> statement-breakpoint
CREATE INDEX "scim_groups_display_name_idx" ON "scim_groups" ("directory_id", lower("display_name"));
--> statement-breakpoint
CREATE INDEX "scim_groups_external_id_idx" ON "scim_groups" ("directory_id", "external_id");
--> statement-breakpoint
CREATE INDEX "scim_groups_page_idx" ON "scim_groups" ("organization_id", "directory_id", "id");
--> statement-breakpoint
CREATE TABLE "scim_group_members" (
	"organization_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"scim_user_id" uuid NOT NULL,
	CONSTRAINT "scim_group_members_pk" PRIMARY KEY ("group_id", "scim_user_id"),
	CONSTRAINT "scim_group_members_group_fk" FOREIGN KEY ("organization_id", "group_id") REFERENCES "scim_groups"("organization_id", "id") ON DELETE CASCADE,
	CONSTRAINT "scim_group_members_user_fk" FOREIGN KEY ("organization_id", "scim_user_id") REFERENCES "scim_users"("organization_id", "id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX "scim_group_members_user_idx" ON "scim_group_members" ("scim_user_id");
--> statement-breakpoint
-- a membership the directory manages: its role and its presence follow the IdP (released when the directory is deleted)
ALTER TABLE "memberships" ADD COLUMN "directory_id" uuid;
--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_directory_fk" FOREIGN KEY ("organization_id", "directory_id") REFERENCES "scim_directories"("organization_id", "id") ON DELETE SET NULL ("directory_id");
--> statement-breakpoint
-- the new permission, for Owner and Admin of every existing organization (new ones get it from SYSTEM_ROLES)
INSERT INTO "permissions" ("key", "description") VALUES ('directory.manage', 'Manage SCIM directories: their tokens and group-to-role mappings')
ON CONFLICT ("key") DO UPDATE SET "description" = EXCLUDED."description";
--> statement-breakpoint
INSERT INTO "role_permissions" ("organization_id", "role_id", "permission")
SELECT "organization_id", "id", 'directory.manage' FROM "roles" WHERE "is_system" AND "name" IN ('Owner', 'Admin')
ON CONFLICT DO NOTHING;
