-- Issue 20: the system roles' permissions are rows of the instance, not copies in every organization.
-- Before, each new organization copied the four system roles and their ~40 permission rows (each
-- firing the cache trigger); now it gets four small role rows and no permission row.
-- - A system role has the same id in every organization (Owner …01, Admin …02, Member …03,
--   Viewer …04; packages/contracts SYSTEM_ROLE_IDS). Each organization keeps its own four role rows,
--   so every foreign key that says "a role of this organization" — memberships, invitations, SSO
--   and SCIM defaults — stays a composite key on (organization_id, role_id), checked by PostgreSQL,
--   and locking a role (memberships/rules.ts) still locks one organization's row.
-- - The permissions of a system role are rows with organization_id null, shared by all
--   organizations; reads that look permissions up by role_id (role_permissions' primary key) find
--   them unchanged. A custom role keeps its own rows, with its organization.
-- - Constraints keep the two apart: a row with a null organization names a system role and only a
--   system role has such rows (so no organization can add a permission to everyone's Owner); a
--   system id is only ever a system role of its name; custom role ids stay unique instance-wide.
-- Existing data: system roles take the fixed ids (every reference follows), their copied
-- permission rows are replaced by the shared ones. Stop servers of earlier versions first (CHANGELOG).
DO $$
DECLARE odd text;
BEGIN
  SELECT string_agg(DISTINCT "name", ', ') INTO odd FROM "roles" WHERE "is_system" AND "name" NOT IN ('Owner', 'Admin', 'Member', 'Viewer');
  IF odd IS NOT NULL THEN
    RAISE EXCEPTION 'migration 0024: roles marked is_system with names other than Owner, Admin, Member and Viewer exist (%); rename them or set is_system = false, then start again', odd;
  END IF;
END
$$;
--> statement-breakpoint
-- 0009's cache trigger named a row by one key column; a shared permission row has none (its
-- organization is null), so a change to it now empties every cache ('all', cache/invalidation.ts)
-- instead of sending an empty message nobody acts on.
CREATE OR REPLACE FUNCTION saasready_cache_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rec jsonb;
  i int;
BEGIN
  PERFORM set_config('saasready.cache_dirty', 'on', true);
  FOREACH rec IN ARRAY array_remove(ARRAY[
    CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
    CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END], NULL)
  LOOP
    i := 0;
    WHILE i < TG_NARGS LOOP
      -- identical payloads within one transaction are delivered once (PostgreSQL folds them)
      IF TG_ARGV[i + 1] = '' THEN
        PERFORM pg_notify('saasready_cache', TG_ARGV[i]);
      ELSIF rec ->> TG_ARGV[i + 1] IS NULL THEN
        PERFORM pg_notify('saasready_cache', 'all');
      ELSE
        PERFORM pg_notify('saasready_cache', TG_ARGV[i] || ':' || (rec ->> TG_ARGV[i + 1]));
      END IF;
      i := i + 2;
    END LOOP;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TABLE "system_role_map_0024" AS
SELECT r."organization_id", r."id" AS "old_id", f."id" AS "new_id"
  FROM "roles" r
  JOIN (VALUES ('Owner', '00000000-0000-4000-8000-000000000001'::uuid),
               ('Admin', '00000000-0000-4000-8000-000000000002'::uuid),
               ('Member', '00000000-0000-4000-8000-000000000003'::uuid),
               ('Viewer', '00000000-0000-4000-8000-000000000004'::uuid)) f("name", "id") ON f."name" = r."name"
 WHERE r."is_system";
--> statement-breakpoint
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_organization_id_role_id_roles_organization_id_id_fk";
--> statement-breakpoint
ALTER TABLE "role_permissions" DROP CONSTRAINT "role_permissions_organization_id_role_id_roles_organization_id_id_fk";
--> statement-breakpoint
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_organization_id_role_id_roles_organization_id_id_fk";
--> statement-breakpoint
ALTER TABLE "sso_connections" DROP CONSTRAINT "sso_connections_default_role_fk";
--> statement-breakpoint
ALTER TABLE "scim_directories" DROP CONSTRAINT "scim_directories_default_role_fk";
--> statement-breakpoint
ALTER TABLE "scim_users" DROP CONSTRAINT "scim_users_base_role_fk";
--> statement-breakpoint
ALTER TABLE "scim_groups" DROP CONSTRAINT "scim_groups_role_fk";
--> statement-breakpoint
-- the copies go, the custom roles' rows stay. The table is rewritten rather than its copies deleted
-- row by row: the pages of the many copies would stay behind (plain VACUUM does not give back pages
-- before the last live row), and every role read would walk them.
CREATE TABLE "role_permissions_custom_0024" AS
SELECT rp.* FROM "role_permissions" rp
 WHERE NOT EXISTS (SELECT 1 FROM "system_role_map_0024" m WHERE m."organization_id" = rp."organization_id" AND m."old_id" = rp."role_id");
--> statement-breakpoint
TRUNCATE "role_permissions";
--> statement-breakpoint
INSERT INTO "role_permissions" SELECT * FROM "role_permissions_custom_0024";
--> statement-breakpoint
DROP TABLE "role_permissions_custom_0024";
--> statement-breakpoint
UPDATE "memberships" t SET "role_id" = m."new_id" FROM "system_role_map_0024" m WHERE t."organization_id" = m."organization_id" AND t."role_id" = m."old_id";
--> statement-breakpoint
UPDATE "invitations" t SET "role_id" = m."new_id" FROM "system_role_map_0024" m WHERE t."organization_id" = m."organization_id" AND t."role_id" = m."old_id";
--> statement-breakpoint
UPDATE "sso_connections" t SET "default_role_id" = m."new_id" FROM "system_role_map_0024" m WHERE t."organization_id" = m."organization_id" AND t."default_role_id" = m."old_id";
--> statement-breakpoint
UPDATE "scim_directories" t SET "default_role_id" = m."new_id" FROM "system_role_map_0024" m WHERE t."organization_id" = m."organization_id" AND t."default_role_id" = m."old_id";
--> statement-breakpoint
UPDATE "scim_users" t SET "base_role_id" = m."new_id" FROM "system_role_map_0024" m WHERE t."organization_id" = m."organization_id" AND t."base_role_id" = m."old_id";
--> statement-breakpoint
UPDATE "scim_groups" t SET "role_id" = m."new_id" FROM "system_role_map_0024" m WHERE t."organization_id" = m."organization_id" AND t."role_id" = m."old_id";
--> statement-breakpoint
ALTER TABLE "roles" DROP CONSTRAINT "roles_pkey";
--> statement-breakpoint
ALTER TABLE "roles" DROP CONSTRAINT "roles_org_id_key";
--> statement-breakpoint
UPDATE "roles" t SET "id" = m."new_id" FROM "system_role_map_0024" m WHERE t."organization_id" = m."organization_id" AND t."id" = m."old_id";
--> statement-breakpoint
DROP TABLE "system_role_map_0024";
--> statement-breakpoint
-- (organization_id, id) is the key (it was a unique constraint besides the id's): the four system ids
-- repeat across organizations
ALTER TABLE "roles" ADD CONSTRAINT "roles_pkey" PRIMARY KEY ("organization_id", "id");
--> statement-breakpoint
CREATE UNIQUE INDEX "roles_custom_id_key" ON "roles" ("id") WHERE NOT "is_system";
--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_system_ids" CHECK (CASE "id"
  WHEN '00000000-0000-4000-8000-000000000001' THEN "is_system" AND "name" = 'Owner'
  WHEN '00000000-0000-4000-8000-000000000002' THEN "is_system" AND "name" = 'Admin'
  WHEN '00000000-0000-4000-8000-000000000003' THEN "is_system" AND "name" = 'Member'
  WHEN '00000000-0000-4000-8000-000000000004' THEN "is_system" AND "name" = 'Viewer'
  ELSE NOT "is_system" END);
--> statement-breakpoint
ALTER TABLE "role_permissions" ALTER COLUMN "organization_id" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "role_permissions" ADD CONSTRAINT "role_permissions_shared_only_for_system_roles" CHECK (
  ("organization_id" IS NULL) = ("role_id" IN ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002',
                                                '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000004')));
