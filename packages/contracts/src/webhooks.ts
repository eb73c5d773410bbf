import { Type, type Static, type TSchema } from 'typebox';
import type { AuditAction } from './audit-actions.js';

/**
 * The webhook event catalog: every event type an endpoint can subscribe to. Domain events are
 * produced from the audit row their change writes (inside the change's transaction), through
 * {@link AUDIT_ACTION_EVENTS}; `audit.event` carries every audit row of the endpoint's scope;
 * `webhook.test` is sent by `POST …/webhooks/{id}/test` only.
 *
 * @example
 * ```ts
 * import { WEBHOOK_EVENT_TYPES } from '@saasready/contracts';
 * WEBHOOK_EVENT_TYPES.includes('membership.created'); // true
 * ```
 */
export const WEBHOOK_EVENT_TYPES = [
  'user.created',
  'user.updated',
  'session.created',
  'session.revoked',
  'organization.created',
  'organization.updated',
  'organization.deleted',
  'membership.created',
  'membership.updated',
  'membership.deleted',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
  'role.created',
  'role.updated',
  'role.deleted',
  'api_key.created',
  'api_key.revoked',
  'flag_override.updated',
  'flag_override.deleted',
  'domain.created',
  'domain.verified',
  'domain.deleted',
  'sso_connection.created',
  'sso_connection.updated',
  'sso_connection.deleted',
  'webhook.test',
  'audit.event',
] as const;

/** A webhook event type from the catalog. */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What each catalog event means (the OpenAPI `webhooks` section and docs/webhooks.md use it). */
export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  'user.created': 'An account was registered (organization_id is set when it came through an invitation).',
  'user.updated': 'An account changed: profile, password, verified email, two-factor on or off.',
  'session.created': 'Someone signed in (instance-wide: sessions belong to no organization).',
  'session.revoked': 'A session ended: logout, logout everywhere, revoked by its owner, or refresh-token reuse.',
  'organization.created': 'An organization was created.',
  'organization.updated': 'An organization’s details or security settings changed.',
  'organization.deleted': 'An organization was deleted (the last event its own endpoints receive).',
  'membership.created': 'Someone became a member (organization created, invitation accepted, first SSO login, SCIM provisioning).',
  'membership.updated': 'A member’s role changed, or the member was suspended or reactivated.',
  'membership.deleted': 'A member was removed, left, or was deprovisioned by the SCIM directory.',
  'invitation.created': 'An invitation was sent.',
  'invitation.accepted': 'An invitation was accepted.',
  'invitation.revoked': 'An invitation was revoked.',
  'role.created': 'A custom role was created.',
  'role.updated': 'A custom role was changed.',
  'role.deleted': 'A custom role was deleted.',
  'api_key.created': 'An API key was created (never the key itself).',
  'api_key.revoked': 'An API key was revoked, or lost its access with its creator.',
  'flag_override.updated': 'A feature flag was overridden (enabled or disabled) for the organization.',
  'flag_override.deleted': 'An organization’s override of a feature flag was removed.',
  'domain.created': 'A domain was added to the organization, pending its DNS verification.',
  'domain.verified': 'The organization proved it holds a domain (its TXT record was found).',
  'domain.deleted': 'A domain was removed from the organization.',
  'sso_connection.created': 'A SAML or OIDC connection was added (never its client secret).',
  'sso_connection.updated': 'A SAML or OIDC connection changed (the names of the fields, never a secret).',
  'sso_connection.deleted': 'A SAML or OIDC connection was removed.',
  'webhook.test': 'Sent on request by POST …/webhooks/{id}/test, to this endpoint only.',
  'audit.event': 'Every audit row of the endpoint’s scope, with its hash-chain position (seq, prev_hash, hash). Only sent to endpoints that name it (`*` does not include it).',
};

/**
 * Which events an audit action produces: one table, so "an event exists iff its change committed"
 * holds by construction (the audit row is written in the change's transaction, the events with it).
 * Every audit row also produces `audit.event` for endpoints subscribed to it.
 *
 * @example
 * ```ts
 * AUDIT_ACTION_EVENTS['user.invite.accepted']; // ['invitation.accepted', 'membership.created']
 * ```
 */
