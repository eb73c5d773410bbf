import { Type, type Static } from 'typebox';
import { EmailInput, nameInput, Timestamp, Uuid } from './common.js';

export const InvitationStatus = Type.Union([Type.Literal('pending'), Type.Literal('accepted'), Type.Literal('revoked'), Type.Literal('expired')]);

/**
 * An invitation to join an organization. The token never appears here: it is stored hashed, and
 * only the email and the inviter's create/resend answer ({@link CreatedInvitationSchema}) carry it.
 *
 * @example
 * ```json
 * { "id": "…", "organization_id": "…", "email": "sam@acme.test", "full_name": "Sam", "role_id": "…", "role_name": "Admin",
 *   "status": "pending", "invited_by": "…", "expires_at": "…", "created_at": "…" }
 * ```
 */
export const InvitationSchema = Type.Object(
  {
    id: Uuid,
    organization_id: Uuid,
    email: Type.String(),
    full_name: Type.Union([Type.String(), Type.Null()]),
    role_id: Uuid,
    role_name: Type.String(),
    status: InvitationStatus,
    invited_by: Type.Union([Uuid, Type.Null()]),
    expires_at: Timestamp,
    created_at: Timestamp,
  },
  { $id: 'Invitation' },
);
export type Invitation = Static<typeof InvitationSchema>;

/**
 * `POST /orgs/{org_id}/invite` and `…/invitations/{id}/resend`: the invitation plus `accept_url`,
 * the very link that is emailed (`PUBLIC_URL/accept-invite?token=…`), so an app can send its own
 * email (WorkOS returns `accept_invitation_url` the same way).
 *
 * The link is a bearer credential: whoever holds it can join with the invited role until it is
 * used, revoked, resent or expires. The inviter already holds `user.invite` and may grant that
 * role, so handing it to them adds no power; the risk is where it goes next (the app's logs, a
 * chat message). There is deliberately no separate `token` field. It is shown once: the list
 * cannot show it (tokens are stored as SHA-256), an idempotent replay omits it (it is never
 * stored), and it is never logged or audited. A leaked link is killed by resend or revoke.
 *
 * @example
 * ```json
 * { "id": "…", "email": "sam@acme.test", "role_name": "Admin", "status": "pending", "expires_at": "…", "…": "…",
 *   "accept_url": "https://auth.acme.test/accept-invite?token=…" }
 * ```
 */
export const CreatedInvitationSchema = Type.Object({
  ...InvitationSchema.properties,
  accept_url: Type.Optional(
    Type.String({
      format: 'uri',
      description:
        'The emailed accept link (PUBLIC_URL/accept-invite?token=…), shown once: a bearer credential that joins the organization with the invited role ' +
        'until used, revoked, resent or expired — send it only to the invitee, never log it. Absent from idempotent replays and from the list; ' +
        'no separate token field is returned. See docs/security.md "Invitation links".',
    }),
  ),
});
export type CreatedInvitation = Static<typeof CreatedInvitationSchema>;

/** `POST /orgs/{org_id}/invite`. */
export const InviteBody = Type.Object(
  { email: EmailInput, role_id: Uuid, full_name: Type.Optional(nameInput(200)) },
  { additionalProperties: false },
);
export type InviteBody = Static<typeof InviteBody>;

export const ListInvitationsQuery = Type.Object({ status: Type.Optional(InvitationStatus) }, { additionalProperties: false });
export const InvitationParams = Type.Object({ org_id: Uuid, invitation_id: Uuid });

/** A bearer token from an emailed link. */
export const EmailedToken = Type.String({ minLength: 20, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' });
export const TokenParams = Type.Object({ token: EmailedToken });
export const TokenBody = Type.Object({ token: EmailedToken }, { additionalProperties: false });

/** `GET /invitations/{token}`: what the invitee sees before accepting. */
export const InvitationPreviewSchema = Type.Object({
  organization_name: Type.String(),
  inviter_name: Type.Union([Type.String(), Type.Null()]),
  role_name: Type.String(),
  email: Type.String(),
  expires_at: Timestamp,
});
export type InvitationPreview = Static<typeof InvitationPreviewSchema>;

/** `POST /invitations/accept` answer. */
export const AcceptInvitationResponse = Type.Object({
  organization: Type.Object({ id: Uuid, name: Type.String(), slug: Type.String() }),
  membership_id: Uuid,
  role_name: Type.String(),
});

/** `POST /auth/forgot-password`. */
export const ForgotPasswordBody = Type.Object({ email: EmailInput }, { additionalProperties: false });
/** `POST /auth/reset-password`. */
export const ResetPasswordBody = Type.Object(
  { token: EmailedToken, new_password: Type.String({ minLength: 10, maxLength: 128 }) },
  { additionalProperties: false },
);
export type ResetPasswordBody = Static<typeof ResetPasswordBody>;

/**
 * `POST /auth/reset-password/check`: whether a reset link still works, before its form is filled.
 *
 * @example
 * ```json
 * { "token": "q0B9…" }
 * ```
 */
export const CheckResetTokenBody = Type.Object({ token: EmailedToken }, { additionalProperties: false });
export type CheckResetTokenBody = Static<typeof CheckResetTokenBody>;

/** A message in the development mailbox (`GET /dev/mailbox`, never in production). */
export const DevMailSchema = Type.Object({
  id: Uuid,
  template: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  text: Type.Union([Type.String(), Type.Null()]),
  html: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  created_at: Timestamp,
});
