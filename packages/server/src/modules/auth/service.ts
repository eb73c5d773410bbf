// Registration, login, refresh-token rotation, sessions and password changes. Rules enforced here:
// - email is normalised and unique; unknown email and wrong password look and cost the same;
// - repeated failures lock the email out with a doubling back-off (known and unknown emails alike);
// - a refresh token works once: presenting a rotated one ends the whole session (reuse detection);
// - every change and its audit row share one transaction.
import type { ChangePasswordBody, LoginBody, LoginMfaBody, Me, MfaRequiredResponse, MyMembership, RegisterBody, Session, SwitchOrgResponse, TokenResponse, User } from '@saasready/contracts';
import { orgTag, userTag, type ReadThroughCache } from '../../cache/caches.js';
import type { Config } from '../../config.js';
import type { Database, Executor } from '../../db/client.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { organizationNotFound, unauthenticated } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Metrics } from '../../lib/metrics.js';
import { isCommonPassword, type PasswordHasher } from '../../lib/passwords.js';
import type { RequestContext } from '../../lib/request-context.js';
import type { UserPrincipal } from '../../types.js';
import { recordAudit } from '../audit-logs/service.js';
import * as memberships from '../memberships/repository.js';
import { createOrganizationWithOwner } from '../organizations/service.js';
import * as sessions from '../sessions/repository.js';
import type { Keyring } from '../signing-keys/service.js';
import * as users from '../users/repository.js';
import { emailMismatch } from '../invitations/errors.js';
import type { InvitationsService } from '../invitations/service.js';
import * as mfaRepository from '../mfa/repository.js';
import type { MfaService } from '../mfa/service.js';
import * as errors from './errors.js';
import type { EmailTokensService } from './email-tokens.js';
import * as throttle from './repository.js';

export interface AuthDeps {
  db: Database;
  config: Pick<Config, 'accessTokenTtl' | 'refreshTokenTtl' | 'lockout' | 'requireEmailVerification'>;
  hasher: PasswordHasher;
  keyring: Keyring;
  metrics: Metrics;
  invitations: InvitationsService;
  emailTokens: EmailTokensService;
  mfa: MfaService;
  /** called after a transaction that enqueued mail has committed */
  mailEnqueued: () => void;
  /** the caller's memberships, as /auth/me lists them */
  membershipsCache: ReadThroughCache<MyMembership[]>;
}

export type RegisterResult = TokenResponse | { user: User; email_verification_required: true };
export type LoginResult = TokenResponse | MfaRequiredResponse;

const MFA_CHALLENGE_TTL_MS = 5 * 60_000;

/** Emails compare trimmed and lower-cased everywhere. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** Passwords must not be among the most common ones, nor the account's own email. */
export function assertAcceptablePassword(password: string, email: string, field = 'password'): void {
  if (isCommonPassword(password)) {
    throw errors.passwordRejected(field, 'password.too_common', 'This password is too common; choose another one.');
  }
  const lowered = password.toLowerCase();
  if (lowered === email || lowered === email.split('@')[0]) {
    throw errors.passwordRejected(field, 'password.matches_email', 'The password must not be your email address.');
  }
}

function requireUser(ctx: RequestContext): UserPrincipal {
  if (!ctx.principal) throw unauthenticated();
  return ctx.principal;
}

export class AuthService {
  constructor(private readonly deps: AuthDeps) {}

