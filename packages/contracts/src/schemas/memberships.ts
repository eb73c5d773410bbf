import { Type, type Static } from 'typebox';
import { Timestamp, Uuid } from './common.js';

export const MembershipStatus = Type.Union([Type.Literal('active'), Type.Literal('suspended')]);

/**
 * A member of an organization, as listed by `GET /orgs/{org_id}/members`.
 *
 * @example
 * ```json
 * { "id": "…", "user_id": "…", "organization_id": "…", "role_id": "…", "role_name": "Admin", "status": "active",
 *   "created_at": "…", "user_email": "sam@acme.test", "user_full_name": "Sam Ops", "two_factor_enabled": true,
 *   "last_active_at": "…" }
 * ```
 */
export const MemberSchema = Type.Object(
  {
    id: Uuid,
    user_id: Uuid,
    organization_id: Uuid,
    role_id: Uuid,
    role_name: Type.String(),
    status: Type.String(),
    created_at: Timestamp,
    user_email: Type.String(),
    user_full_name: Type.String(),
    two_factor_enabled: Type.Boolean({ description: 'the member has turned on two-factor authentication' }),
    last_active_at: Type.Union([Timestamp, Type.Null()], { description: 'when the member last used a session (to the minute); null when never since this was recorded' }),
    managed_by_directory: Type.Boolean({ description: 'a SCIM directory manages this member: its role and presence follow the IdP (change them there)' }),
  },
  { $id: 'Member' },
);
export type Member = Static<typeof MemberSchema>;

/**
 * Orders of the member list: by join date (the default), full name, role name or last activity;
 * a leading `-` reverses it. Each is a keyset order served by an index, ties broken by membership id.
 *
 * @example
 * ```ts
 * const sort: MemberSort = '-last_active'; // most recently active first
 * ```
 */
export const MemberSort = Type.Union(
  [
    Type.Literal('joined'), Type.Literal('-joined'), Type.Literal('name'), Type.Literal('-name'),
    Type.Literal('role'), Type.Literal('-role'), Type.Literal('last_active'), Type.Literal('-last_active'),
  ],
  { description: 'joined (default), name, role or last_active; a leading - reverses the order' },
);
export type MemberSort = Static<typeof MemberSort>;

/** Query of `GET /orgs/{org_id}/members`. The next page's cursor comes in the `X-Next-Cursor` header. */
export const ListMembersQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 1000, description: 'from X-Next-Cursor; valid with the same sort only' })),
    sort: Type.Optional(MemberSort),
    search: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'matches email or full name, case-insensitive' })),
    role_id: Type.Optional(Uuid),
    status: Type.Optional(MembershipStatus),
  },
  { additionalProperties: false },
);
export type ListMembersQuery = Static<typeof ListMembersQuery>;

export const MemberParams = Type.Object({ org_id: Uuid, membership_id: Uuid });
export const ChangeRoleBody = Type.Object({ role_id: Uuid }, { additionalProperties: false });
export const ChangeStatusBody = Type.Object({ status: MembershipStatus }, { additionalProperties: false });
