-- Issue 22: each process keeps, per scope, the subscriptions of the enabled endpoints that hear its
-- events (webhook-events/hints.ts), so an audited write in a scope nobody listens to skips the
-- endpoint query. A change that can alter that answer notifies the cache channel from its own
-- transaction, like 0009's triggers: `webhooks:<organization id>`, or `webhooks:instance` for an
-- instance endpoint (heard by every organization's events). It also sets `saasready.webhooks_dirty`:
-- a transaction that changed endpoints never fills the cache from what it sees (it may roll back).
CREATE OR REPLACE FUNCTION saasready_webhooks_cache_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rec webhook_endpoints;
BEGIN
  PERFORM set_config('saasready.cache_dirty', 'on', true);
  PERFORM set_config('saasready.webhooks_dirty', 'on', true);
  FOREACH rec IN ARRAY array_remove(ARRAY[
    CASE WHEN TG_OP <> 'INSERT' THEN OLD END,
    CASE WHEN TG_OP <> 'DELETE' THEN NEW END], NULL)
  LOOP
    PERFORM pg_notify('saasready_cache', 'webhooks:' || coalesce(rec.organization_id::text, 'instance'));
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER webhook_endpoints_cache AFTER INSERT OR DELETE ON webhook_endpoints FOR EACH ROW
  EXECUTE FUNCTION saasready_webhooks_cache_notify();
--> statement-breakpoint
-- failing_since, secrets and descriptions change no subscription: no notification for them
CREATE TRIGGER webhook_endpoints_cache_update AFTER UPDATE ON webhook_endpoints FOR EACH ROW
  WHEN (OLD.enabled IS DISTINCT FROM NEW.enabled OR OLD.event_types IS DISTINCT FROM NEW.event_types OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
  EXECUTE FUNCTION saasready_webhooks_cache_notify();
