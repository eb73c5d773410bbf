import { Type, type Static } from 'typebox';
import { nameInput, Timestamp, Uuid } from './common.js';

/**
 * An organization API key as listed: metadata only, never the key.
 *
 * @example
 * ```json
 * { "id": "…", "name": "CI deploys", "prefix": "k3x9q2m7", "permissions": ["audit.read"], "created_by": "…",
 *   "created_at": "…", "last_used_at": null, "expires_at": null, "revoked_at": null,
 *   "active": false, "inactive_reason": "creator_removed", "effective_permissions": [] }
 * ```
 */
export const ApiKeySchema = Type.Object(
  {
    id: Uuid,
    organization_id: Uuid,
    name: Type.String(),
    prefix: Type.String(),
    permissions: Type.Array(Type.String()),
    created_by: Type.Union([Uuid, Type.Null()]),
    created_at: Timestamp,
    last_used_at: Type.Union([Timestamp, Type.Null()]),
    expires_at: Type.Union([Timestamp, Type.Null()]),
    revoked_at: Type.Union([Timestamp, Type.Null()]),
    /** whether the key authenticates now */
    active: Type.Boolean(),
    /** why it does not: revoked, expired, or its creator is no longer an active member (removed, suspended, account disabled) */
    inactive_reason: Type.Union([
      Type.Literal('revoked'),
      Type.Literal('expired'),
      Type.Literal('creator_removed'),
      Type.Literal('creator_suspended'),
      Type.Literal('creator_deactivated'),
      Type.Null(),
    ]),
    /** what the key may do now: its permissions that its creator still holds (empty when inactive) */
    effective_permissions: Type.Array(Type.String()),
  },
  { $id: 'ApiKey' },
);
export type ApiKey = Static<typeof ApiKeySchema>;

/** `POST /orgs/{org_id}/api-keys` answer: `raw_key` is shown this once (and never in an idempotent replay). */
export const CreatedApiKeySchema = Type.Object({ ...ApiKeySchema.properties, raw_key: Type.Optional(Type.String()) });

export const CreateApiKeyBody = Type.Object(
  {
    name: nameInput(100),
    permissions: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 64, uniqueItems: true }),
    expires_at: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateApiKeyBody = Static<typeof CreateApiKeyBody>;

export const ApiKeyParams = Type.Object({ org_id: Uuid, key_id: Uuid });