  /**
   * A new account. With an invitation token it joins that organization (the token proves the
   * inbox, so the email counts as verified); otherwise it gets a personal organization and a
   * verification email. Under REQUIRE_EMAIL_VERIFICATION an unverified account gets no session.
   */
  async register(ctx: RequestContext, body: RegisterBody): Promise<RegisterResult> {
    const email = normalizeEmail(body.email);
    const fullName = body.full_name.trim();
    assertAcceptablePassword(body.password, email);
    const passwordHash = await this.deps.hasher.hash(body.password);
    const result = await this.deps.db.transaction(async (tx) => {
      const invitation = body.invitation_token ? await this.deps.invitations.loadUsable(tx, body.invitation_token) : null;
      if (invitation && invitation.email !== email) throw emailMismatch();
      const user = await users.insert(tx, {
        id: newId(), email, password_hash: passwordHash, full_name: fullName, email_verified_at: invitation ? new Date() : null,
      });
      const actor = { userId: user.id, email };
      let organizationId: string;
      if (invitation) {
        await this.deps.invitations.join(tx, ctx, invitation, actor);
        organizationId = invitation.organization_id;
      } else {
        organizationId = (await createOrganizationWithOwner(tx, { ...ctx, principal: null }, actor, { name: `${fullName}'s Organization`, slugBase: fullName })).id;
        await this.deps.emailTokens.sendVerification(tx, ctx, user);
      }
      await recordAudit(tx, ctx, { action: 'user.registered', actor, organizationId, targetType: 'user', targetId: user.id, metadata: { via_invitation: Boolean(invitation) } });
      if (this.deps.config.requireEmailVerification && !user.email_verified_at) {
        return { user: users.toUser(user), email_verification_required: true as const };
      }
      return this.startSession(tx, ctx, user, organizationId);
    });
    this.deps.mailEnqueued();
    this.deps.metrics.authAttempt('register', 'success');
    return result;
  }

  async login(ctx: RequestContext, body: LoginBody): Promise<LoginResult> {
    const email = normalizeEmail(body.email);
    await this.assertNotLockedOut(email);
    const user = await users.findByEmail(this.deps.db, email);
    const verdict = user ? await this.deps.hasher.verify(user.password_hash, body.password) : { ok: await this.deps.hasher.verifyDummy(body.password), needsRehash: false };
    if (!user || !verdict.ok) {
      await this.recordFailedLogin(ctx, email, user);
      this.deps.metrics.authAttempt('login', 'failure');
      throw errors.invalidCredentials();
    }
    // Checked only after the password, so a disabled account is not revealed to a guesser.
    if (!user.is_active) throw errors.accountDisabled();
    if (this.deps.config.requireEmailVerification && !user.email_verified_at) throw errors.emailNotVerified();
    const newHash = verdict.needsRehash ? await this.deps.hasher.hash(body.password) : null;
    if (newHash) await users.update(this.deps.db, user.id, { password_hash: newHash });
    const mfaEnabled = await this.deps.mfa.isEnabled(this.deps.db, user.id);
    if (mfaEnabled && !body.two_factor_code) return this.mfaChallenge(user.id);
    const result = await this.deps.db.transaction(async (tx) => {
      // the seeds' single-call form: the code comes with the password
      if (mfaEnabled && !(await this.deps.mfa.verifyLoginFactor(tx, ctx, user.id, { code: body.two_factor_code }))) return null;
      return this.finishLogin(tx, ctx, user, { rehashed: Boolean(newHash), mfa: mfaEnabled });
    });
    if (!result) return this.mfaFailed(ctx, user);
    this.deps.metrics.authAttempt('login', 'success');
    return result;
  }

  /** The second step of a login with 2FA: the mfa_token from step one and a TOTP or backup code. */
  async loginWithMfa(ctx: RequestContext, body: LoginMfaBody): Promise<TokenResponse> {
    const challenge = await mfaRepository.findChallenge(this.deps.db, sha256(body.mfa_token));
    if (!challenge || challenge.used_at || challenge.expires_at <= new Date()) throw errors.invalidMfaToken();
    const user = await users.findById(this.deps.db, challenge.user_id);
    if (!user?.is_active) throw errors.invalidMfaToken();
    await this.assertNotLockedOut(user.email);
    const result = await this.deps.db.transaction(async (tx) => {
      if (!(await this.deps.mfa.verifyLoginFactor(tx, ctx, user.id, { code: body.code, backupCode: body.backup_code }))) return null;
      // single use: a concurrent request with the same token loses here (and rolls back its code)
      if (!(await mfaRepository.consumeChallenge(tx, challenge.id))) throw errors.invalidMfaToken();
      return this.finishLogin(tx, ctx, user, { mfa: true });
    });
    if (!result) return this.mfaFailed(ctx, user);
    this.deps.metrics.authAttempt('login', 'success');
    return result;
  }

