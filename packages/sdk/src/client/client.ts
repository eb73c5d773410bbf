// The SaaSReady API client: one class, five namespaces mirroring the Python SDK of the tutorial
// (client.auth, client.orgs, client.invitations, client.apiKeys, client.features), typed from the
// server's OpenAPI document. Bodies and answers are the API's own snake_case JSON.
import { Transport, type CallOptions, type SaaSReadyOptions, type Tokens } from './transport.js';
import type {
  AcceptInvitationBody, AcceptInvitationResponse, ApiKey, ApiKeyIdentity, AuditLog, AuditVerifyResponse, AuthorizeBody, AuthorizeResponse,
  BackupCodesResponse, ChangePasswordBody, ChangeRoleBody, CreateApiKeyBody, CreatedApiKey, CreateOrganizationBody, CreateRoleBody,
  DeleteRoleQuery, Disable2faBody, EvaluateResponse, ExportAuditLogsQuery, ForgotPasswordBody, Invitation, InvitationPreview, InviteBody,
  ListAuditLogsQuery, ListInvitationsQuery, ListMembersQuery, LoginBody, LoginResult, LoginWith2faBody, Me, Member, MfaSetupResponse,
  MyOrganization, Organization, OrgFeatureFlag, Page, Permission, RegisterBody, RegisterResult, ResetPasswordBody, Role, Session,
  SetFlagOverrideBody, SwitchOrgBody, SwitchOrgResponse, TokenResponse, UpdateOrganizationBody, UpdateRoleBody, Verify2faBody,
  VerifyEmailBody, AdminListQuery, AdminOrganization, AdminUser, CreateFeatureFlagBody, FeatureFlag, MailboxMessage, MailboxQuery,
  UpdateFeatureFlagBody, UpdateProfileBody,
} from './types.js';

export type { CallOptions, SaaSReadyOptions, Tokens };

/** Reads the `X-Next-Cursor` header into the array's (non-enumerable) `nextCursor`. */
function toPage<T>(items: T[], response: Response): Page<T> {
  const nextCursor = response.headers.get('x-next-cursor') || null;
  return Object.defineProperty(items, 'nextCursor', { value: nextCursor, enumerable: false }) as Page<T>;
}

const emptyStream = () =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.close();
    },
  });

/**
 * A SaaSReady API client.
 *
 * It keeps the session it obtains (`auth.register`, `auth.login`, `auth.loginWith2fa`,
 * `auth.refresh`, `auth.switchOrg`) and sends it with every call. When the access token has
 * expired, the first call to notice refreshes it — once, shared by every concurrent call, since the
 * server ends a session whose refresh token is presented twice — and retries. Every non-2xx answer
 * is thrown as a {@link SaaSReadyError}.
 *
 * @example Log in and work in an organization
 * ```ts
 * import { SaaSReady } from '@saasready/sdk';
 *
 * const client = new SaaSReady({ baseUrl: 'http://localhost:8000' });
 * const session = await client.auth.login({ email: 'founder@acme.com', password: 'correct horse battery' });
 * if ('mfa_required' in session) {
 *   await client.auth.loginWith2fa({ mfa_token: session.mfa_token, code: await askForCode() });
 * }
 * const me = await client.auth.me();
 * const org = await client.orgs.create({ name: 'Acme Corporation', slug: 'acme-corp' });
 * for await (const member of client.orgs.members(org.id)) console.log(member.user_email, member.role_name);
 * ```
 *
 * @example Resume a stored session and persist rotated tokens
 * ```ts
 * const client = new SaaSReady({
 *   baseUrl: process.env.SAASREADY_URL!,
 *   accessToken: stored.accessToken,
 *   refreshToken: stored.refreshToken,
 *   onTokens: (tokens) => storage.save(tokens),
 * });
 * ```
 *
 * @example A backend job with an organization API key
 * ```ts
 * const client = new SaaSReady({ baseUrl: 'https://auth.example.com', apiKey: process.env.SAASREADY_API_KEY });
 * const logs = await client.orgs.listAuditLogs(orgId, { limit: 100 });
 * ```
 */
export class SaaSReady {
  /** Registration, login (with 2FA), sessions, passwords, email verification, two-factor enrolment. */
  readonly auth: AuthApi;
  /** Organizations, members, roles, invitations, permission checks and audit logs. */
  readonly orgs: OrgsApi;
  /** Previewing and accepting invitations by their emailed token. */
  readonly invitations: InvitationsApi;
  /** Organization API keys. */
  readonly apiKeys: ApiKeysApi;
  /** Feature flags as an organization sees them, overrides and evaluation. */
  readonly features: FeaturesApi;
  /** Instance-wide listings and global feature flags (superusers only). */
  readonly admin: AdminApi;
  /** Development helpers (the outgoing-mail box of a server without SMTP). */
  readonly dev: DevApi;
  readonly #transport: Transport;

