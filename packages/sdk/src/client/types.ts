// Request and response shapes of the API, derived from the generated OpenAPI types
// (src/generated/openapi.ts), so they follow the server whenever the types are regenerated.
import type { components, paths } from '../generated/openapi.js';

type Schemas = components['schemas'];
type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The JSON request body of `METHOD path`. */
export type RequestBody<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  // optional too: a body that is a union of schemas (POST …/sso/connections) is generated as `requestBody?:`
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The query parameters of `METHOD path`. */
export type QueryParams<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;

/** The JSON answer of `METHOD path` with status `S`. */
export type ResponseBody<P extends keyof paths, M extends Method & keyof paths[P], S extends number = 200> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

/** A user as the API shows it. */
export type User = ResponseBody<'/api/v1/auth/login/2fa', 'post'>['user'];
/** `GET /auth/me`: the user, their memberships (with effective permissions) and current organization. */
export type Me = ResponseBody<'/api/v1/auth/me', 'get'>;
/** One of the caller's memberships, as listed in {@link Me}. */
export type MyMembership = Me['memberships'][number];
/** A session: access token, refresh token (shown this once) and the user. */
export type TokenResponse = ResponseBody<'/api/v1/auth/login/2fa', 'post'>;
/** `POST /auth/login` for an account with 2FA and no code: finish with `auth.loginWith2fa`. */
export type MfaRequiredResponse = Extract<ResponseBody<'/api/v1/auth/login', 'post'>, { mfa_required: true }>;
/** What `auth.login` answers: a session, or the second step of a 2FA login. */
export type LoginResult = TokenResponse | MfaRequiredResponse;
/** `POST /auth/register` when the server requires verified emails: no session until the email is verified. */
export type VerificationPendingResponse = Extract<ResponseBody<'/api/v1/auth/register', 'post', 201>, { email_verification_required: true }>;
/**
 * `POST /auth/register` with a session: a {@link TokenResponse}, plus the `organization` joined and
 * the `role` when it was made with an `invitation_token`.
 */
export type RegisteredResponse = Exclude<ResponseBody<'/api/v1/auth/register', 'post', 201>, { email_verification_required: true }>;
/** What `auth.register` answers. */
export type RegisterResult = RegisteredResponse | VerificationPendingResponse;
/** `POST /auth/switch-org`: an access token scoped to another organization (the refresh token is unchanged). */
export type SwitchOrgResponse = ResponseBody<'/api/v1/auth/switch-org', 'post'>;
/** A login session of the caller. */
export type Session = Schemas['Session'];
/** `POST /auth/2fa/setup`: the TOTP secret, its otpauth URL and a QR code (PNG data URL). */
export type MfaSetupResponse = ResponseBody<'/api/v1/auth/2fa/setup', 'post'>;
/** Ten single-use backup codes, shown once. */
export type BackupCodesResponse = ResponseBody<'/api/v1/auth/2fa/verify', 'post'>;

/** An organization (tenant). */
export type Organization = Schemas['Organization'];
/** An organization in the caller's list, with the caller's role in it (`your_role`). */
export type MyOrganization = ResponseBody<'/api/v1/orgs', 'get'>[number];
/** A member of an organization. */
export type Member = Schemas['Member'];
/** A role with its permissions. */
export type Role = Schemas['Role'];
/** A permission of the catalog. */
export type Permission = Schemas['Permission'];
/** `POST /orgs/{org_id}/authorize`: which of the asked permissions the caller holds. */
export type AuthorizeResponse = ResponseBody<'/api/v1/orgs/{org_id}/authorize', 'post'>;
/** An invitation (the token is only ever in the email). */
export type Invitation = Schemas['Invitation'];
/** What an invitee sees before accepting. */
export type InvitationPreview = ResponseBody<'/api/v1/invitations/{token}', 'get'>;
/** `POST /invitations/accept`. */
export type AcceptInvitationResponse = ResponseBody<'/api/v1/invitations/accept', 'post'>;
/** An organization API key as listed: metadata only. */
export type ApiKey = Schemas['ApiKey'];
/** A newly created API key: `raw_key` is shown this once. */
export type CreatedApiKey = ResponseBody<'/api/v1/orgs/{org_id}/api-keys', 'post', 201>;
/** `GET /api-keys/me`: the calling API key. */
export type ApiKeyIdentity = ResponseBody<'/api/v1/api-keys/me', 'get'>;
/** One audit log row. */
export type AuditLog = Schemas['AuditLog'];
/** `GET /audit/orgs/{org_id}/verify`: the hash chain check. */
export type AuditVerifyResponse = ResponseBody<'/api/v1/audit/orgs/{org_id}/verify', 'get'>;
/** A feature flag as one organization sees it. */
export type OrgFeatureFlag = Schemas['OrgFeatureFlag'];
/** `GET /orgs/{org_id}/feature-flags/evaluate`. */
export type EvaluateResponse = ResponseBody<'/api/v1/orgs/{org_id}/feature-flags/evaluate', 'get'>;