  /** Step: the password was right and a second factor is needed: a 5-minute single-use token. */
  private async mfaChallenge(userId: string): Promise<MfaRequiredResponse> {
    const token = randomToken();
    await mfaRepository.insertChallenge(this.deps.db, { id: newId(), user_id: userId, token_hash: sha256(token), expires_at: new Date(Date.now() + MFA_CHALLENGE_TTL_MS) });
    return { mfa_required: true, mfa_token: token, methods: ['totp', 'backup_code'] };
  }

  /** Step: a wrong second factor counts toward the lockout like a wrong password. */
  private async mfaFailed(ctx: RequestContext, user: users.UserRow): Promise<never> {
    await recordAudit(this.deps.db, ctx, { action: 'user.login.mfa_failed', actor: { userId: user.id, email: user.email }, targetType: 'user', targetId: user.id });
    await this.recordFailedLogin(ctx, user.email, user);
    this.deps.metrics.authAttempt('login', 'failure');
    throw errors.invalidMfaCode();
  }

  /** Step: the user is fully authenticated: forget failures, pick the current organization, open a session. */
  private async finishLogin(tx: Executor, ctx: RequestContext, user: users.UserRow, metadata: Record<string, unknown>): Promise<TokenResponse> {
    await throttle.clearFailures(tx, user.email);
    const current = (await memberships.listForUser(tx, user.id)).find((m) => m.status === 'active');
    await recordAudit(tx, ctx, { action: 'user.login', actor: { userId: user.id, email: user.email }, targetType: 'user', targetId: user.id, metadata });
    return this.startSession(tx, ctx, user, current?.organization_id ?? null);
  }

