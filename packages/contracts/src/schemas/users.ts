import { Type, type Static } from 'typebox';
import { nameInput, Timestamp, Uuid } from './common.js';

/**
 * A user as the API shows it. Never carries a password hash.
 *
 * @example
 * ```json
 * { "id": "0193…", "email": "jane@acme.test", "full_name": "Jane Founder", "is_active": true,
 *   "is_superuser": false, "email_verified": false, "created_at": "2026-11-23T10:00:00.000Z" }
 * ```
 */
export const UserSchema = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    full_name: Type.String(),
    is_active: Type.Boolean(),
    is_superuser: Type.Boolean(),
    email_verified: Type.Boolean(),
    created_at: Timestamp,
  },
  { title: 'User' },
);
export type User = Static<typeof UserSchema>;

/** A membership as a person's own lists show it: the organization and the role by id and name. */
export const MembershipSummaryFields = {
  id: Uuid,
  organization_id: Uuid,
  organization_name: Type.String(),
  organization_slug: Type.String(),
  role_id: Uuid,
  role_name: Type.String(),
  status: Type.String(),
};

/** One of the caller's memberships, with the effective permissions of its role. */
export const MyMembershipSchema = Type.Object({
  ...MembershipSummaryFields,
  permissions: Type.Array(Type.String()),
  /** the organization requires two-factor authentication of its members */
  require_2fa: Type.Boolean(),
});
export type MyMembership = Static<typeof MyMembershipSchema>;

/** A short reference to an organization. */
export const OrganizationRefSchema = Type.Object({ id: Uuid, name: Type.String(), slug: Type.String() });

/**
 * `GET /auth/me`: the user, their memberships and the organization their token is scoped to,
 * with that organization's id and your effective permissions in it at the top level.
 *
 * @example
 * ```json
 * { "id": "0193…", "email": "jane@acme.test", "memberships": [ … ],
 *   "current_organization": { "id": "0193…", "name": "Acme", "slug": "acme" },
 *   "current_org_id": "0193…", "permissions": ["org.read", "org.update", "…"], "two_factor_enabled": false }
 * ```
 */
export const MeSchema = Type.Object({
  ...UserSchema.properties,
  memberships: Type.Array(MyMembershipSchema),
  current_organization: Type.Union([OrganizationRefSchema, Type.Null()]),
  /** id of `current_organization`: the organization the token is scoped to, or null */
  current_org_id: Type.Union([Uuid, Type.Null()], {
    description: 'id of the organization the token is scoped to (the same as current_organization.id), or null',
  }),
  /** the current organization's effective permissions for you; [] without one, or while it requires 2FA you have not enabled */
  permissions: Type.Array(Type.String(), {
    description:
      "effective permissions of your active membership in the current organization (as in the access token); [] when the token has no organization, or when that organization requires 2FA and you have not enabled it",
  }),
  two_factor_enabled: Type.Boolean(),
  /** some organization of yours requires 2FA and you have not enabled it: send the user to enrolment */
  two_factor_setup_required: Type.Boolean(),
});
export type Me = Static<typeof MeSchema>;

/** Query of the superuser listings (`/admin/users`, `/admin/organizations`). */
export const AdminListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    search: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type AdminListQuery = Static<typeof AdminListQuery>;

/**
 * `PATCH /auth/me`: change your own profile. The name is trimmed before it is stored.
 *
 * @example
 * ```json
 * { "full_name": "Jane Q. Founder" }
 * ```
 */
export const UpdateProfileBody = Type.Object(
  {
    full_name: nameInput(200),
  },
  { additionalProperties: false },
);
export type UpdateProfileBody = Static<typeof UpdateProfileBody>;