export const AUDIT_ACTION_EVENTS: Partial<Record<AuditAction, readonly WebhookEventType[]>> = {
  'user.registered': ['user.created'],
  'user.profile.updated': ['user.updated'],
  'user.password.changed': ['user.updated'],
  'user.password.reset': ['user.updated'],
  'user.email.verified': ['user.updated'],
  'user.2fa.enabled': ['user.updated'],
  'user.2fa.disabled': ['user.updated'],
  'user.2fa.reset': ['user.updated'],
  'user.disabled': ['user.updated'],
  'user.enabled': ['user.updated'],
  'user.logged_in': ['session.created'],
  'user.logout': ['session.revoked'],
  'user.logout_all': ['session.revoked'],
  'user.session.revoked': ['session.revoked'],
  'auth.refresh_token.reused': ['session.revoked'],
  'org.created': ['organization.created'],
  'org.updated': ['organization.updated'],
  'org.settings.updated': ['organization.updated'],
  'org.deleted': ['organization.deleted'],
  'member.added': ['membership.created'],
  'user.role.updated': ['membership.updated'],
  'member.suspended': ['membership.updated'],
  'member.reactivated': ['membership.updated'],
  'user.removed': ['membership.deleted'],
  'member.left': ['membership.deleted'],
  'user.invite.sent': ['invitation.created'],
  'user.invite.accepted': ['invitation.accepted', 'membership.created'],
  'user.invite.revoked': ['invitation.revoked'],
  'role.created': ['role.created'],
  'role.updated': ['role.updated'],
  'role.deleted': ['role.deleted'],
  'api_key.created': ['api_key.created'],
  'api_key.revoked': ['api_key.revoked'],
  'api_key.deactivated': ['api_key.revoked'],
  'feature_flag.enabled': ['flag_override.updated'],
  'feature_flag.disabled': ['flag_override.updated'],
  'feature_flag.reset': ['flag_override.deleted'],
  'domain.added': ['domain.created'],
  'domain.verified': ['domain.verified'],
  'domain.removed': ['domain.deleted'],
  'sso.connection.created': ['sso_connection.created'],
  'sso.connection.updated': ['sso_connection.updated'],
  'sso.connection.deleted': ['sso_connection.deleted'],
  'member.provisioned': ['membership.created'],
  'member.deprovisioned': ['membership.deleted'],
};

/**
 * Whether an endpoint's subscription (`membership.created`, `membership.*`, `*`) covers an event
 * type. `*` is every event except `audit.event`, which an endpoint must name (or `audit.*`).
 *
 * @example
 * ```ts
 * webhookFilterMatches('membership.*', 'membership.deleted'); // true
 * webhookFilterMatches('*', 'audit.event'); // false
 * ```
 */
export function webhookFilterMatches(filter: string, type: string): boolean {
  if (filter === '*') return type !== 'audit.event';
  if (filter.endsWith('.*')) return type.startsWith(filter.slice(0, -1));
  return filter === type;
}