  constructor(options: SaaSReadyOptions) {
    this.#transport = new Transport(options);
    this.auth = new AuthApi(this.#transport);
    this.orgs = new OrgsApi(this.#transport);
    this.invitations = new InvitationsApi(this.#transport);
    this.apiKeys = new ApiKeysApi(this.#transport);
    this.features = new FeaturesApi(this.#transport);
    this.admin = new AdminApi(this.#transport);
    this.dev = new DevApi(this.#transport);
  }

  /**
   * The session tokens the client currently holds (`undefined` when it holds none, or uses an API key).
   *
   * @example
   * ```ts
   * const { accessToken, refreshToken } = client.tokens;
   * ```
   */
  get tokens(): { accessToken: string | undefined; refreshToken: string | undefined } {
    return { accessToken: this.#transport.accessToken, refreshToken: this.#transport.refreshToken };
  }

  /**
   * Replaces the session tokens (e.g. a token received from your frontend). Keys you omit keep their value.
   *
   * @example Act on behalf of the caller of your own API
   * ```ts
   * client.setTokens({ accessToken: request.headers.authorization!.replace(/^Bearer /, '') });
   * const me = await client.auth.me();
   * ```
   */
  setTokens(tokens: { accessToken?: string | undefined; refreshToken?: string | undefined }): void {
    this.#transport.setTokens(tokens);
  }

  /**
   * Forgets the session tokens locally (the server session stays alive: use `auth.logout()` to end it).
   *
   * @example
   * ```ts
   * client.clearTokens();
   * ```
   */
  clearTokens(): void {
    this.#transport.clearTokens();
  }
}

/**
 * `client.auth`: accounts and sessions.
 *
 * @example
 * ```ts
 * await client.auth.register({ email: 'jane@acme.test', password: 'correct horse battery', full_name: 'Jane Founder' });
 * const me = await client.auth.me();
 * console.log(me.memberships.map((m) => `${m.organization_name}: ${m.role_name}`));
 * ```
 */
export class AuthApi {
  readonly #t: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#t = transport;
  }

  /**
   * Creates an account, its personal organization and a session, which the client keeps. Pass
   * `invitation_token` to join the inviting organization at once. When the server requires verified
   * emails the answer is `{ user, email_verification_required: true }` and there is no session yet.
   *
   * @example
   * ```ts
   * const session = await client.auth.register({ email: 'founder@acme.com', password: 'SecurePass123!x', full_name: 'Jane Founder' });
   * if ('access_token' in session) console.log(`User created: ${session.user.email}`);
   * ```
   */
  async register(body: RegisterBody, options?: CallOptions): Promise<RegisterResult> {
    const { data } = await this.#t.send((init) => this.#t.api.POST('/api/v1/auth/register', { body, ...init }), { auth: false, call: options });
    if ('access_token' in data) await this.#t.storeSession(data);
    return data;
  }

  /**
   * Logs in with email and password; the client keeps the session. For an account with two-factor
   * authentication the answer is `{ mfa_required: true, mfa_token, methods }` instead: finish with
   * {@link AuthApi.loginWith2fa}, or pass `two_factor_code` here to log in in one call.
   *
   * @example
   * ```ts
   * const result = await client.auth.login({ email, password });
   * if ('mfa_required' in result) await client.auth.loginWith2fa({ mfa_token: result.mfa_token, code: '123456' });
   * ```
   */
  async login(body: LoginBody, options?: CallOptions): Promise<LoginResult> {
    const { data } = await this.#t.send((init) => this.#t.api.POST('/api/v1/auth/login', { body, ...init }), { auth: false, call: options });
    if ('access_token' in data) await this.#t.storeSession(data);
    return data;
  }

  /**
   * Second step of a two-factor login: the `mfa_token` from {@link AuthApi.login} and a TOTP `code`
   * (or a `backup_code`). The client keeps the session.
   *
   * @example
   * ```ts
   * const session = await client.auth.loginWith2fa({ mfa_token: result.mfa_token, code: '123456' });
   * ```
   */
  async loginWith2fa(body: LoginWith2faBody, options?: CallOptions): Promise<TokenResponse> {
    const { data } = await this.#t.send((init) => this.#t.api.POST('/api/v1/auth/login/2fa', { body, ...init }), { auth: false, call: options });
    await this.#t.storeSession(data);
    return data;
  }

  /**
   * The caller, their memberships (with each role's permissions) and current organization.
   *
   * @example
   * ```ts
   * const me = await client.auth.me();
   * const canInvite = me.memberships.find((m) => m.organization_id === orgId)?.permissions.includes('user.invite');
   * ```
   */
  async me(options?: CallOptions): Promise<Me> {
    return (await this.#t.send((init) => this.#t.api.GET('/api/v1/auth/me', init), { call: options })).data;
  }

  /**
   * Changes the caller's profile (the full name, stored trimmed) and answers like {@link AuthApi.me}.
   *
   * @example
   * ```ts
   * const me = await client.auth.updateProfile({ full_name: 'Jane Q. Founder' });
   * console.log(me.full_name); // "Jane Q. Founder"
   * ```
   */
  async updateProfile(body: UpdateProfileBody, options?: CallOptions): Promise<Me> {
    return (await this.#t.send((init) => this.#t.api.PATCH('/api/v1/auth/me', { body, ...init }), { call: options })).data;
  }

  /**
   * Rotates the refresh token for a new access token (the client also does this by itself when a
   * call finds its access token expired). Concurrent refreshes share one request.
   *
   * @example
   * ```ts
   * const { access_token, expires_in } = await client.auth.refresh();
   * ```
   */
  refresh(): Promise<TokenResponse> {
    return this.#t.refresh();
  }

  /**
   * Ends this session on the server and forgets its tokens.
   *
   * @example
   * ```ts
   * await client.auth.logout();
   * ```
   */
  async logout(options?: CallOptions): Promise<void> {
    await this.#t.send((init) => this.#t.api.POST('/api/v1/auth/logout', init), { call: options });
    this.#t.clearTokens();
  }

  /**
   * Ends every session of the caller, this one included, and forgets the tokens.
   *
   * @example
   * ```ts
   * const { sessions_ended } = await client.auth.logoutAll();
   * ```
   */
  async logoutAll(options?: CallOptions): Promise<{ sessions_ended: number }> {
    const { data } = await this.#t.send((init) => this.#t.api.POST('/api/v1/auth/logout-all', init), { call: options });
    this.#t.clearTokens();
    return data;
  }

  /**
   * The caller's live sessions (`current: true` marks this one).
   *
   * @example
   * ```ts
   * for (const s of await client.auth.sessions()) console.log(s.user_agent, s.last_used_at, s.current);
   * ```
   */
  async sessions(options?: CallOptions): Promise<Session[]> {
    return (await this.#t.send((init) => this.#t.api.GET('/api/v1/auth/sessions', init), { call: options })).data;
  }

  /**
   * Ends one of the caller's sessions (e.g. a lost laptop).
   *
   * @example
   * ```ts
   * await client.auth.revokeSession(sessionId);
   * ```
   */
  async revokeSession(sessionId: string, options?: CallOptions): Promise<void> {
    await this.#t.send((init) => this.#t.api.DELETE('/api/v1/auth/sessions/{id}', { params: { path: { id: sessionId } }, ...init }), { call: options });
  }

  /**
   * Changes the password; every other session ends.
   *
   * @example
   * ```ts
   * await client.auth.changePassword({ current_password: 'old secret phrase', new_password: 'new secret phrase 2' });
   * ```
   */
  async changePassword(body: ChangePasswordBody, options?: CallOptions): Promise<void> {
    await this.#t.send((init) => this.#t.api.POST('/api/v1/auth/password', { body, ...init }), { call: options });
  }

  /**
   * Emails a password-reset link. Always answers `{ status: 'accepted' }`, whether or not the account exists.
   *
   * @example
   * ```ts
   * await client.auth.forgotPassword({ email: 'jane@acme.test' });
   * ```
   */
  async forgotPassword(body: ForgotPasswordBody, options?: CallOptions): Promise<{ status: 'accepted' }> {
    return (await this.#t.send((init) => this.#t.api.POST('/api/v1/auth/forgot-password', { body, ...init }), { auth: false, call: options })).data;
  }

  /**
   * Sets a new password with the emailed token; every session of the account ends.
   *
   * @example
   * ```ts
   * await client.auth.resetPassword({ token: new URL(link).searchParams.get('token')!, new_password: 'a new secret phrase' });
   * ```
   */
  async resetPassword(body: ResetPasswordBody, options?: CallOptions): Promise<void> {
    await this.#t.send((init) => this.#t.api.POST('/api/v1/auth/reset-password', { body, ...init }), { auth: false, call: options });
  }

  /**
   * Confirms the email address with the emailed token.
   *
   * @example
   * ```ts
   * await client.auth.verifyEmail({ token });
   * ```
   */
  async verifyEmail(body: VerifyEmailBody, options?: CallOptions): Promise<void> {
    await this.#t.send((init) => this.#t.api.POST('/api/v1/auth/verify-email', { body, ...init }), { auth: false, call: options });
  }

  /**
   * Sends the verification email again.
   *
   * @example
   * ```ts
   * await client.auth.resendVerification();
   * ```
   */
  async resendVerification(options?: CallOptions): Promise<{ status: 'accepted' }> {
    return (await this.#t.send((init) => this.#t.api.POST('/api/v1/auth/resend-verification', init), { call: options })).data;
  }

  /**
   * Starts two-factor enrolment: a TOTP secret, its `otpauth_url` and a QR code to scan. Nothing is
   * enabled until {@link AuthApi.verify2fa} confirms a code.
   *
   * @example
   * ```ts
   * const { qr_code, secret } = await client.auth.setup2fa();
   * img.src = qr_code; // data:image/png;base64,…
   * ```
   */
  async setup2fa(options?: CallOptions): Promise<MfaSetupResponse> {
    return (await this.#t.send((init) => this.#t.api.POST('/api/v1/auth/2fa/setup', init), { call: options })).data;
  }

  /**
   * The old SaaSReady client's name for {@link AuthApi.setup2fa} (`client.auth.enable_2fa()` in its
   * tutorial): same call, same answer — `secret`, `otpauth_url` (the old `qr_code_url`) and `qr_code`
   * (a `data:image/png` URL of it). 2FA is not on yet, and there are no backup codes here: the server
   * returns them from {@link AuthApi.verify2fa}`({ code, password })`, once the authenticator is
   * proven (the old client showed them at setup, before any code had been checked).
   *
   * @example
   * ```ts
   * const { secret, otpauth_url, qr_code } = await client.auth.enable2fa();
   * img.src = qr_code; // or render otpauth_url yourself
   * const { backup_codes } = await client.auth.verify2fa({ code: '123456', password });
   * ```
   */
  async enable2fa(options?: CallOptions): Promise<MfaSetupResponse> {
    return this.setup2fa(options);
  }

  /**
   * Confirms enrolment with a code from the authenticator app and the account's password; ends the
   * user's other sessions and returns 10 single-use backup codes, shown once. The password is
   * required even on a logged-in client (the SDK never keeps it): a stolen session alone cannot
   * bind an attacker's authenticator.
   *
   * @example
   * ```ts
   * const { backup_codes } = await client.auth.verify2fa({ code: '123456', password });
   * ```
   */
  async verify2fa(body: Verify2faBody, options?: CallOptions): Promise<BackupCodesResponse> {
    return (await this.#t.send((init) => this.#t.api.POST('/api/v1/auth/2fa/verify', { body, ...init }), { call: options })).data;
  }

  /**
   * Replaces the backup codes (password and a current code).
   *
   * @example
   * ```ts
   * const { backup_codes } = await client.auth.regenerateBackupCodes({ password, code: '123456' });
   * ```
   */
  async regenerateBackupCodes(body: Disable2faBody, options?: CallOptions): Promise<BackupCodesResponse> {
    return (await this.#t.send((init) => this.#t.api.POST('/api/v1/auth/2fa/backup-codes', { body, ...init }), { call: options })).data;
  }

  /**
   * Turns two-factor authentication off (password and a current or backup code).
   *
   * @example
   * ```ts
   * await client.auth.disable2fa({ password, code: '123456' });
   * ```
   */
  async disable2fa(body: Disable2faBody, options?: CallOptions): Promise<void> {
    await this.#t.send((init) => this.#t.api.POST('/api/v1/auth/2fa/disable', { body, ...init }), { call: options });
  }

  /**
   * Gets an access token scoped to another of the caller's organizations and uses it from now on
   * (the refresh token is unchanged).
   *
   * @example
   * ```ts
   * const { organization } = await client.auth.switchOrg(org.id); // or switchOrg({ org_id: org.id })
   * ```
   */
  async switchOrg(org: string | SwitchOrgBody, options?: CallOptions): Promise<SwitchOrgResponse> {
    const body: SwitchOrgBody = typeof org === 'string' ? { org_id: org } : org;
    const { data } = await this.#t.send((init) => this.#t.api.POST('/api/v1/auth/switch-org', { body, ...init }), { call: options });
    await this.#t.storeSession(data);
    return data;
  }
}

/**
 * `client.orgs`: organizations and everything inside one.
 *
 * @example
 * ```ts
 * const org = await client.orgs.create({ name: 'Acme Corporation', slug: 'acme-corp' });
 * const roles = await client.orgs.listRoles(org.id);
 * const admin = roles.find((r) => r.name === 'Admin')!;
 * await client.orgs.inviteMember(org.id, { email: 'alice@acme.com', role_id: admin.id });
 * ```
 */
export class OrgsApi {
  readonly #t: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#t = transport;
  }

  /**
   * Creates an organization; the caller becomes its Owner. A taken slug fails with
   * `organization.slug_taken` and a free `suggestion` in `err.meta`.
   *
   * @example
   * ```ts
   * const org = await client.orgs.create({ name: 'Acme Corporation', slug: 'acme-corp' }, { idempotencyKey: crypto.randomUUID() });
   * ```
   */
  async create(body: CreateOrganizationBody, options?: CallOptions): Promise<Organization> {
    return (await this.#t.send((init) => this.#t.api.POST('/api/v1/orgs', { body, ...init }), { call: options })).data;
  }

  /**
   * The caller's organizations, with their role in each (`your_role`).
   *
   * @example
   * ```ts
   * for (const org of await client.orgs.list()) console.log(`${org.name} - Role: ${org.your_role}`);
   * ```
   */
  async list(options?: CallOptions): Promise<MyOrganization[]> {
    return (await this.#t.send((init) => this.#t.api.GET('/api/v1/orgs', init), { call: options })).data;
  }

  /**
   * One organization.
   *
   * @example
   * ```ts
   * const org = await client.orgs.get(orgId);
   * ```
   */
  async get(orgId: string, options?: CallOptions): Promise<Organization> {
    return (await this.#t.send((init) => this.#t.api.GET('/api/v1/orgs/{org_id}', { params: { path: { org_id: orgId } }, ...init }), { call: options })).data;
  }

  /**
   * Updates name, slug, description, metadata or settings; only the given fields change.
   *
   * @example
   * ```ts
   * await client.orgs.update(org.id, { metadata: { stripe_customer_id: 'cus_abc123' } });
   * ```
   */
  async update(orgId: string, body: UpdateOrganizationBody, options?: CallOptions): Promise<Organization> {
    return (await this.#t.send((init) => this.#t.api.PATCH('/api/v1/orgs/{org_id}', { params: { path: { org_id: orgId } }, body, ...init }), { call: options })).data;
  }

  /**
   * Deletes the organization (Owners only); access ends at once.
   *
   * @example
   * ```ts
   * await client.orgs.delete(org.id);
   * ```
   */
  async delete(orgId: string, options?: CallOptions): Promise<void> {
    await this.#t.send((init) => this.#t.api.DELETE('/api/v1/orgs/{org_id}', { params: { path: { org_id: orgId } }, ...init }), { call: options });
  }

  /**
   * One page of members (default 50, at most 200), with search and filters; `nextCursor` continues.
   * To walk every page, use {@link OrgsApi.members}.
   *
   * @example
   * ```ts
   * const first = await client.orgs.listMembers(org.id, { limit: 20, search: 'alice' });
   * const second = first.nextCursor ? await client.orgs.listMembers(org.id, { limit: 20, search: 'alice', cursor: first.nextCursor }) : [];
   * ```
   */
  async listMembers(orgId: string, query: ListMembersQuery = {}, options?: CallOptions): Promise<Page<Member>> {
    const { data, response } = await this.#t.send(
      (init) => this.#t.api.GET('/api/v1/orgs/{org_id}/members', { params: { path: { org_id: orgId }, query }, ...init }),
      { call: options },
    );
    return toPage(data, response);
  }

  /**
   * Every member, page after page (following `X-Next-Cursor`), as an async iterator.
   *
   * @example
   * ```ts
   * for await (const member of client.orgs.members(org.id, { status: 'active' })) {
   *   console.log(member.user_email, member.role_name);
   * }
   * ```
   */
  async *members(orgId: string, query: Omit<ListMembersQuery, 'cursor'> = {}, options?: CallOptions): AsyncGenerator<Member, void, undefined> {
    let cursor: string | null = null;
    do {
      const page: Page<Member> = await this.listMembers(orgId, cursor ? { ...query, cursor } : query, options);
      yield* page;
      cursor = page.nextCursor;
    } while (cursor);
  }

  /**
   * Gives a member another role.
   *
   * @example
   * ```ts
   * await client.orgs.updateMemberRole(org.id, member.id, { role_id: adminRole.id });
   * ```
   */
  async updateMemberRole(orgId: string, membershipId: string, body: ChangeRoleBody, options?: CallOptions): Promise<Member> {
    return (
      await this.#t.send(
        (init) => this.#t.api.PATCH('/api/v1/orgs/{org_id}/members/{membership_id}/role', { params: { path: { org_id: orgId, membership_id: membershipId } }, body, ...init }),
        { call: options },
      )
    ).data;
  }

  /**
   * Suspends a member: they keep their membership but lose access until reactivated.
   *
   * @example
   * ```ts
   * await client.orgs.suspendMember(org.id, member.id);
   * ```
   */
  suspendMember(orgId: string, membershipId: string, options?: CallOptions): Promise<Member> {
    return this.#setMemberStatus(orgId, membershipId, 'suspended', options);
  }

  /**
   * Reactivates a suspended member.
   *
   * @example
   * ```ts
   * await client.orgs.reactivateMember(org.id, member.id);
   * ```
   */
  reactivateMember(orgId: string, membershipId: string, options?: CallOptions): Promise<Member> {
    return this.#setMemberStatus(orgId, membershipId, 'active', options);
  }

  async #setMemberStatus(orgId: string, membershipId: string, status: 'active' | 'suspended', options?: CallOptions): Promise<Member> {
    return (
      await this.#t.send(
        (init) => this.#t.api.PATCH('/api/v1/orgs/{org_id}/members/{membership_id}', { params: { path: { org_id: orgId, membership_id: membershipId } }, body: { status }, ...init }),
        { call: options },
      )
    ).data;
  }

  /**
   * Removes a member from the organization.
   *
   * @example
   * ```ts
   * await client.orgs.removeMember(org.id, member.id);
   * ```
   */
  async removeMember(orgId: string, membershipId: string, options?: CallOptions): Promise<void> {
    await this.#t.send(
      (init) => this.#t.api.DELETE('/api/v1/orgs/{org_id}/members/{membership_id}', { params: { path: { org_id: orgId, membership_id: membershipId } }, ...init }),
      { call: options },
    );
  }

  /**
   * Leaves the organization (the last Owner cannot: `membership.last_owner`).
   *
   * @example
   * ```ts
   * await client.orgs.leave(org.id);
   * ```
   */
  async leave(orgId: string, options?: CallOptions): Promise<void> {
    await this.#t.send((init) => this.#t.api.POST('/api/v1/orgs/{org_id}/leave', { params: { path: { org_id: orgId } }, ...init }), { call: options });
  }

  /**
   * The organization's roles (Owner, Admin, Member, Viewer and custom ones) with their permissions.
   *
   * @example
   * ```ts
   * for (const role of await client.orgs.listRoles(org.id)) console.log(`${role.name}: ${role.permissions.join(', ')}`);
   * ```
   */
  async listRoles(orgId: string, options?: CallOptions): Promise<Role[]> {
    return (await this.#t.send((init) => this.#t.api.GET('/api/v1/orgs/{org_id}/roles', { params: { path: { org_id: orgId } }, ...init }), { call: options })).data;
  }

  /**
   * Creates a custom role. Unknown permissions fail with `role.unknown_permission`.
   *
   * @example
   * ```ts
   * const auditor = await client.orgs.createRole(org.id, { name: 'Auditor', permissions: ['org.read', 'audit.read'] });
   * ```
   */
  async createRole(orgId: string, body: CreateRoleBody, options?: CallOptions): Promise<Role> {
    return (await this.#t.send((init) => this.#t.api.POST('/api/v1/orgs/{org_id}/roles', { params: { path: { org_id: orgId } }, body, ...init }), { call: options })).data;
  }

  /**
   * Renames a custom role or changes its permissions (system roles are immutable).
   *
   * @example
   * ```ts
   * await client.orgs.updateRole(org.id, auditor.id, { permissions: ['org.read', 'audit.read', 'role.read'] });
   * ```
   */
  async updateRole(orgId: string, roleId: string, body: UpdateRoleBody, options?: CallOptions): Promise<Role> {
    return (
      await this.#t.send(
        (init) => this.#t.api.PATCH('/api/v1/orgs/{org_id}/roles/{role_id}', { params: { path: { org_id: orgId, role_id: roleId } }, body, ...init }),
        { call: options },
      )
    ).data;
  }

  /**
   * Deletes a custom role; while members hold it, pass `reassign_to` (a role id) for them.
   *
   * @example
   * ```ts
   * await client.orgs.deleteRole(org.id, auditor.id, { reassign_to: viewerRole.id });
   * ```
   */
  async deleteRole(orgId: string, roleId: string, query: DeleteRoleQuery = {}, options?: CallOptions): Promise<void> {
    await this.#t.send(
      (init) => this.#t.api.DELETE('/api/v1/orgs/{org_id}/roles/{role_id}', { params: { path: { org_id: orgId, role_id: roleId }, query }, ...init }),
      { call: options },
    );
  }

  /**
   * The permission catalog: every permission a role can hold, with its description.
   *
   * @example
   * ```ts
   * const catalog = await client.orgs.listPermissions();
   * ```
   */
  async listPermissions(options?: CallOptions): Promise<Permission[]> {
    return (await this.#t.send((init) => this.#t.api.GET('/api/v1/permissions', init), { call: options })).data;
  }

  /**
   * Invites someone by email with a role; the link goes out by email (the token is never in the answer).
   *
   * @example
   * ```ts
   * const invitation = await client.orgs.inviteMember(org.id, { email: 'alice@acme.com', role_id: admin.id });
   * console.log(`Invitation sent to ${invitation.email}, expires ${invitation.expires_at}`);
   * ```
   */
  async inviteMember(orgId: string, body: InviteBody, options?: CallOptions): Promise<Invitation> {
    return (await this.#t.send((init) => this.#t.api.POST('/api/v1/orgs/{org_id}/invite', { params: { path: { org_id: orgId } }, body, ...init }), { call: options })).data;
  }

  /**
   * The organization's invitations, newest first, optionally by status.
   *
   * @example
   * ```ts
   * for (const inv of await client.orgs.listInvitations(org.id, { status: 'pending' })) console.log(inv.email, inv.role_name);
   * ```
   */
  async listInvitations(orgId: string, query: ListInvitationsQuery = {}, options?: CallOptions): Promise<Invitation[]> {
    return (
      await this.#t.send((init) => this.#t.api.GET('/api/v1/orgs/{org_id}/invitations', { params: { path: { org_id: orgId }, query }, ...init }), { call: options })
    ).data;
  }

  /**
   * Sends a new invitation link (the old one stops working).
   *
   * @example
   * ```ts
   * await client.orgs.resendInvitation(org.id, invitation.id);
   * ```
   */
  async resendInvitation(orgId: string, invitationId: string, options?: CallOptions): Promise<Invitation> {
    return (
      await this.#t.send(
        (init) => this.#t.api.POST('/api/v1/orgs/{org_id}/invitations/{invitation_id}/resend', { params: { path: { org_id: orgId, invitation_id: invitationId } }, ...init }),
        { call: options },
      )
    ).data;
  }

  /**
   * Revokes a pending invitation.
   *
   * @example
   * ```ts
   * await client.orgs.revokeInvitation(org.id, invitation.id);
   * ```
   */
  async revokeInvitation(orgId: string, invitationId: string, options?: CallOptions): Promise<void> {
    await this.#t.send(
      (init) => this.#t.api.DELETE('/api/v1/orgs/{org_id}/invitations/{invitation_id}', { params: { path: { org_id: orgId, invitation_id: invitationId } }, ...init }),
      { call: options },
    );
  }

  /**
   * Which of these permissions does the caller (user or API key) hold in the organization?
   * `allowed` is true when all of them are held.
   *
   * @example
   * ```ts
   * const { allowed } = await client.orgs.authorize(org.id, { permissions: ['org.update'] });
   * if (!allowed) throw new Forbidden();
   * ```
   */
  async authorize(orgId: string, body: AuthorizeBody, options?: CallOptions): Promise<AuthorizeResponse> {
    return (await this.#t.send((init) => this.#t.api.POST('/api/v1/orgs/{org_id}/authorize', { params: { path: { org_id: orgId } }, body, ...init }), { call: options })).data;
  }

  /**
   * One page of the audit log, newest first, with filters (`action` takes a prefix such as `member.*`);
   * page with `offset` or with `cursor` = the previous page's `nextCursor`. To walk everything, use
   * {@link OrgsApi.auditLogs}.
   *
   * @example
   * ```ts
   * for (const log of await client.orgs.listAuditLogs(org.id, { limit: 50 })) {
   *   console.log(log.created_at, log.actor_email, log.action, log.ip_address);
   * }
   * ```
   */
  async listAuditLogs(orgId: string, query: ListAuditLogsQuery = {}, options?: CallOptions): Promise<Page<AuditLog>> {
    const { data, response } = await this.#t.send(
      (init) => this.#t.api.GET('/api/v1/audit/orgs/{org_id}/logs', { params: { path: { org_id: orgId }, query }, ...init }),
      { call: options },
    );
    return toPage(data, response);
  }

  /**
   * The whole (filtered) audit log, newest first, page after page, as an async iterator.
   *
   * @example
   * ```ts
   * for await (const log of client.orgs.auditLogs(org.id, { action: 'member.*', limit: 200 })) console.log(log.action);
   * ```
   */
  async *auditLogs(orgId: string, query: Omit<ListAuditLogsQuery, 'cursor' | 'offset'> = {}, options?: CallOptions): AsyncGenerator<AuditLog, void, undefined> {
    let cursor: string | null = null;
    do {
      const page: Page<AuditLog> = await this.listAuditLogs(orgId, cursor ? { ...query, cursor } : query, options);
      yield* page;
      cursor = page.nextCursor;
    } while (cursor);
  }

  /**
   * Exports the filtered audit log as JSON lines (default) or CSV: a byte stream by default, or the
   * whole text with `{ as: 'text' }`.
   *
   * @example Stream to a file (Node)
   * ```ts
   * import { Readable } from 'node:stream';
   * import { createWriteStream } from 'node:fs';
   * const stream = await client.orgs.exportAuditLogs(org.id, { format: 'csv' });
   * Readable.fromWeb(stream).pipe(createWriteStream('audit.csv'));
   * ```
   *
   * @example Read it all
   * ```ts
   * const jsonl = await client.orgs.exportAuditLogs(org.id, {}, { as: 'text' });
   * const rows = jsonl.split('\n').filter(Boolean).map((line) => JSON.parse(line));
   * ```
   */
  exportAuditLogs(orgId: string, query?: ExportAuditLogsQuery, options?: CallOptions & { as?: 'stream' }): Promise<ReadableStream<Uint8Array>>;
  exportAuditLogs(orgId: string, query: ExportAuditLogsQuery | undefined, options: CallOptions & { as: 'text' }): Promise<string>;
  async exportAuditLogs(orgId: string, query: ExportAuditLogsQuery = {}, options: CallOptions & { as?: 'stream' | 'text' } = {}): Promise<ReadableStream<Uint8Array> | string> {
    const params = { path: { org_id: orgId }, query };
    if (options.as === 'text') {
      const { data } = await this.#t.send((init) => this.#t.api.GET('/api/v1/audit/orgs/{org_id}/logs/export', { params, parseAs: 'text', ...init }), { call: options });
      return data ?? '';
    }
    const { data } = await this.#t.send((init) => this.#t.api.GET('/api/v1/audit/orgs/{org_id}/logs/export', { params, parseAs: 'stream', ...init }), { call: options });
    return (data as ReadableStream<Uint8Array> | null | undefined) ?? emptyStream();
  }

  /**
   * Walks the audit log's hash chain and reports the first broken link, if any.
   *
   * @example
   * ```ts
   * const { ok, first_broken } = await client.orgs.verifyAuditLogs(org.id);
   * ```
   */
  async verifyAuditLogs(orgId: string, options?: CallOptions): Promise<AuditVerifyResponse> {
    return (await this.#t.send((init) => this.#t.api.GET('/api/v1/audit/orgs/{org_id}/verify', { params: { path: { org_id: orgId } }, ...init }), { call: options })).data;
  }
}

/**
 * `client.invitations`: the invitee's side.
 *
 * @example
 * ```ts
 * const preview = await client.invitations.preview(token); // no login needed
 * console.log(`${preview.inviter_name} invites you to ${preview.organization_name} as ${preview.role_name}`);
 * await client.auth.login({ email: preview.email, password });
 * await client.invitations.accept({ token });
 * ```
 */
export class InvitationsApi {
  readonly #t: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#t = transport;
  }

  /**
   * What an invitation is for, before accepting (public). Unknown tokens fail with
   * `invitation.not_found`, expired or used ones with `invitation.gone`.
   *
   * @example
   * ```ts
   * const { organization_name, role_name } = await client.invitations.preview(token);
   * ```
   */
  async preview(token: string, options?: CallOptions): Promise<InvitationPreview> {
    return (await this.#t.send((init) => this.#t.api.GET('/api/v1/invitations/{token}', { params: { path: { token } }, ...init }), { auth: false, call: options })).data;
  }

  /**
   * Accepts an invitation sent to the logged-in user's email. (New users can instead pass
   * `invitation_token` to `auth.register`.)
   *
   * @example
   * ```ts
   * const { organization, role_name } = await client.invitations.accept({ token });
   * ```
   */
  async accept(body: AcceptInvitationBody, options?: CallOptions): Promise<AcceptInvitationResponse> {
    return (await this.#t.send((init) => this.#t.api.POST('/api/v1/invitations/accept', { body, ...init }), { call: options })).data;
  }
}

/**
 * `client.apiKeys`: organization API keys for servers and scripts.
 *
 * @example
 * ```ts
 * const key = await client.apiKeys.create(org.id, { name: 'CI deploys', permissions: ['audit.read'] });
 * const ci = new SaaSReady({ baseUrl, apiKey: key.raw_key });
 * ```
 */
export class ApiKeysApi {
  readonly #t: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#t = transport;
  }

  /**
   * Creates an API key with some of the caller's permissions; `raw_key` (`sr_…`) is shown this once.
   *
   * @example
   * ```ts
   * const { raw_key } = await client.apiKeys.create(org.id, { name: 'Reporting', permissions: ['audit.read'], expires_at: '2027-01-01T00:00:00Z' });
   * ```
   */
  async create(orgId: string, body: CreateApiKeyBody, options?: CallOptions): Promise<CreatedApiKey> {
    return (await this.#t.send((init) => this.#t.api.POST('/api/v1/orgs/{org_id}/api-keys', { params: { path: { org_id: orgId } }, body, ...init }), { call: options })).data;
  }

  /**
   * The organization's API keys (metadata only, never the keys).
   *
   * @example
   * ```ts
   * const keys = await client.apiKeys.list(org.id);
   * ```
   */
  async list(orgId: string, options?: CallOptions): Promise<ApiKey[]> {
    return (await this.#t.send((init) => this.#t.api.GET('/api/v1/orgs/{org_id}/api-keys', { params: { path: { org_id: orgId } }, ...init }), { call: options })).data;
  }

  /**
   * Revokes an API key, effective immediately.
   *
   * @example
   * ```ts
   * await client.apiKeys.revoke(org.id, key.id);
   * ```
   */
  async revoke(orgId: string, keyId: string, options?: CallOptions): Promise<void> {
    await this.#t.send(
      (init) => this.#t.api.DELETE('/api/v1/orgs/{org_id}/api-keys/{key_id}', { params: { path: { org_id: orgId, key_id: keyId } }, ...init }),
      { call: options },
    );
  }

  /**
   * Describes the calling API key (for a client created with `apiKey`).
   *
   * @example
   * ```ts
   * const { organization_id, permissions } = await new SaaSReady({ baseUrl, apiKey }).apiKeys.me();
   * ```
   */
  async me(options?: CallOptions): Promise<ApiKeyIdentity> {
    return (await this.#t.send((init) => this.#t.api.GET('/api/v1/api-keys/me', init), { call: options })).data;
  }
}

/** How many evaluate answers the client remembers for `If-None-Match` revalidation. */
const EVALUATE_CACHE_SIZE = 64;

/**
 * `client.features`: feature flags per organization.
 *
 * @example
 * ```ts
 * await client.features.set(org.id, 'advanced-analytics', { enabled: true });
 * if (await client.features.isEnabled(org.id, 'advanced-analytics')) showAdvancedAnalytics();
 * ```
 */
export class FeaturesApi {
  readonly #t: Transport;
  /** last answer per (credential, organization, keys), revalidated with its ETag */
  readonly #evaluated = new Map<string, { etag: string; value: EvaluateResponse }>();
  /** @internal */
  constructor(transport: Transport) {
    this.#t = transport;
  }

  /**
   * Every flag as the organization sees it: its effective `enabled`, and whether it is overridden here.
   *
   * @example
   * ```ts
   * for (const flag of await client.features.list(org.id)) console.log(flag.key, flag.enabled, flag.overridden);
   * ```
   */
  async list(orgId: string, options?: CallOptions): Promise<OrgFeatureFlag[]> {
    return (await this.#t.send((init) => this.#t.api.GET('/api/v1/orgs/{org_id}/feature-flags', { params: { path: { org_id: orgId } }, ...init }), { call: options })).data;
  }

  /**
   * Overrides a flag for the organization (on, off, or a percentage rollout).
   *
   * @example
   * ```ts
   * await client.features.set(org.id, 'advanced-analytics', { enabled: true });
   * ```
   */
  async set(orgId: string, key: string, body: SetFlagOverrideBody, options?: CallOptions): Promise<OrgFeatureFlag> {
    return (
      await this.#t.send((init) => this.#t.api.PUT('/api/v1/orgs/{org_id}/feature-flags/{key}', { params: { path: { org_id: orgId, key } }, body, ...init }), { call: options })
    ).data;
  }

  /**
   * Removes the organization's override: the flag follows its global rule again.
   *
   * @example
   * ```ts
   * await client.features.reset(org.id, 'advanced-analytics');
   * ```
   */
  async reset(orgId: string, key: string, options?: CallOptions): Promise<OrgFeatureFlag> {
    return (
      await this.#t.send((init) => this.#t.api.DELETE('/api/v1/orgs/{org_id}/feature-flags/{key}', { params: { path: { org_id: orgId, key } }, ...init }), { call: options })
    ).data;
  }

  /**
   * Evaluates flags (all, or the given keys) for the organization and the calling user. Answers are
   * revalidated with the server's ETag, so repeated calls cost the server one cheap 304.
   *
   * @example
   * ```ts
   * const { flags } = await client.features.evaluate(org.id, ['advanced-analytics', 'new-billing']);
   * if (flags['new-billing']) enableBilling();
   * ```
   */
  async evaluate(orgId: string, keys?: readonly string[], options?: CallOptions): Promise<EvaluateResponse> {
    const query = keys?.length ? { keys: keys.join(',') } : {};
    const cacheKey = `${this.#t.credential ?? ''}\n${orgId}\n${query.keys ?? '*'}`;
    const cached = this.#evaluated.get(cacheKey);
    const call: CallOptions = cached ? { ...options, headers: { ...options?.headers, 'if-none-match': cached.etag } } : (options ?? {});
    const { data, response } = await this.#t.send(
      (init) => this.#t.api.GET('/api/v1/orgs/{org_id}/feature-flags/evaluate', { params: { path: { org_id: orgId }, query }, ...init }),
      { call, accept: (r) => r.status === 304 && cached !== undefined },
    );
    if (response.status === 304 && cached) return structuredClone(cached.value);
    const etag = response.headers.get('etag');
    this.#evaluated.delete(cacheKey);
    if (etag) {
      this.#evaluated.set(cacheKey, { etag, value: structuredClone(data) });
      if (this.#evaluated.size > EVALUATE_CACHE_SIZE) this.#evaluated.delete(this.#evaluated.keys().next().value!);
    }
    return data;
  }

  /**
   * The old SaaSReady client's `set_flag(org_id, flag_name, enabled)`: turns a flag on or off for
   * the organization (an override, `PUT /orgs/{id}/feature-flags/{key}`); same as
   * {@link FeaturesApi.set} with `{ enabled }`. {@link FeaturesApi.reset} returns it to the global rule.
   *
   * @example
   * ```ts
   * await client.features.setFlag(org.id, 'advanced_analytics', true);
   * ```
   */
  async setFlag(orgId: string, flagName: string, enabled: boolean, options?: CallOptions): Promise<OrgFeatureFlag> {
    return this.set(orgId, flagName, { enabled }, options);
  }

  /**
   * Whether one flag is on for the organization (and the calling user); unknown flags are off.
   * Evaluated by the server (`GET /orgs/{id}/feature-flags/evaluate`, revalidated with its ETag).
   *
   * Two spellings: `isEnabled(orgId, key)`, and the old client's order `is_enabled(flag_name,
   * org_id=…)` as `isEnabled(flagName, { orgId })` (or `{ organizationId }`, as `FlagEvaluator`
   * takes it). A second argument that is a string is always the flag key.
   *
   * @example
   * ```ts
   * if (await client.features.isEnabled('advanced_analytics', { orgId: org.id })) showAdvancedAnalytics();
   * if (await client.features.isEnabled(org.id, 'advanced_analytics')) showAdvancedAnalytics();
   * ```
   */
  async isEnabled(orgId: string, key: string, options?: CallOptions): Promise<boolean>;
  async isEnabled(flagName: string, where: { orgId: string } | { organizationId: string }, options?: CallOptions): Promise<boolean>;
  async isEnabled(first: string, second: string | { orgId: string } | { organizationId: string }, options?: CallOptions): Promise<boolean> {
    const [orgId, key] = typeof second === 'string' ? [first, second] : ['orgId' in second ? second.orgId : second.organizationId, first];
    const { flags } = await this.evaluate(orgId, [key], options);
    return flags[key] ?? false;
  }
}

/**
 * `client.admin`: what an instance superuser sees — every user, every organization, global feature flags.
 *
 * @example
 * ```ts
 * const users = await client.admin.listUsers({ search: 'acme.test', limit: 50 });
 * await client.admin.createFlag({ key: 'new-billing', name: 'New billing', default_enabled: false, rollout_percent: 10 });
 * ```
 */
export class AdminApi {
  readonly #t: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#t = transport;
  }

  /**
   * Every user of the instance, newest first, `search` on email and name; next page in `nextCursor`.
   *
   * @example
   * ```ts
   * const page = await client.admin.listUsers({ search: 'jane' });
   * ```
   */
  async listUsers(query: AdminListQuery = {}, options?: CallOptions): Promise<Page<AdminUser>> {
    const { data, response } = await this.#t.send((init) => this.#t.api.GET('/api/v1/admin/users', { params: { query }, ...init }), { call: options });
    return toPage(data, response);
  }

  /**
   * Every organization of the instance, with `search` on name and slug; next page in `nextCursor`.
   *
   * @example
   * ```ts
   * const page = await client.admin.listOrganizations({ search: 'acme' });
   * ```
   */
  async listOrganizations(query: AdminListQuery = {}, options?: CallOptions): Promise<Page<AdminOrganization>> {
    const { data, response } = await this.#t.send((init) => this.#t.api.GET('/api/v1/admin/organizations', { params: { query }, ...init }), { call: options });
    return toPage(data, response);
  }

  /**
   * Every global feature flag.
   *
   * @example
   * ```ts
   * for (const flag of await client.admin.listFlags()) console.log(flag.key, flag.rollout_percent);
   * ```
   */
  async listFlags(options?: CallOptions): Promise<FeatureFlag[]> {
    return (await this.#t.send((init) => this.#t.api.GET('/api/v1/admin/feature-flags', { ...init }), { call: options })).data;
  }

  /**
   * Creates a global feature flag.
   *
   * @example
   * ```ts
   * await client.admin.createFlag({ key: 'new-billing', name: 'New billing', default_enabled: false });
   * ```
   */
  async createFlag(body: CreateFeatureFlagBody, options?: CallOptions): Promise<FeatureFlag> {
    return (await this.#t.send((init) => this.#t.api.POST('/api/v1/admin/feature-flags', { body, ...init }), { call: options })).data;
  }

  /**
   * Changes a global flag's rule (default, rollout percentage, unit, name, description).
   *
   * @example
   * ```ts
   * await client.admin.updateFlag('new-billing', { rollout_percent: 50 });
   * ```
   */
  async updateFlag(key: string, body: UpdateFeatureFlagBody, options?: CallOptions): Promise<FeatureFlag> {
    return (await this.#t.send((init) => this.#t.api.PATCH('/api/v1/admin/feature-flags/{key}', { params: { path: { key } }, body, ...init }), { call: options })).data;
  }

  /**
   * Deletes a global flag and every organization's override of it.
   *
   * @example
   * ```ts
   * await client.admin.deleteFlag('new-billing');
   * ```
   */
  async deleteFlag(key: string, options?: CallOptions): Promise<void> {
    await this.#t.send((init) => this.#t.api.DELETE('/api/v1/admin/feature-flags/{key}', { params: { path: { key } }, ...init }), { call: options });
  }
}

/**
 * `client.dev`: helpers that exist only on a development server without SMTP.
 *
 * @example
 * ```ts
 * const [latest] = await client.dev.mailbox({ to: 'alice@acme.test' });
 * ```
 */
export class DevApi {
  readonly #t: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#t = transport;
  }

  /**
   * The latest outgoing emails, newest first (404 in production or when SMTP is configured).
   *
   * @example
   * ```ts
   * const messages = await client.dev.mailbox({ to: 'alice@acme.test', limit: 5 });
   * ```
   */
  async mailbox(query: MailboxQuery = {}, options?: CallOptions): Promise<MailboxMessage[]> {
    return (await this.#t.send((init) => this.#t.api.GET('/api/v1/dev/mailbox', { params: { query }, ...init }), { auth: false, call: options })).data;
  }
}
