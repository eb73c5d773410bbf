// Public surface of the API client (re-exported by the package index).
export { SaaSReady } from './client.js';
export { AdminApi } from './resources/admin.js';
export { ApiKeysApi } from './resources/api-keys.js';
export { AuthApi } from './resources/auth.js';
export { DevApi } from './resources/dev.js';
export { FeaturesApi } from './resources/features.js';
export { InvitationsApi } from './resources/invitations.js';
export { OrgsApi } from './resources/orgs.js';
export { WebhooksApi } from './resources/webhooks.js';
export { InstanceWebhooksApi } from './resources/admin-webhooks.js';
export { SsoApi, type AuthorizeUrlOptions, type CreateSsoConnectionBody, type Domain, type SsoConnection, type SsoLookupResponse, type SsoTokenResponse, type UpdateSsoConnectionBody } from './resources/sso.js';
export type { CallOptions, SaaSReadyOptions, Tokens } from './transport.js';
export { SaaSReadyError } from './errors.js';
// the contract's lists a UI needs (the client already depends on @saasready/contracts at run time)
export { AUDIT_ACTIONS, RENAMED_AUDIT_ACTIONS, USER_ONLY_PERMISSIONS, type AuditAction } from '@saasready/contracts';
export { WEBHOOK_EVENT_TYPES, WEBHOOK_EVENT_DESCRIPTIONS, webhookFilterMatches, type WebhookEventType } from '@saasready/contracts';
export type { SaaSReadyErrorCode, ProblemDocument, FieldError } from './errors.js';
export type {
  AcceptInvitationBody, AcceptInvitationResponse, ApiKey, ApiKeyIdentity, AuditLog, AuditVerifyResponse, AuthorizeBody, AuthorizeResponse,
  BackupCodesResponse, ChangePasswordBody, ChangeRoleBody, CreateApiKeyBody, CreatedApiKey, CreateOrganizationBody, CreateRoleBody,
  DeleteRoleQuery, Disable2faBody, EvaluateResponse, ExportAuditLogsQuery, ForgotPasswordBody, Invitation, InvitationPreview, InviteBody,
  ListAuditLogsQuery, ListInvitationsQuery, ListMembersQuery, LoginBody, LoginResult, LoginWith2faBody, Me, Member, MfaRequiredResponse,
  MfaSetupResponse, MyMembership, MyOrganization, Organization, OrgFeatureFlag, Page, Permission, QueryParams, RegisterBody, RegisterResult,
  RequestBody, ResetPasswordBody, ResponseBody, Role, Session, SetFlagOverrideBody, SwitchOrgBody, SwitchOrgResponse, TokenResponse,
  UpdateOrganizationBody, UpdateOrganizationSettingsBody, RegisteredResponse, UpdateProfileBody, UpdateRoleBody, User, FeatureFlag, AdminUser, AdminOrganization, AdminUserDetail, AdminOrganizationDetail, AdminOverview, AdminOverviewQuery, MailboxMessage, AdminListQuery, MailboxQuery,
  CreateFeatureFlagBody, UpdateFeatureFlagBody, VerificationPendingResponse, Verify2faBody, VerifyEmailBody,
  WebhookEndpoint, CreatedWebhookEndpoint, CreateWebhookBody, UpdateWebhookBody, WebhookDelivery, ListDeliveriesQuery, QueuedDelivery, RotatedWebhookSecret,
} from './types.js';
export type { paths as SaaSReadyPaths, components as SaaSReadyComponents } from '../generated/openapi.js';
export { DirectoriesApi, type CreateDirectoryBody, type CreatedDirectory, type Directory, type DirectoryGroup, type RotatedDirectoryToken } from './resources/directories.js';
