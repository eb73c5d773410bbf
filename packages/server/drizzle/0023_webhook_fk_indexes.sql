-- Review: the webhook tables' foreign keys without an index. Deleting an endpoint cascades to its
-- attempts, deleting a user sets its endpoints' created_by to null, and the log's retention deletes
-- events that no delivery names: each of these scanned a whole table. The retention also deletes
-- attempts by age (webhook_deliveries has webhook_deliveries_created for the same).
CREATE INDEX IF NOT EXISTS "webhook_deliveries_event" ON "webhook_deliveries" ("event_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "webhook_attempts_endpoint" ON "webhook_attempts" ("endpoint_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "webhook_attempts_created" ON "webhook_attempts" ("created_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "webhook_endpoints_created_by" ON "webhook_endpoints" ("created_by");