  /** Step: refuse early, before any password check, while the email is locked out. */
  private async assertNotLockedOut(email: string): Promise<void> {
    const lockedUntil = await throttle.findLock(this.deps.db, email);
    if (lockedUntil) {
      this.deps.metrics.authAttempt('login', 'locked');
      throw errors.accountLocked(Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 1000)));
    }
  }

  /** Step: count the failure; past the threshold, lock for base × 2^(extra failures), capped. */
  private async recordFailedLogin(ctx: RequestContext, email: string, user: users.UserRow | null): Promise<void> {
    const { threshold, baseSeconds, maxSeconds } = this.deps.config.lockout;
    const failures = await throttle.recordFailure(this.deps.db, email);
    const actor = user ? { userId: user.id, email } : null;
    await recordAudit(this.deps.db, ctx, { action: 'user.login.failed', actor, metadata: { email, failures } });
    if (failures >= threshold) {
      const seconds = Math.min(maxSeconds, baseSeconds * 2 ** (failures - threshold));
      await throttle.lockUntil(this.deps.db, email, new Date(Date.now() + seconds * 1000));
      await recordAudit(this.deps.db, ctx, { action: 'user.account.locked', actor, metadata: { email, failures, seconds } });
    }
  }

  async refresh(ctx: RequestContext, refreshToken: string): Promise<TokenResponse> {
    const found = await sessions.findRefreshToken(this.deps.db, sha256(refreshToken));
    if (!found) {
      this.deps.metrics.authAttempt('refresh', 'failure');
      throw errors.invalidRefreshToken();
    }
    const { token, session } = found;
    if (token.rotated_at) return this.refreshTokenReused(ctx, session);
    const now = new Date();
    const user = await users.findById(this.deps.db, session.user_id);
    if (session.revoked_at || session.expires_at <= now || token.expires_at <= now || !user?.is_active) {
      this.deps.metrics.authAttempt('refresh', 'failure');
      throw errors.invalidRefreshToken();
    }
    const result = await this.deps.db.transaction(async (tx) => {
      // Two requests racing with one token: only one wins the rotation; the other is a reuse.
      if (!(await sessions.markRotated(tx, token.id))) return null;
      return this.issueTokens(tx, user, session.id, session.organization_id, { extend: true });
    });
    if (!result) return this.refreshTokenReused(ctx, session);
    this.deps.metrics.authAttempt('refresh', 'success');
    return result;
  }

  /** Step: a rotated refresh token came back — it was stolen or replayed. End the whole family. */
  private async refreshTokenReused(ctx: RequestContext, session: sessions.SessionRow): Promise<never> {
    const user = await users.findById(this.deps.db, session.user_id);
    await this.deps.db.transaction(async (tx) => {
      await sessions.revoke(tx, session.user_id, session.id, 'refresh_token_reused');
      await recordAudit(tx, ctx, {
        action: 'auth.refresh_token.reused',
        actor: user ? { userId: user.id, email: user.email } : null,
        targetType: 'session',
        targetId: session.id,
      });
    });
    this.deps.metrics.authAttempt('refresh', 'reused');
    throw errors.refreshTokenReused();
  }

  /** Re-scopes this session to another organization the caller is an active member of. */
  async switchOrganization(ctx: RequestContext, organizationId: string): Promise<SwitchOrgResponse> {
    const principal = requireUser(ctx);
    const membership = (await memberships.listForUser(this.deps.db, principal.userId)).find(
      (m) => m.organization_id === organizationId && m.status === 'active',
    );
    if (!membership) throw organizationNotFound();
    await this.deps.db.transaction(async (tx) => {
      await sessions.setOrganization(tx, principal.userId, principal.sessionId, organizationId);
      await recordAudit(tx, ctx, { action: 'org.switched', organizationId, targetType: 'session', targetId: principal.sessionId });
    });
    const accessToken = await this.signAccessToken(this.deps.db, principal.userId, principal.sessionId, organizationId);
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: this.deps.config.accessTokenTtl,
      organization: { id: membership.organization_id, name: membership.organization_name, slug: membership.organization_slug },
    };
  }

  async me(ctx: RequestContext): Promise<Me> {
    const principal = requireUser(ctx);
    const userId = principal.userId;
    // cached per process: joining, leaving, a role or organization change drops it (cache/invalidation.ts)
    const mine = (await this.deps.membershipsCache.get(userId, () => memberships.listForUser(this.deps.db, userId), (list) => [userTag(userId), ...list.map((m) => orgTag(m.organization_id))]))!;
    const current = mine.find((m) => m.organization_id === principal.tokenOrgId && m.status === 'active');
    return {
      ...principal.user,
      two_factor_enabled: principal.mfaEnabled,
      two_factor_setup_required: !principal.mfaEnabled && mine.some((m) => m.require_2fa && m.status === 'active'),
      memberships: mine,
      current_organization: current ? { id: current.organization_id, name: current.organization_name, slug: current.organization_slug } : null,
    };
  }

  async logout(ctx: RequestContext): Promise<void> {
    const principal = requireUser(ctx);
    await this.deps.db.transaction(async (tx) => {
      await sessions.revoke(tx, principal.userId, principal.sessionId, 'logout');
      await recordAudit(tx, ctx, { action: 'user.logout', targetType: 'session', targetId: principal.sessionId });
    });
  }

  async logoutAll(ctx: RequestContext): Promise<number> {
    const principal = requireUser(ctx);
    return this.deps.db.transaction(async (tx) => {
      const count = await sessions.revokeAllForUser(tx, principal.userId, 'logout_all');
      await recordAudit(tx, ctx, { action: 'user.logout_all', targetType: 'user', targetId: principal.userId, metadata: { sessions: count } });
      return count;
    });
  }

  async listSessions(ctx: RequestContext): Promise<Session[]> {
    const principal = requireUser(ctx);
    const rows = await sessions.listActiveForUser(this.deps.db, principal.userId);
    return rows.map((s) => ({
      id: s.id,
      created_at: s.created_at.toISOString(),
      last_used_at: s.last_used_at.toISOString(),
      expires_at: s.expires_at.toISOString(),
      ip: s.ip,
      user_agent: s.user_agent,
      current: s.id === principal.sessionId,
    }));
  }

  async revokeSession(ctx: RequestContext, sessionId: string): Promise<void> {
    const principal = requireUser(ctx);
    await this.deps.db.transaction(async (tx) => {
      // Scoped by user: someone else's session id is "not found", never revoked.
      if (!(await sessions.revoke(tx, principal.userId, sessionId, 'revoked_by_user'))) throw errors.sessionNotFound();
      await recordAudit(tx, ctx, { action: 'user.session.revoked', targetType: 'session', targetId: sessionId });
    });
  }

  async changePassword(ctx: RequestContext, body: ChangePasswordBody): Promise<void> {
    const principal = requireUser(ctx);
    const user = await users.findById(this.deps.db, principal.userId);
    if (!user) throw unauthenticated();
    const verdict = await this.deps.hasher.verify(user.password_hash, body.current_password);
    if (!verdict.ok) {
      this.deps.metrics.authAttempt('password_change', 'failure');
      throw errors.passwordRejected('current_password', 'password.incorrect', 'The current password is incorrect.');
    }
    assertAcceptablePassword(body.new_password, user.email, 'new_password');
    const passwordHash = await this.deps.hasher.hash(body.new_password);
    await this.deps.db.transaction(async (tx) => {
      await users.update(tx, user.id, { password_hash: passwordHash });
      const ended = await sessions.revokeAllForUser(tx, user.id, 'password_changed', principal.sessionId);
      await recordAudit(tx, ctx, { action: 'user.password.changed', targetType: 'user', targetId: user.id, metadata: { other_sessions_ended: ended } });
    });
    this.deps.metrics.authAttempt('password_change', 'success');
  }

  /**
   * Step: the access token carries the current organization's role and permissions, so relying
   * apps can authorize offline; they are as fresh as the token (at most ACCESS_TOKEN_TTL old).
   * An organization that requires 2FA of a user without it gets no role or permissions in the
   * token, only `two_factor_setup_required: true` (the routes refuse such a member the same way).
   */
  private async signAccessToken(ex: Executor, userId: string, sessionId: string, organizationId: string | null): Promise<string> {
    const membership = organizationId
      ? (await memberships.listForUser(ex, userId)).find((m) => m.organization_id === organizationId && m.status === 'active')
      : undefined;
    const setupRequired = Boolean(membership?.require_2fa) && !(await this.deps.mfa.isEnabled(ex, userId));
    return this.deps.keyring.sign({
      sub: userId,
      sid: sessionId,
      org_id: membership ? organizationId : null,
      org_role: setupRequired ? null : (membership?.role_name ?? null),
      permissions: setupRequired ? [] : (membership?.permissions ?? []),
      ...(setupRequired ? { two_factor_setup_required: true } : {}),
    });
  }

  /** Step: open a session for a freshly authenticated user and mint its first token pair. */
  private async startSession(tx: Executor, ctx: RequestContext, user: users.UserRow, organizationId: string | null): Promise<TokenResponse> {
    const session = await sessions.insertSession(tx, {
      id: newId(),
      user_id: user.id,
      organization_id: organizationId,
      ip: ctx.ip,
      user_agent: ctx.userAgent,
      expires_at: new Date(Date.now() + this.deps.config.refreshTokenTtl * 1000),
    });
    return this.issueTokens(tx, user, session.id, organizationId, { extend: false });
  }

  /** Step: a new refresh token (stored hashed) and a new access token for the session. */
  private async issueTokens(
    tx: Executor,
    user: users.UserRow,
    sessionId: string,
    organizationId: string | null,
    options: { extend: boolean },
  ): Promise<TokenResponse> {
    const refreshToken = randomToken();
    const expiresAt = new Date(Date.now() + this.deps.config.refreshTokenTtl * 1000);
    await sessions.insertRefreshToken(tx, { id: newId(), session_id: sessionId, token_hash: sha256(refreshToken), expires_at: expiresAt });
    if (options.extend) await sessions.extend(tx, sessionId, expiresAt);
    const accessToken = await this.signAccessToken(tx, user.id, sessionId, organizationId);
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: this.deps.config.accessTokenTtl,
      refresh_token: refreshToken,
      user: users.toUser(user),
    };
  }
}
