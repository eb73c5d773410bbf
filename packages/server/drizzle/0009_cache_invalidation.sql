-- Cache invalidation. Every server process keeps in-memory copies of what each request checks
-- (a session and its user, a membership and its role's permissions, an API key, an organization's
-- flags). A change to a row they are built from sends a notification on the `saasready_cache`
-- channel from inside the writing transaction, so it is delivered only if that transaction
-- commits, after it commits, to every listening process — whichever code, CLI or operator's SQL
-- made the change. Payloads: `user:<id>`, `org:<id>`, `flags`, `overrides`. The trigger also marks the
-- transaction (`saasready.cache_dirty`) so the writing process can wait for its own notifications
-- before it answers (read-your-writes).
-- Trigger arguments come in pairs: the tag, then the column holding the id ('' for none).
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
CREATE TRIGGER users_cache_update AFTER UPDATE ON users FOR EACH ROW
  WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION saasready_cache_notify('user', 'id');
--> statement-breakpoint
CREATE TRIGGER users_cache_delete AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION saasready_cache_notify('user', 'id');
--> statement-breakpoint
-- last_used_at and a refresh's later expires_at do not matter to a cached session (an entry that
-- looks expired is read again, never refused from the cache)
CREATE TRIGGER sessions_cache_update AFTER UPDATE ON sessions FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.user_id IS DISTINCT FROM NEW.user_id OR NEW.expires_at < OLD.expires_at)
  EXECUTE FUNCTION saasready_cache_notify('user', 'user_id');
--> statement-breakpoint
CREATE TRIGGER sessions_cache_delete AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION saasready_cache_notify('user', 'user_id');
--> statement-breakpoint
CREATE TRIGGER user_mfa_cache AFTER INSERT OR UPDATE OR DELETE ON user_mfa FOR EACH ROW EXECUTE FUNCTION saasready_cache_notify('user', 'user_id');
--> statement-breakpoint
CREATE TRIGGER memberships_cache AFTER INSERT OR DELETE ON memberships FOR EACH ROW
  EXECUTE FUNCTION saasready_cache_notify('org', 'organization_id', 'user', 'user_id');
--> statement-breakpoint
-- search_text (0010) follows the user's name and email, which no membership cache holds
CREATE TRIGGER memberships_cache_update AFTER UPDATE ON memberships FOR EACH ROW
  WHEN ((to_jsonb(OLD) - 'search_text') IS DISTINCT FROM (to_jsonb(NEW) - 'search_text'))
  EXECUTE FUNCTION saasready_cache_notify('org', 'organization_id', 'user', 'user_id');
--> statement-breakpoint
CREATE TRIGGER organizations_cache_update AFTER UPDATE ON organizations FOR EACH ROW
  WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION saasready_cache_notify('org', 'id');
--> statement-breakpoint
CREATE TRIGGER organizations_cache_delete AFTER DELETE ON organizations FOR EACH ROW EXECUTE FUNCTION saasready_cache_notify('org', 'id');
--> statement-breakpoint
CREATE TRIGGER roles_cache AFTER UPDATE OR DELETE ON roles FOR EACH ROW EXECUTE FUNCTION saasready_cache_notify('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER role_permissions_cache AFTER INSERT OR UPDATE OR DELETE ON role_permissions FOR EACH ROW
  EXECUTE FUNCTION saasready_cache_notify('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER api_keys_cache_update AFTER UPDATE ON api_keys FOR EACH ROW
  WHEN ((to_jsonb(OLD) - 'last_used_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_used_at'))
  EXECUTE FUNCTION saasready_cache_notify('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER api_keys_cache_delete AFTER DELETE ON api_keys FOR EACH ROW EXECUTE FUNCTION saasready_cache_notify('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER api_key_permissions_cache AFTER INSERT OR UPDATE OR DELETE ON api_key_permissions FOR EACH ROW
  EXECUTE FUNCTION saasready_cache_notify('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER feature_flags_cache AFTER INSERT OR UPDATE OR DELETE ON feature_flags FOR EACH ROW EXECUTE FUNCTION saasready_cache_notify('flags', '');
--> statement-breakpoint
-- `overrides` reaches the superuser's snapshot of every organization's overrides
CREATE TRIGGER feature_flag_overrides_cache AFTER INSERT OR UPDATE OR DELETE ON feature_flag_overrides FOR EACH ROW
  EXECUTE FUNCTION saasready_cache_notify('org', 'organization_id', 'overrides', '');
