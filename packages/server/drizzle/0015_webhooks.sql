-- Issue 22: webhooks. An endpoint belongs to an organization, or (organization_id null) to the
-- instance (superusers): it then receives every organization's events. Its signing secret is
-- AES-256-GCM under MASTER_KEY (AAD = the endpoint id), and so is the previous one while a rotation's
-- overlap lasts.
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid REFERENCES "organizations"("id") ON DELETE CASCADE,
	"url" text NOT NULL,
	"description" text,
	"event_types" text[] NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" text,
	"secret_enc" text NOT NULL,
	"previous_secret_enc" text,
	"previous_secret_expires_at" timestamp with time zone,
	"failing_since" timestamp with time zone,
	"created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "webhook_endpoints_org" ON "webhook_endpoints" ("organization_id");
--> statement-breakpoint
-- The event as delivered (the envelope), written in the transaction of the change that produced it.
CREATE TABLE "webhook_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The outbox: one row per event and endpoint (fanned out when the event is written), claimed with
-- FOR UPDATE SKIP LOCKED and a lease; seq orders one endpoint's deliveries. organization_id is the
-- endpoint's scope (null for an instance endpoint, whatever organization the event is about), and so
-- is webhook_attempts'.
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
	"endpoint_id" uuid NOT NULL REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE,
	"organization_id" uuid,
	"event_id" uuid NOT NULL REFERENCES "webhook_events"("id") ON DELETE CASCADE,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "webhook_deliveries_status" CHECK ("status" IN ('pending', 'delivering', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE INDEX "webhook_deliveries_open" ON "webhook_deliveries" ("endpoint_id", "seq") WHERE "status" IN ('pending', 'delivering');
--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due" ON "webhook_deliveries" ("next_attempt_at") WHERE "status" IN ('pending', 'delivering');
--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint" ON "webhook_deliveries" ("endpoint_id", "seq" DESC);
--> statement-breakpoint
CREATE INDEX "webhook_deliveries_created" ON "webhook_deliveries" ("created_at");
--> statement-breakpoint
-- The delivery log: one row per HTTP attempt.
CREATE TABLE "webhook_attempts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"delivery_id" uuid NOT NULL REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE,
	"endpoint_id" uuid NOT NULL REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE,
	"organization_id" uuid,
	"attempt" integer NOT NULL,
	"status_code" integer,
	"latency_ms" integer NOT NULL,
	"response_excerpt" text,
	"error" text,
	"next_retry_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery" ON "webhook_attempts" ("delivery_id", "attempt");
--> statement-breakpoint
-- the new permission, in the catalog and in the Owner and Admin roles of every existing organization
INSERT INTO "permissions" ("key", "description") VALUES
  ('webhooks.manage', 'Create, change and delete webhook endpoints, see their deliveries and retry them')
ON CONFLICT ("key") DO UPDATE SET "description" = EXCLUDED."description";
--> statement-breakpoint
INSERT INTO "role_permissions" ("organization_id", "role_id", "permission")
SELECT "organization_id", "id", 'webhooks.manage' FROM "roles" WHERE "is_system" AND "name" IN ('Owner', 'Admin')
ON CONFLICT DO NOTHING;
