// The instance superuser's pages: one user, one organization, the overview.
import { Type, type Static } from 'typebox';
import { AuditLogSchema } from './audit.js';
import { Timestamp, Uuid } from './common.js';
import { OrganizationSchema } from './organizations.js';
import { RoleSchema } from './roles.js';
import { SessionFields } from './auth.js';
import { MembershipSummaryFields, UserSchema } from './users.js';

/**
 * `GET /admin/users/{id}`: one account as a superuser sees it — profile, two-factor status, every
 * membership, live sessions and the latest security events (logins, failures, password and 2FA
 * changes, sessions ended, lockouts), newest first. Each read is audited (`admin.user.viewed`).
 *
 * @example
 * ```json
 * { "user": { "id": "…", "email": "sam@acme.test", "is_active": true, … },
 *   "two_factor": { "enabled": true, "enabled_at": "…" },
 *   "memberships": [{ "id": "…", "organization_id": "…", "organization_name": "Acme", "role_name": "Admin", "status": "active", "created_at": "…" }],
 *   "sessions": [{ "id": "…", "ip": "203.0.113.9", "user_agent": "…", "created_at": "…", "last_used_at": "…", "expires_at": "…" }],
 *   "security_events": [{ "action": "user.logged_in", … }] }
 * ```
 */
export const AdminUserDetailSchema = Type.Object(
  {
    user: UserSchema,
    two_factor: Type.Object({ enabled: Type.Boolean(), enabled_at: Type.Union([Timestamp, Type.Null()]) }),
    memberships: Type.Array(Type.Object(MembershipSummaryFields)),
    sessions: Type.Array(
      Type.Object(SessionFields),
      { description: 'live sessions (not ended, not expired), most recently used first' },
    ),
    security_events: Type.Array(AuditLogSchema, { description: 'the 25 latest security events of the account, as actor or as target' }),
  },
  { $id: 'AdminUserDetail' },
);
export type AdminUserDetail = Static<typeof AdminUserDetailSchema>;

/**
 * `PATCH /admin/users/{id}`: disable (`false`: every session ends, logins and API keys it created
 * stop working) or enable an account. A superuser cannot disable themselves.
 *
 * @example
 * ```json
 * { "is_active": false }
 * ```
 */
export const AdminUpdateUserBody = Type.Object({ is_active: Type.Boolean() }, { additionalProperties: false });
export type AdminUpdateUserBody = Static<typeof AdminUpdateUserBody>;

/** `DELETE /admin/users/{id}/sessions/{session_id}`. */
export const AdminSessionParams = Type.Object({ id: Uuid, session_id: Uuid });

/**
 * `GET /admin/organizations/{id}`: an organization as a superuser sees it without being a member —
 * the organization with its settings, its member count, and its roles with each one's member count.
 * Reading it is audited in the organization's own log (`admin.organization.viewed`).
 *
 * @example
 * ```json
 * { "organization": { "id": "…", "name": "Acme", "settings": { "require_2fa": true }, … }, "member_count": 12,
 *   "roles": [{ "id": "…", "name": "Owner", "member_count": 1, "permissions": ["…"], … }] }
 * ```
 */
export const AdminOrganizationDetailSchema = Type.Object(
  {
    organization: OrganizationSchema,
    member_count: Type.Integer(),
    roles: Type.Array(Type.Object({ ...RoleSchema.properties, member_count: Type.Integer() })),
  },
  { $id: 'AdminOrganizationDetail' },
);
export type AdminOrganizationDetail = Static<typeof AdminOrganizationDetailSchema>;

/** `GET /admin/overview`. */
export const AdminOverviewQuery = Type.Object(
  { days: Type.Optional(Type.Integer({ minimum: 7, maximum: 90, default: 30, description: 'how many days (UTC) the daily series covers, today included' })) },
  { additionalProperties: false },
);
export type AdminOverviewQuery = Static<typeof AdminOverviewQuery>;

/**
 * `GET /admin/overview`: the instance over time. Daily series (UTC days, oldest first, today last and
 * partial): sign-ups, successful and failed logins (failed password or second factor), and users
 * active that day (any session created or used). Monthly series (the last 12 months, this one
 * partial): users active that month, accounts created by the month's end and how many of those have
 * two-factor on — both counting what still exists: an account deleted later (a SCIM directory
 * removing one it created) or a factor turned off later is not counted in earlier months either, so
 * `totals.users` is the number of accounts there are.
 *
 * @example
 * ```json
 * { "days": [{ "day": "2026-05-01", "signups": 12, "logins": 340, "failed_logins": 9, "active_users": 210 }],
 *   "months": [{ "month": "2026-05-01", "active_users": 1450, "users": 5120, "two_factor_users": 812 }],
 *   "totals": { "users": 5120, "two_factor_users": 812 } }
 * ```
 */
export const AdminOverviewSchema = Type.Object(
  {
    days: Type.Array(Type.Object({ day: Type.String({ format: 'date' }), signups: Type.Integer(), logins: Type.Integer(), failed_logins: Type.Integer(), active_users: Type.Integer() })),
    months: Type.Array(Type.Object({ month: Type.String({ format: 'date' }), active_users: Type.Integer(), users: Type.Integer(), two_factor_users: Type.Integer() })),
    totals: Type.Object({ users: Type.Integer(), two_factor_users: Type.Integer() }),
  },
  { $id: 'AdminOverview' },
);
export type AdminOverview = Static<typeof AdminOverviewSchema>;
