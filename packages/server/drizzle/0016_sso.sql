-- Issue 21: enterprise SSO. Verified domains, SAML / OIDC connections per organization, the
-- server-side state of a login round trip, the single-use codes it ends with, the SAML replay
-- cache, and the links between IdP subjects and users. Every tenant-owned table carries
-- organization_id NOT NULL; the role a connection provisions with stays inside its organization.
CREATE TABLE "organization_domains" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE,
	"domain" text NOT NULL,
	"verification_token" text NOT NULL,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_domains_org_domain_key" UNIQUE ("organization_id", "domain")
);
--> statement-breakpoint
-- a domain is verified by one organization at most: the database decides a race between two verifications
CREATE UNIQUE INDEX "organization_domains_verified_key" ON "organization_domains" ("domain") WHERE "verified_at" IS NOT NULL;
--> statement-breakpoint
CREATE TABLE "sso_connections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE,
	"type" text NOT NULL CHECK ("type" IN ('oidc', 'saml')),
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"default_role_id" uuid,
	"allow_idp_initiated" boolean DEFAULT false NOT NULL,
	"allow_sha1" boolean DEFAULT false NOT NULL,
	"oidc_issuer" text,
	"oidc_client_id" text,
	-- AES-256-GCM under MASTER_KEY, AAD sso_connection:<id>
	"oidc_client_secret_enc" text,
	"oidc_scopes" text,
	"saml_idp_entity_id" text,
	"saml_idp_sso_url" text,
	-- PEM bodies (base64 DER), the only keys whose signatures are accepted
	"saml_idp_certificates" text[],
	"saml_idp_metadata_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sso_connections_org_id_key" UNIQUE ("organization_id", "id"),
	-- a deleted role leaves the connection provisioning with the Member role (SET NULL of the role column only)
	CONSTRAINT "sso_connections_default_role_fk" FOREIGN KEY ("organization_id", "default_role_id") REFERENCES "roles"("organization_id", "id") ON DELETE SET NULL ("default_role_id")
);
--> statement-breakpoint
CREATE INDEX "sso_connections_org_idx" ON "sso_connections" ("organization_id", "id");
--> statement-breakpoint
-- the round trip to the IdP: one row per started login, single use, minutes long
CREATE TABLE "sso_login_states" (
	"id" uuid PRIMARY KEY NOT NULL,
	"state_hash" text NOT NULL UNIQUE,
	"organization_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"redirect_uri" text NOT NULL,
	"client_state" text,
	-- OIDC: the PKCE verifier (encrypted) and the nonce; SAML: the AuthnRequest ID
	"code_verifier_enc" text,
	"nonce" text,
	"saml_request_id" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sso_login_states_connection_fk" FOREIGN KEY ("organization_id", "connection_id") REFERENCES "sso_connections"("organization_id", "id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX "sso_login_states_expires_idx" ON "sso_login_states" ("expires_at");
--> statement-breakpoint
-- the code the client redeems at POST /sso/token: SHA-256, single use, 60 s
CREATE TABLE "sso_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	-- the SSO profile handed back with the tokens, encrypted (it carries the IdP's attributes)
	"profile_enc" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sso_codes_connection_fk" FOREIGN KEY ("organization_id", "connection_id") REFERENCES "sso_connections"("organization_id", "id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX "sso_codes_expires_idx" ON "sso_codes" ("expires_at");
--> statement-breakpoint
-- SAML assertion IDs already accepted, until their NotOnOrAfter has passed (replay cache, shared by every process)
CREATE TABLE "sso_saml_assertions" (
	"connection_id" uuid NOT NULL REFERENCES "sso_connections"("id") ON DELETE CASCADE,
	"assertion_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sso_saml_assertions_pk" PRIMARY KEY ("connection_id", "assertion_id")
);
--> statement-breakpoint
-- which user an IdP subject is: found first on a returning login, so a changed email still lands on the same account
CREATE TABLE "sso_identities" (
	"connection_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"idp_subject" text NOT NULL,
	"user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sso_identities_pk" PRIMARY KEY ("connection_id", "idp_subject"),
	CONSTRAINT "sso_identities_connection_fk" FOREIGN KEY ("organization_id", "connection_id") REFERENCES "sso_connections"("organization_id", "id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX "sso_identities_user_idx" ON "sso_identities" ("user_id");
--> statement-breakpoint
-- the new permission, for Owner and Admin of every existing organization (new ones get it from SYSTEM_ROLES)
INSERT INTO "permissions" ("key", "description") VALUES ('sso.manage', 'Manage SSO connections, verified domains and SSO enforcement')
ON CONFLICT ("key") DO UPDATE SET "description" = EXCLUDED."description";
--> statement-breakpoint
INSERT INTO "role_permissions" ("organization_id", "role_id", "permission")
SELECT "organization_id", "id", 'sso.manage' FROM "roles" WHERE "is_system" AND "name" IN ('Owner', 'Admin')
ON CONFLICT DO NOTHING;
