import { Type, type Static } from 'typebox';
import { Timestamp, Uuid } from './common.js';

/**
 * An organization API key as listed: metadata only, never the key.
 *
 * @example
 * ```json
 * { "id": "…", "name": "CI deploys", "prefix": "k3x9q2m7", "permissions": ["audit.read"], "created_by": "…",
 *   "created_at": "…", "last_used_at": null, "expires_at": null, "revoked_at": null }
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
  },
  { $id: 'ApiKey' },
);
export type ApiKey = Static<typeof ApiKeySchema>;

/** `POST /orgs/{org_id}/api-keys` answer: `raw_key` is shown this once (and never in an idempotent replay). */
export const CreatedApiKeySchema = Type.Object({ ...ApiKeySchema.properties, raw_key: Type.Optional(Type.String()) });

export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    permissions: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 64, uniqueItems: true }),
    expires_at: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateApiKeyBody = Static<typeof CreateApiKeyBody>;

export const ApiKeyParams = Type.Object({ org_id: Uuid, key_id: Uuid });