export type RegisterBody = RequestBody<'/api/v1/auth/register', 'post'>;
export type LoginBody = RequestBody<'/api/v1/auth/login', 'post'>;
export type LoginWith2faBody = RequestBody<'/api/v1/auth/login/2fa', 'post'>;
export type ChangePasswordBody = RequestBody<'/api/v1/auth/password', 'post'>;
export type UpdateProfileBody = RequestBody<'/api/v1/auth/me', 'patch'>;
export type ForgotPasswordBody = RequestBody<'/api/v1/auth/forgot-password', 'post'>;
export type ResetPasswordBody = RequestBody<'/api/v1/auth/reset-password', 'post'>;
export type VerifyEmailBody = RequestBody<'/api/v1/auth/verify-email', 'post'>;
export type Verify2faBody = RequestBody<'/api/v1/auth/2fa/verify', 'post'>;
export type Disable2faBody = RequestBody<'/api/v1/auth/2fa/disable', 'post'>;
export type SwitchOrgBody = RequestBody<'/api/v1/auth/switch-org', 'post'>;
export type CreateOrganizationBody = RequestBody<'/api/v1/orgs', 'post'>;
export type UpdateOrganizationBody = RequestBody<'/api/v1/orgs/{org_id}', 'patch'>;
/** `PATCH /orgs/{org_id}/settings`: the security settings, such as `require_2fa`. */
export type UpdateOrganizationSettingsBody = RequestBody<'/api/v1/orgs/{org_id}/settings', 'patch'>;
export type ListMembersQuery = QueryParams<'/api/v1/orgs/{org_id}/members', 'get'>;
export type ChangeRoleBody = RequestBody<'/api/v1/orgs/{org_id}/members/{membership_id}/role', 'patch'>;
export type CreateRoleBody = RequestBody<'/api/v1/orgs/{org_id}/roles', 'post'>;
export type UpdateRoleBody = RequestBody<'/api/v1/orgs/{org_id}/roles/{role_id}', 'patch'>;
export type DeleteRoleQuery = QueryParams<'/api/v1/orgs/{org_id}/roles/{role_id}', 'delete'>;
export type InviteBody = RequestBody<'/api/v1/orgs/{org_id}/invite', 'post'>;
export type ListInvitationsQuery = QueryParams<'/api/v1/orgs/{org_id}/invitations', 'get'>;
export type AuthorizeBody = RequestBody<'/api/v1/orgs/{org_id}/authorize', 'post'>;
export type ListAuditLogsQuery = QueryParams<'/api/v1/audit/orgs/{org_id}/logs', 'get'>;
export type ExportAuditLogsQuery = QueryParams<'/api/v1/audit/orgs/{org_id}/logs/export', 'get'>;
export type AcceptInvitationBody = RequestBody<'/api/v1/invitations/accept', 'post'>;
export type CreateApiKeyBody = RequestBody<'/api/v1/orgs/{org_id}/api-keys', 'post'>;
export type SetFlagOverrideBody = RequestBody<'/api/v1/orgs/{org_id}/feature-flags/{key}', 'put'>;

/**
 * One page of a keyset-paginated listing: the items as the API returned them (a plain array),
 * plus the cursor of the next page (`null` on the last page), read from the `X-Next-Cursor` header.
 */
/** A global feature flag (superusers manage these). */
export type FeatureFlag = Schemas['FeatureFlag'];
/** A user as the superuser listing shows it. */
export type AdminUser = ResponseBody<'/api/v1/admin/users', 'get'>[number];
/** An organization as the superuser listing shows it. */
export type AdminOrganization = ResponseBody<'/api/v1/admin/organizations', 'get'>[number];
/** One email of the development mailbox. */
export type MailboxMessage = ResponseBody<'/api/v1/dev/mailbox', 'get'>[number];
export type AdminListQuery = QueryParams<'/api/v1/admin/users', 'get'>;
export type MailboxQuery = QueryParams<'/api/v1/dev/mailbox', 'get'>;
export type CreateFeatureFlagBody = RequestBody<'/api/v1/admin/feature-flags', 'post'>;
export type UpdateFeatureFlagBody = RequestBody<'/api/v1/admin/feature-flags/{key}', 'patch'>;
/** One account as the superuser's user page shows it: profile, 2FA, memberships, sessions, security events. */
export type AdminUserDetail = ResponseBody<'/api/v1/admin/users/{id}', 'get'>;
/** One organization as the superuser's organization page shows it: settings, member count, roles with counts. */
export type AdminOrganizationDetail = ResponseBody<'/api/v1/admin/organizations/{id}', 'get'>;
/** The instance overview: daily and monthly series. */
export type AdminOverview = ResponseBody<'/api/v1/admin/overview', 'get'>;
export type AdminOverviewQuery = QueryParams<'/api/v1/admin/overview', 'get'>;

export type Page<T> = T[] & { readonly nextCursor: string | null };

/** A webhook endpoint as listed: never its secret. */
export type WebhookEndpoint = Schemas['WebhookEndpoint'];
/** `POST /orgs/{org_id}/webhooks`: the endpoint with its `secret` (`whsec_…`), shown this once. */
export type CreatedWebhookEndpoint = ResponseBody<'/api/v1/orgs/{org_id}/webhooks', 'post', 201>;
/** The body of `POST /orgs/{org_id}/webhooks`. */
export type CreateWebhookBody = RequestBody<'/api/v1/orgs/{org_id}/webhooks', 'post'>;
/** The body of `PATCH /orgs/{org_id}/webhooks/{webhook_id}`. */
export type UpdateWebhookBody = RequestBody<'/api/v1/orgs/{org_id}/webhooks/{webhook_id}', 'patch'>;
/** One event's delivery to one endpoint, with its attempts. */
export type WebhookDelivery = Schemas['WebhookDelivery'];
/** Filters of the delivery log. */
export type ListDeliveriesQuery = QueryParams<'/api/v1/orgs/{org_id}/webhooks/{webhook_id}/deliveries', 'get'>;
/** A delivery queued by `test` or `retryDelivery`. */
export type QueuedDelivery = ResponseBody<'/api/v1/orgs/{org_id}/webhooks/{webhook_id}/test', 'post', 202>;
/** `POST …/rotate-secret`: the new secret, shown this once, and when the previous one stops signing. */
export type RotatedWebhookSecret = ResponseBody<'/api/v1/orgs/{org_id}/webhooks/{webhook_id}/rotate-secret', 'post'>;