--> statement-breakpoint
-- the Owner holds every permission; the others as SYSTEM_ROLES in packages/contracts/src/permissions.ts
-- (roles.test.ts compares these rows with it)
INSERT INTO "role_permissions" ("organization_id", "role_id", "permission")
SELECT NULL::uuid, '00000000-0000-4000-8000-000000000001'::uuid, "key" FROM "permissions"
UNION ALL
SELECT NULL::uuid, f."role_id"::uuid, f."permission" FROM (VALUES
  ('00000000-0000-4000-8000-000000000002', 'org.read'), ('00000000-0000-4000-8000-000000000002', 'org.update'),
  ('00000000-0000-4000-8000-000000000002', 'user.read'), ('00000000-0000-4000-8000-000000000002', 'user.invite'),
  ('00000000-0000-4000-8000-000000000002', 'user.manage'), ('00000000-0000-4000-8000-000000000002', 'role.read'),
  ('00000000-0000-4000-8000-000000000002', 'audit.read'), ('00000000-0000-4000-8000-000000000002', 'api_key.manage'),
  ('00000000-0000-4000-8000-000000000002', 'feature_flags.read'), ('00000000-0000-4000-8000-000000000002', 'webhooks.manage'),
  ('00000000-0000-4000-8000-000000000003', 'org.read'), ('00000000-0000-4000-8000-000000000003', 'user.read'),
  ('00000000-0000-4000-8000-000000000003', 'audit.read'), ('00000000-0000-4000-8000-000000000003', 'feature_flags.read'),
  ('00000000-0000-4000-8000-000000000004', 'org.read')) f("role_id", "permission");
--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_role_id_roles_organization_id_id_fk" FOREIGN KEY ("organization_id","role_id") REFERENCES "roles"("organization_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "role_permissions" ADD CONSTRAINT "role_permissions_organization_id_role_id_roles_organization_id_id_fk" FOREIGN KEY ("organization_id","role_id") REFERENCES "roles"("organization_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organization_id_role_id_roles_organization_id_id_fk" FOREIGN KEY ("organization_id","role_id") REFERENCES "roles"("organization_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "sso_connections" ADD CONSTRAINT "sso_connections_default_role_fk" FOREIGN KEY ("organization_id", "default_role_id") REFERENCES "roles"("organization_id", "id") ON DELETE SET NULL ("default_role_id");
--> statement-breakpoint
ALTER TABLE "scim_directories" ADD CONSTRAINT "scim_directories_default_role_fk" FOREIGN KEY ("organization_id", "default_role_id") REFERENCES "roles"("organization_id", "id") ON DELETE SET NULL ("default_role_id");
--> statement-breakpoint
ALTER TABLE "scim_users" ADD CONSTRAINT "scim_users_base_role_fk" FOREIGN KEY ("organization_id", "base_role_id") REFERENCES "roles"("organization_id", "id") ON DELETE SET NULL ("base_role_id");
--> statement-breakpoint
ALTER TABLE "scim_groups" ADD CONSTRAINT "scim_groups_role_fk" FOREIGN KEY ("organization_id", "role_id") REFERENCES "roles"("organization_id", "id") ON DELETE SET NULL ("role_id");
