import { Type, type Static } from 'typebox';
import { descriptionInput, Timestamp, Uuid } from './common.js';

/** A subscription: a catalog event type, `prefix.*`, or `*` (every event but `audit.event`). */
const EventFilter = Type.String({ minLength: 1, maxLength: 64, pattern: '^(\\*|[a-z_]+\\.(\\*|[a-z_]+))$' });

/**
 * A webhook endpoint as listed: never its secret.
 *
 * @example
 * ```json
 * { "id": "…", "organization_id": "…", "url": "https://hooks.example.com/saasready", "description": "CRM sync",
 *   "event_types": ["membership.*"], "enabled": true, "disabled_reason": null, "failing_since": null,
 *   "secret_rotating_until": null, "created_at": "…", "updated_at": "…" }
 * ```
 */
export const WebhookEndpointSchema = Type.Object(
  {
    id: Uuid,
    /** null for an instance-wide endpoint (superusers): it receives every organization’s events */
    organization_id: Type.Union([Uuid, Type.Null()]),
    url: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    event_types: Type.Array(Type.String()),
    enabled: Type.Boolean(),
    /** why the server turned it off: `gone` (the receiver answered 410) or `failing` (5 days of failures) */
    disabled_reason: Type.Union([Type.Literal('gone'), Type.Literal('failing'), Type.Null()]),
    /** the first failure of the current run of failures; null while deliveries succeed */
    failing_since: Type.Union([Timestamp, Type.Null()]),
    /** until then the previous secret signs too (after a rotation) */
    secret_rotating_until: Type.Union([Timestamp, Type.Null()]),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'WebhookEndpoint' },
);
export type WebhookEndpoint = Static<typeof WebhookEndpointSchema>;

/** `POST …/webhooks` answer: the signing secret (`whsec_…`) is shown this once. */
export const CreatedWebhookEndpointSchema = Type.Object({ ...WebhookEndpointSchema.properties, secret: Type.String() });

export const CreateWebhookBody = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2048, description: 'https (http allowed outside production)' }),
    event_types: Type.Array(EventFilter, { minItems: 1, maxItems: 64, uniqueItems: true }),
    description: Type.Optional(Type.Union([descriptionInput(500), Type.Null()])),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateWebhookBody = Static<typeof CreateWebhookBody>;

export const UpdateWebhookBody = Type.Object(
  {
    url: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
    event_types: Type.Optional(Type.Array(EventFilter, { minItems: 1, maxItems: 64, uniqueItems: true })),
    description: Type.Optional(Type.Union([descriptionInput(500), Type.Null()])),
    /** true re-enables an endpoint the server disabled (and clears its failure run) */
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateWebhookBody = Static<typeof UpdateWebhookBody>;

export const RotateWebhookSecretBody = Type.Object(
  {
    /** how long the previous secret keeps signing beside the new one (default 24 h, at most 7 days; 0 ends it now) */
    overlap_seconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 604_800 })),
  },
  { additionalProperties: false },
);
export type RotateWebhookSecretBody = Static<typeof RotateWebhookSecretBody>;

export const RotatedWebhookSecretSchema = Type.Object({ secret: Type.String(), previous_secret_expires_at: Type.Union([Timestamp, Type.Null()]) });

/** One HTTP attempt of a delivery. */
export const WebhookAttemptSchema = Type.Object({
  attempt: Type.Integer(),
  attempted_at: Timestamp,
  /** the receiver's HTTP status; null when no answer came (refused, timed out, blocked address) */
  status_code: Type.Union([Type.Integer(), Type.Null()]),
  latency_ms: Type.Integer(),
  /** the first bytes of the answer (at most 1 KiB) */
  response_excerpt: Type.Union([Type.String(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  /** when the next attempt is due after this one; null when none follows */
  next_retry_at: Type.Union([Timestamp, Type.Null()]),
});

/** One event's delivery to one endpoint, with its attempts. */
export const WebhookDeliverySchema = Type.Object(
  {
    id: Uuid,
    endpoint_id: Uuid,
    event_id: Uuid,
    event_type: Type.String(),
    status: Type.Union([Type.Literal('pending'), Type.Literal('delivering'), Type.Literal('succeeded'), Type.Literal('failed')]),
    attempts: Type.Integer(),
    next_attempt_at: Type.Union([Timestamp, Type.Null()]),
    created_at: Timestamp,
    delivered_at: Type.Union([Timestamp, Type.Null()]),
    attempt_log: Type.Array(WebhookAttemptSchema),
  },
  { $id: 'WebhookDelivery' },
);
export type WebhookDelivery = Static<typeof WebhookDeliverySchema>;

export const WebhookParams = Type.Object({ org_id: Uuid, webhook_id: Uuid });
export const WebhookDeliveryParams = Type.Object({ org_id: Uuid, webhook_id: Uuid, delivery_id: Uuid });
export const InstanceWebhookParams = Type.Object({ webhook_id: Uuid });
export const InstanceWebhookDeliveryParams = Type.Object({ webhook_id: Uuid, delivery_id: Uuid });

export const ListDeliveriesQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('delivering'), Type.Literal('succeeded'), Type.Literal('failed')])),
  },
  { additionalProperties: false },
);

/** `POST …/test` and `POST …/deliveries/{id}/retry` answer: the delivery queued. */
export const QueuedDeliverySchema = Type.Object({ delivery_id: Uuid, event_id: Uuid });
