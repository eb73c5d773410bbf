// `client.auth`: accounts and sessions. The calls that open a session (register, login, loginWith2fa,
// switchOrg) hand it to the transport, which keeps it for every later call.
import type { CallOptions, Transport } from '../transport.js';
import type {
  BackupCodesResponse, ChangePasswordBody, Disable2faBody, ForgotPasswordBody, LoginBody, LoginResult, LoginWith2faBody, Me, MfaSetupResponse,
  RegisterBody, RegisterResult, ResetPasswordBody, Session, SwitchOrgBody, SwitchOrgResponse, TokenResponse, UpdateProfileBody, Verify2faBody,
  VerifyEmailBody,
} from '../types.js';

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
    const data = await this.#t.request((api, init) => api.POST('/api/v1/auth/register', { body, ...init }), options, { auth: false });
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
    const data = await this.#t.request((api, init) => api.POST('/api/v1/auth/login', { body, ...init }), options, { auth: false });
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
    const data = await this.#t.request((api, init) => api.POST('/api/v1/auth/login/2fa', { body, ...init }), options, { auth: false });
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
    return this.#t.request((api, init) => api.GET('/api/v1/auth/me', init), options);
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
    return this.#t.request((api, init) => api.PATCH('/api/v1/auth/me', { body, ...init }), options);
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
    await this.#t.request((api, init) => api.POST('/api/v1/auth/logout', init), options);
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
    const data = await this.#t.request((api, init) => api.POST('/api/v1/auth/logout-all', init), options);
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
    return this.#t.request((api, init) => api.GET('/api/v1/auth/sessions', init), options);
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
    await this.#t.request((api, init) => api.DELETE('/api/v1/auth/sessions/{id}', { params: { path: { id: sessionId } }, ...init }), options);
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
    await this.#t.request((api, init) => api.POST('/api/v1/auth/password', { body, ...init }), options);
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
    return this.#t.request((api, init) => api.POST('/api/v1/auth/forgot-password', { body, ...init }), options, { auth: false });
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
    await this.#t.request((api, init) => api.POST('/api/v1/auth/reset-password', { body, ...init }), options, { auth: false });
  }

  /**
   * Whether a password-reset token still works, without using it: resolves when it does, rejects with
   * `token.expired` (expired or already used) or `token.invalid` otherwise. Ask before showing the form.
   *
   * @example
   * ```ts
   * try {
   *   await client.auth.checkResetPassword(token);
   * } catch (err) {
   *   if (err instanceof SaaSReadyError && err.code === 'token.expired') showRequestNewLink();
   * }
   * ```
   */
  async checkResetPassword(token: string, options?: CallOptions): Promise<void> {
    await this.#t.request((api, init) => api.POST('/api/v1/auth/reset-password/check', { body: { token }, ...init }), options, { auth: false });
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
    await this.#t.request((api, init) => api.POST('/api/v1/auth/verify-email', { body, ...init }), options, { auth: false });
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
    return this.#t.request((api, init) => api.POST('/api/v1/auth/resend-verification', init), options);
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
    return this.#t.request((api, init) => api.POST('/api/v1/auth/2fa/setup', init), options);
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
    return this.#t.request((api, init) => api.POST('/api/v1/auth/2fa/verify', { body, ...init }), options);
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
    return this.#t.request((api, init) => api.POST('/api/v1/auth/2fa/backup-codes', { body, ...init }), options);
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
    await this.#t.request((api, init) => api.POST('/api/v1/auth/2fa/disable', { body, ...init }), options);
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
    const data = await this.#t.request((api, init) => api.POST('/api/v1/auth/switch-org', { body, ...init }), options);
    await this.#t.storeSession(data);
    return data;
  }
}
