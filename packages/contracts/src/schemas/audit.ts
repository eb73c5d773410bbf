import { Type, type Static } from 'typebox';
import { Timestamp, Uuid } from './common.js';

/**
 * One audit log row (`GET /audit/orgs/{org_id}/logs`). `audit_metadata` repeats `metadata` for
 * clients written against the seeds' API.
 */
export const AuditLogSchema = Type.Object(
  {
    id: Uuid,
    organization_id: Type.Union([Uuid, Type.Null()]),
    seq: Type.Integer({ description: 'position in the organization’s hash chain' }),
    actor_type: Type.Union([Type.Literal('user'), Type.Literal('api_key'), Type.Literal('system'), Type.Literal('directory')]),
    actor_user_id: Type.Union([Uuid, Type.Null()]),
    actor_api_key_id: Type.Union([Uuid, Type.Null()]),
    actor_email: Type.Union([Type.String(), Type.Null()]),
    action: Type.String(),
    target_type: Type.Union([Type.String(), Type.Null()]),
    target_id: Type.Union([Type.String(), Type.Null()]),
    metadata: Type.Record(Type.String(), Type.Unknown()),
    audit_metadata: Type.Record(Type.String(), Type.Unknown()),
    ip_address: Type.Union([Type.String(), Type.Null()]),
    user_agent: Type.Union([Type.String(), Type.Null()]),
    request_id: Type.Union([Type.String(), Type.Null()]),
    created_at: Timestamp,
    prev_hash: Type.Union([Type.String(), Type.Null()]),
    hash: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'AuditLog' },
);
export type AuditLog = Static<typeof AuditLogSchema>;

const AuditFilters = {
  action: Type.Optional(Type.String({ maxLength: 100, pattern: '^[a-z0-9_.]+(\\.\\*)?$', description: 'exact action, or a prefix such as `user.*`' })),
  actor_user_id: Type.Optional(Uuid),
  target_type: Type.Optional(Type.String({ maxLength: 64 })),
  target_id: Type.Optional(Type.String({ maxLength: 200 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
};

/** Newest first; page with `offset` (as in the seeds) or the `X-Next-Cursor` keyset cursor. */
export const ListAuditLogsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
    ...AuditFilters,
  },
  { additionalProperties: false },
);
export type ListAuditLogsQuery = Static<typeof ListAuditLogsQuery>;

export const ExportAuditLogsQuery = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('jsonl')], { default: 'jsonl' })), ...AuditFilters },
  { additionalProperties: false },
);

/**
 * `GET /audit/orgs/{org_id}/verify` query: by default only the rows written since the last intact
 * verification are walked; `full=true` (instance superusers) walks the whole chain.
 *
 * @example
 * ```ts
 * await fetch(`/api/v1/audit/orgs/${orgId}/verify?full=true`, { headers: { authorization } });
 * ```
 */
export const VerifyAuditQuery = Type.Object(
  { full: Type.Optional(Type.Boolean({ description: 'walk the whole chain, not just the rows after the last verified checkpoint (instance superusers)' })) },
  { additionalProperties: false },
);
export type VerifyAuditQuery = Static<typeof VerifyAuditQuery>;

/** `GET /audit/orgs/{org_id}/verify`: `checked` counts the hashed rows this walk checked. */
export const AuditVerifyResponse = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  first_broken: Type.Union([Type.Object({ id: Uuid, seq: Type.Integer(), reason: Type.String() }), Type.Null()]),
});
export type AuditVerifyResponse = Static<typeof AuditVerifyResponse>;