/** A subscription filter: a catalog type, `prefix.*` of one, or `*`. */
export function isValidWebhookFilter(filter: string): boolean {
  if (filter === '*') return true;
  if (filter.endsWith('.*')) return WEBHOOK_EVENT_TYPES.some((t) => t.startsWith(filter.slice(0, -1)));
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(filter);
}

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Who made the change: a person, an organization API key, a SCIM directory (its id in the attributes' `directory_id`), or the system. */
export const WebhookActorSchema = Type.Object({
  type: Type.Union([Type.Literal('user'), Type.Literal('api_key'), Type.Literal('system'), Type.Literal('directory')]),
  user_id: Nullable(Type.String({ format: 'uuid' })),
  api_key_id: Nullable(Type.String({ format: 'uuid' })),
  email: Nullable(Type.String()),
});

/**
 * `data` of a domain event: the audit action that produced it, who acted, on what, and the audit
 * row's metadata (secrets already removed) as `attributes`.
 */
export const WebhookDomainDataSchema = Type.Object({
  /** the audit action behind the event (`user.role.updated` for a `membership.updated`) */
  action: Type.String(),
  actor: WebhookActorSchema,
  target: Nullable(Type.Object({ type: Type.String(), id: Type.String() })),
  attributes: Type.Record(Type.String(), Type.Unknown()),
  /** the audit row this event came from: look it up in the audit log */
  audit_log_id: Type.String({ format: 'uuid' }),
});
export type WebhookDomainData = Static<typeof WebhookDomainDataSchema>;

/** `data` of `audit.event`: the audit row as stored, with its chain links. */
export const WebhookAuditDataSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  organization_id: Nullable(Type.String({ format: 'uuid' })),
  /**
   * the user whose chain holds a row with no organization; null for an organization's row and for the
   * nil chain. A row's chain is `chain_key ?? organization_id ?? nil`, and `seq` counts within it.
   */
  chain_key: Nullable(Type.String({ format: 'uuid', description: "the user whose hash chain holds this organization-less row; null for an organization's row and for the nil chain (the chain is chain_key, else organization_id, else the nil UUID; seq counts within it)" })),
  seq: Type.Integer(),
  prev_hash: Nullable(Type.String()),
  hash: Nullable(Type.String()),
  action: Type.String(),
  actor_type: Type.String(),
  actor_user_id: Nullable(Type.String()),
  actor_api_key_id: Nullable(Type.String()),
  actor_email: Nullable(Type.String()),
  target_type: Nullable(Type.String()),
  target_id: Nullable(Type.String()),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  ip_address: Nullable(Type.String()),
  user_agent: Nullable(Type.String()),
  request_id: Nullable(Type.String()),
  created_at: Type.String({ format: 'date-time' }),
});
export type WebhookAuditData = Static<typeof WebhookAuditDataSchema>;

/** `data` of `webhook.test`. */
export const WebhookTestDataSchema = Type.Object({ endpoint_id: Type.String({ format: 'uuid' }), message: Type.String() });

/** The `data` schema of each event type. */
export function webhookDataSchema(type: WebhookEventType): TSchema {
  if (type === 'audit.event') return WebhookAuditDataSchema;
  if (type === 'webhook.test') return WebhookTestDataSchema;
  return WebhookDomainDataSchema;
}

/**
 * The JSON body of a delivery of `type` (the envelope): `id` is also the `webhook-id` header and
 * stays the same across retries, so a receiver deduplicates on it.
 *
 * @example
 * ```json
 * { "id": "0193…", "type": "membership.created", "created_at": "2026-12-05T17:40:00.000Z",
 *   "organization_id": "0193…", "data": { "action": "member.added", "actor": { "type": "user", … },
 *   "target": { "type": "membership", "id": "0193…" }, "attributes": { "role": "Owner" }, "audit_log_id": "0193…" } }
 * ```
 */
export function webhookEnvelopeSchema(type: WebhookEventType): TSchema {
  return Type.Object({
    id: Type.String({ format: 'uuid', description: 'the event id, equal to the webhook-id header' }),
    type: Type.Literal(type),
    created_at: Type.String({ format: 'date-time' }),
    organization_id: Nullable(Type.String({ format: 'uuid' })),
    data: webhookDataSchema(type),
  }, { description: WEBHOOK_EVENT_DESCRIPTIONS[type] });
}

/** Any delivered event, typed by its `type`. */
export type WebhookEvent =
  | { id: string; type: 'audit.event'; created_at: string; organization_id: string | null; data: WebhookAuditData }
  | { id: string; type: 'webhook.test'; created_at: string; organization_id: string | null; data: Static<typeof WebhookTestDataSchema> }
  | { id: string; type: Exclude<WebhookEventType, 'audit.event' | 'webhook.test'>; created_at: string; organization_id: string | null; data: WebhookDomainData };
