// Registration, login, refresh-token rotation, sessions and password changes. Rules enforced here:
// - email is normalised and unique; unknown email and wrong password look and cost the same;
// - every password and second-factor check runs under a lockout reservation (modules/lockout):
//   concurrent guesses check at most the threshold, and a stranger locks out only their own source;
// - a refresh token works once: presenting a rotated one ends the whole session (reuse detection);
// - every change and its audit row share one transaction.
import type { ChangePasswordBody, LoginBody, LoginMfaBody, Me, MfaRequiredResponse, MyMembership, RegisterBody, Session, SwitchOrgResponse, TokenResponse, User } from '@saasready/contracts';
import { orgTag, userTag, type ReadThroughCache } from '../../cache/caches.js';
import type { Config } from '../../config.js';
import { gateWith, type Database, type Executor } from '../../db/client.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { AppError, organizationNotFound, unauthenticated } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Metrics } from '../../lib/metrics.js';
import { normalizeEmail } from '../../lib/email.js';
import { assertAcceptablePassword, type PasswordHasher } from '../../lib/passwords.js';
import type { RequestContext } from '../../lib/request-context.js';
import type { UserPrincipal } from '../../types.js';
import { prepareStatementAppend, recordAudit, type AuditEvent } from '../audit-logs/service.js';
import * as memberships from '../memberships/service.js';
import { createOrganizationWithOwner, personalOrganization } from '../organizations/service.js';
import * as sessions from '../sessions/service.js';
import type { Keyring } from '../signing-keys/service.js';
import * as users from '../users/service.js';
import type { SsoEnforcementRow } from '../domains/service.js';
import { emailMismatch } from '../invitations/errors.js';
import type { InvitationsService } from '../invitations/service.js';
import * as twoFactor from '../two-factor/service.js';
import type { TwoFactorService } from '../two-factor/service.js';
import type { LockoutService, PendingSuccess } from '../lockout/service.js';
import * as errors from './errors.js';
import { consumeChallenge, findLoginStanding, type LoginStanding } from './repository.js';
import type { EmailTokensService } from './email-tokens.js';

export interface AuthDeps {
  db: Database;
  config: Pick<Config, 'accessTokenTtl' | 'refreshTokenTtl' | 'lockout' | 'requireEmailVerification' | 'publicUrl'>;
  hasher: PasswordHasher;
  keyring: Keyring;
  metrics: Metrics;
  invitations: InvitationsService;
  emailTokens: EmailTokensService;
  twoFactor: TwoFactorService;
  lockout: LockoutService;
  /** called after a transaction that enqueued mail has committed */
  mailEnqueued: () => void;
  /** the caller's memberships, as /auth/me lists them */
  membershipsCache: ReadThroughCache<MyMembership[]>;
}

/** With an invitation: a session (the invitation proved the inbox) and where it landed. */
export type RegisterResult = (TokenResponse | { user: User; email_verification_required: true }) & { organization?: { id: string; name: string; slug: string }; role?: string };
export type LoginResult = TokenResponse | MfaRequiredResponse;

const MFA_CHALLENGE_TTL_MS = 5 * 60_000;

/** What a login already read in its transaction: the caller's memberships and whether 2FA is on (no second read to sign). */
interface KnownStanding {
  memberships: readonly MyMembership[];
  twoFactorEnabled: boolean;
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
    let invited: Awaited<ReturnType<InvitationsService['loadUsable']>> | null = null;
    const result = await this.deps.db.transaction(async (tx) => {
      const invitation = body.invitation_token ? (invited = await this.deps.invitations.loadUsable(tx, body.invitation_token)) : null;
      if (invitation && invitation.email !== email) throw emailMismatch();
      const user = await users.insert(tx, {
        id: newId(), email, password_hash: passwordHash, full_name: fullName, email_verified_at: invitation ? new Date() : null,
      });
      const actor = { userId: user.id, email };
      let organizationId: string;
      // a brand-new account's standing is known without reading it back: its one membership, no 2FA
      let known: KnownStanding | undefined;
      if (invitation) {
        await this.deps.invitations.join(tx, ctx, invitation, actor);
        organizationId = invitation.organization_id;
      } else {
        const org = await createOrganizationWithOwner(tx, { ...ctx, principal: null }, actor, personalOrganization(fullName), { ownerIsNew: true });
        organizationId = org.id;
        known = { memberships: [org.ownerMembership], twoFactorEnabled: false };
        await this.deps.emailTokens.sendVerification(tx, ctx, user);
      }
      await recordAudit(tx, ctx, { action: 'user.registered', actor, organizationId, targetType: 'user', targetId: user.id, metadata: { via_invitation: Boolean(invitation) } });
      // the tutorial prints where an invitation landed; absent without one
      const landing = invitation
        ? { organization: { id: invitation.organization_id, name: invitation.organization_name, slug: invitation.organization_slug }, role: invitation.role_name }
        : {};
      if (this.deps.config.requireEmailVerification && !user.email_verified_at) {
        return { user: users.toUser(user), email_verification_required: true as const, ...landing };
      }
      return { ...(await this.startSession(tx, ctx, user, organizationId, known)), ...landing };
    }).catch(async (err: unknown) => {
      // an invitation its inviter could no longer grant ends here, audited (the new account rolled back)
      if (err instanceof AppError && err.code === 'invitation.inviter_lacks_authority' && invited) await this.deps.invitations.refuse(ctx, null, invited, err);
      throw err;
    });
    this.deps.mailEnqueued();
    this.deps.metrics.authAttempt('register', 'success');
    return result;
  }

  async login(ctx: RequestContext, body: LoginBody): Promise<LoginResult> {
    const email = normalizeEmail(body.email);
    const standing = await findLoginStanding(this.deps.db, email);
    const user = standing?.user ?? null;
    const { result: verdict, success } = await this.deps.lockout.guardLeavingSuccess(ctx, { kind: 'password', email, user }, () => this.checkPassword(user, body.password));
    // a success is left to record only when the password was right
    if (!standing || !success) return this.loginFailed(ctx, email, user);
    try {
      return await this.passwordAccepted(ctx, body, standing, verdict.needsRehash, success);
    } finally {
      // the lockout's success, unless the session's statement recorded it (one the database misses is kept for retry)
      await success.finish().catch(() => {});
    }
  }

  /** The steps after a right password: the account's state, SSO enforcement, the second factor, the session. */
  private async passwordAccepted(ctx: RequestContext, body: LoginBody, standing: LoginStanding, needsRehash: boolean, success: PendingSuccess): Promise<LoginResult> {
    const { user } = standing;
    // Checked only after the password, so a disabled account is not revealed to a guesser.
    if (!user.is_active) throw errors.accountDisabled();
    if (this.deps.config.requireEmailVerification && !user.email_verified_at) throw errors.emailNotVerified();
    const newHash = needsRehash ? await this.deps.hasher.hash(body.password) : null;
    if (newHash) await users.update(this.deps.db, user.id, { password_hash: newHash });
    const twoFactorEnabled = standing.twoFactorEnabled;
    const breakGlass = this.ssoEnforcement(twoFactorEnabled, standing.ssoEnforcement);
    if (twoFactorEnabled && !body.two_factor_code) return this.twoFactorChallenge(user.id);
    const metadata = { rehashed: Boolean(newHash), mfa: twoFactorEnabled };
    // the memberships /auth/me would show (the per-process cache, fresh across processes within a
    // second), read before the transaction: PGlite has one connection, and the transaction holds it
    const mine = await this.cachedMemberships(user.id);
    if (!twoFactorEnabled) return this.loggedIn(await this.finishPasswordLogin(ctx, user, mine, metadata, success));
    // the seeds' single-call form: the code comes with the password
    const outcome = await this.deps.lockout.guard(ctx, { kind: 'second_factor', user }, () =>
      this.deps.db.transaction(async (tx) => {
        if (!(await this.deps.twoFactor.verifyLoginFactor(tx, ctx, user.id, { code: body.two_factor_code }))) return { ok: false as const };
        return { ok: true as const, tokens: await this.finishLogin(tx, ctx, user, mine, metadata, breakGlass) };
      }),
    );
    return outcome.ok ? this.loggedIn(outcome.tokens) : this.mfaFailed(ctx, user);
  }

  /**
   * A person their organization's IdP vouched for (modules/sso, after the single-use code was
   * redeemed in `tx`): a session scoped to that organization, audited as a login with method `sso`.
   */
  async ssoLogin(tx: Executor, ctx: RequestContext, userId: string, organizationId: string, metadata: Record<string, unknown>): Promise<TokenResponse> {
    const user = await users.findById(tx, userId);
    if (!user?.is_active) throw errors.accountDisabled();
    const twoFactorEnabled = await this.deps.twoFactor.isEnabled(tx, user.id);
    const mine = await memberships.listForUser(tx, user.id);
    await recordAudit(tx, ctx, { action: 'user.logged_in', actor: { userId: user.id, email: user.email }, organizationId, targetType: 'user', targetId: user.id, metadata: { ...metadata, method: 'sso', mfa: false } });
    return this.loggedIn(await this.startSession(tx, ctx, user, organizationId, { memberships: mine, twoFactorEnabled }, 'sso'));
  }

  /** The second step of a login with 2FA: the mfa_token from step one and a TOTP or backup code. */
  async loginWithTwoFactor(ctx: RequestContext, body: LoginMfaBody): Promise<TokenResponse> {
    const { user, challengeId } = await this.challenge(body.mfa_token);
    const mine = await this.cachedMemberships(user.id);
    const outcome = await this.deps.lockout.guard(ctx, { kind: 'second_factor', user }, () =>
      this.deps.db.transaction(async (tx) => {
        if (!(await this.deps.twoFactor.verifyLoginFactor(tx, ctx, user.id, { code: body.code, backupCode: body.backup_code }))) return { ok: false as const };
        // single use: a concurrent request with the same token loses here (and rolls back its code)
        const spent = await consumeChallenge(tx, challengeId, user.email);
        if (!spent) throw errors.invalidMfaToken();
        // SSO enforcement as the login completes: an Owner's break-glass, or a member refused because
        // sso_required was turned on after their password step
        const breakGlass = this.ssoEnforcement(true, spent.ssoEnforcement);
        return { ok: true as const, tokens: await this.finishLogin(tx, ctx, user, mine, { mfa: true }, breakGlass) };
      }),
    );
    return outcome.ok ? this.loggedIn(outcome.tokens) : this.mfaFailed(ctx, user);
  }

  /** The user an unexpired, unused mfa_token belongs to, or null (keys the per-account rate limit). */
  async twoFactorChallengeUserId(mfaToken: string): Promise<string | null> {
    return (await this.liveChallenge(mfaToken))?.user_id ?? null;
  }

  private async liveChallenge(mfaToken: string) {
    const challenge = await twoFactor.findChallenge(this.deps.db, sha256(mfaToken));
    return challenge && !challenge.used_at && challenge.expires_at > new Date() ? challenge : null;
  }

  /** Step: the mfa_token names a live challenge of an active user. */
  private async challenge(mfaToken: string): Promise<{ user: users.UserRow; challengeId: string }> {
    const challenge = await this.liveChallenge(mfaToken);
    const user = challenge ? await users.findById(this.deps.db, challenge.user_id) : null;
    if (!challenge || !user?.is_active) throw errors.invalidMfaToken();
    return { user, challengeId: challenge.id };
  }

  /**
   * Step: an organization that verified the email's domain and requires SSO refuses its members'
   * password logins (`auth.sso_required`, with the URL to start SSO). Its Owners keep a break-glass
   * login, with 2FA only: answers that organization, whose `user.login.break_glass` finishLogin
   * records with the session — so only once the second factor passed, never for a password alone.
   */
  private ssoEnforcement(twoFactorEnabled: boolean, enforced: SsoEnforcementRow | null): string | null {
    if (!enforced) return null;
    if (enforced.is_owner && twoFactorEnabled) return enforced.organization_id;
    this.deps.metrics.authAttempt('login', 'failure');
    const query = new URLSearchParams({ organization_id: enforced.organization_id });
    throw errors.ssoRequired(`${this.deps.config.publicUrl}/api/v1/sso/authorize?${query}`, enforced.organization_id);
  }

  /** Step: the password against the account's hash, or against a dummy hash when there is no account (same cost). */
  private async checkPassword(user: users.UserRow | null, password: string): Promise<{ ok: boolean; needsRehash: boolean }> {
    if (!user) return { ok: await this.deps.hasher.verifyDummy(password), needsRehash: false };
    return this.deps.hasher.verify(user.password_hash, password);
  }

  private loggedIn(tokens: TokenResponse): TokenResponse {
    this.deps.metrics.authAttempt('login', 'success');
    return tokens;
  }

  /** Step: the password was right and a second factor is needed: a 5-minute single-use token. */
  private async twoFactorChallenge(userId: string): Promise<MfaRequiredResponse> {
    const token = randomToken();
    await twoFactor.insertChallenge(this.deps.db, { id: newId(), user_id: userId, token_hash: sha256(token), expires_at: new Date(Date.now() + MFA_CHALLENGE_TTL_MS) });
    return { mfa_required: true, mfa_token: token, methods: ['totp', 'backup_code'] };
  }

  /** Step: a wrong password (already counted by the lockout) is audited and answered like an unknown email. */
  private async loginFailed(ctx: RequestContext, email: string, user: users.UserRow | null): Promise<never> {
    await recordAudit(this.deps.db, ctx, { action: 'user.login.failed', actor: user ? { userId: user.id, email } : null, metadata: { email } });
    this.deps.metrics.authAttempt('login', 'failure');
    throw errors.invalidCredentials();
  }

  /** Step: a wrong second factor (already counted by the lockout) is audited. */
  private async mfaFailed(ctx: RequestContext, user: users.UserRow): Promise<never> {
    await recordAudit(this.deps.db, ctx, { action: 'user.login.mfa_failed', actor: { userId: user.id, email: user.email }, targetType: 'user', targetId: user.id });
    this.deps.metrics.authAttempt('login', 'failure');
    throw errors.invalidMfaCode();
  }

  /**
   * Step: the user is fully authenticated: pick the current organization, open a session. `breakGlass`:
   * the organization requiring SSO whose Owner this is, recorded as `user.login.break_glass` with the login.
   */
  private async finishLogin(tx: Executor, ctx: RequestContext, user: users.UserRow, mine: readonly MyMembership[], metadata: { mfa: boolean } & Record<string, unknown>, breakGlass: string | null = null): Promise<TokenResponse> {
    if (breakGlass) await recordAudit(tx, ctx, { action: 'user.login.break_glass', actor: { userId: user.id, email: user.email }, organizationId: breakGlass, targetType: 'user', targetId: user.id });
    // at once (with the break-glass row), before the session: the chains' heads before the session's
    // rows (its activity trigger's), the order the one-statement login takes them in
    await recordAudit(tx, ctx, loginEvent(user, metadata), { now: true });
    return this.startSession(tx, ctx, user, currentOrganization(mine), { memberships: mine, twoFactorEnabled: metadata.mfa });
  }

  /**
   * Step: finishLogin in one statement, without a transaction: the account's chain head is locked,
   * the login's audit row appended after it, and the session inserted only if that row was (so both
   * are written or neither), the lockout's success riding along. A concurrent login of the same
   * account waits for the head and then goes on from it. Webhooks listen for the event, or the chain
   * has no head row yet (an account from before its creation made one): finishLogin's way.
   */
  private async finishPasswordLogin(ctx: RequestContext, user: users.UserRow, mine: readonly MyMembership[], metadata: { mfa: boolean } & Record<string, unknown>, success: PendingSuccess): Promise<TokenResponse> {
    const { row, refreshToken } = this.newSession(ctx, user, currentOrganization(mine), 'password');
    // the head first (after: null), then the session from the appended row
    const gate = (await prepareStatementAppend(this.deps.db, ctx, loginEvent(user, metadata)))?.(null);
    if (gate && (await sessions.insertSessionGated(this.deps.db, 'login_session_v2', row, gateWith(gate, success.cte)))) {
      success.settled();
      return this.issueTokens(this.deps.db, user, row, refreshToken, { memberships: mine, twoFactorEnabled: metadata.mfa });
    }
    return this.deps.db.transaction((tx) => this.finishLogin(tx, ctx, user, mine, metadata));
  }

  /**
   * One statement on the way that matters: the presented token is swapped for the next one only if it
   * is the session's current token (compare-and-swap), then an access token is signed from the cached
   * memberships. Anything else is classified afterwards: a replaced token is reuse.
   */
  async refresh(ctx: RequestContext, refreshToken: string, adopted = false): Promise<TokenResponse> {
    const presentedHash = sha256(refreshToken);
    const next = randomToken();
    const expiresAt = new Date(Date.now() + this.deps.config.refreshTokenTtl * 1000);
    const rotated = await sessions.rotateRefreshToken(this.deps.db, { presentedHash, nextHash: sha256(next), historyId: newId(), expiresAt });
    if (!rotated) {
      // a token from a server that predates migration 0013 (rolling upgrade): adopt it once and retry
      if (!adopted && (await this.refreshRefused(ctx, presentedHash)) === 'legacy' && (await sessions.adoptLegacyRefreshToken(this.deps.db, presentedHash))) {
        return this.refresh(ctx, refreshToken, true);
      }
      this.deps.metrics.authAttempt('refresh', 'failure');
      throw errors.invalidRefreshToken();
    }
    const memberships = await this.cachedMemberships(rotated.user.id);
    const accessToken = this.signWithMemberships(rotated.user.id, rotated.session_id, rotated.organization_id, memberships, rotated.mfa_enabled);
    this.deps.metrics.authAttempt('refresh', 'success');
    return { access_token: await accessToken, token_type: 'bearer', expires_in: this.deps.config.accessTokenTtl, refresh_token: next, user: users.toUser(rotated.user) };
  }

  /** Step: the token did not rotate. One the session replaced (or a racing request just replaced) is reuse. */
  private async refreshRefused(ctx: RequestContext, presentedHash: string): Promise<'legacy' | 'invalid'> {
    const found = await sessions.classifyRefreshToken(this.deps.db, presentedHash);
    if (found?.kind === 'replayed') return this.refreshTokenReused(ctx, found.session);
    return found?.kind === 'legacy' ? 'legacy' : 'invalid';
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
    const mine = await this.cachedMemberships(userId);
    const current = mine.find((m) => m.organization_id === principal.tokenOrgId && m.status === 'active');
    // same rule as signAccessToken: an organization requiring 2FA grants nothing until it is enabled
    const blockedBy2fa = Boolean(current?.require_2fa) && !principal.twoFactorEnabled;
    return {
      ...principal.user,
      two_factor_enabled: principal.twoFactorEnabled,
      two_factor_setup_required: !principal.twoFactorEnabled && mine.some((m) => m.require_2fa && m.status === 'active'),
      memberships: mine,
      current_organization: current ? { id: current.organization_id, name: current.organization_name, slug: current.organization_slug } : null,
      current_org_id: current?.organization_id ?? null,
      permissions: current && !blockedBy2fa ? current.permissions : [],
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
    // a stolen access token must not be a way around the login lockout
    const verdict = await this.deps.lockout.guard(ctx, { kind: 'password', email: user.email, user }, () => this.checkPassword(user, body.current_password));
    if (!verdict.ok) {
      await recordAudit(this.deps.db, ctx, { action: 'user.password.verification_failed', targetType: 'user', targetId: user.id, metadata: { purpose: 'password_change' } });
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
  private async signAccessToken(ex: Executor, userId: string, sessionId: string, organizationId: string | null, known?: KnownStanding): Promise<string> {
    if (known) return this.signWithMemberships(userId, sessionId, organizationId, known.memberships, known.twoFactorEnabled);
    const mine = organizationId ? await memberships.listForUser(ex, userId) : [];
    const needsTwoFactorState = mine.some((m) => m.organization_id === organizationId && m.require_2fa);
    return this.signWithMemberships(userId, sessionId, organizationId, mine, needsTwoFactorState && (await this.deps.twoFactor.isEnabled(ex, userId)));
  }

  /** The caller's memberships from the per-process cache (as /auth/me reads them): fresh across processes within a second. */
  private async cachedMemberships(userId: string): Promise<MyMembership[]> {
    return (await this.deps.membershipsCache.get(userId, () => memberships.listForUser(this.deps.db, userId), (list) => [userTag(userId), ...list.map((m) => orgTag(m.organization_id))]))!;
  }

  private signWithMemberships(userId: string, sessionId: string, organizationId: string | null, mine: readonly MyMembership[], twoFactorEnabled: boolean): Promise<string> {
    const membership = organizationId ? mine.find((m) => m.organization_id === organizationId && m.status === 'active') : undefined;
    const setupRequired = Boolean(membership?.require_2fa) && !twoFactorEnabled;
    return this.deps.keyring.sign({
      sub: userId,
      sid: sessionId,
      org_id: membership ? organizationId : null,
      org_role: setupRequired ? null : (membership?.role_name ?? null),
      permissions: setupRequired ? [] : (membership?.permissions ?? []),
      ...(setupRequired ? { two_factor_setup_required: true } : {}),
    });
  }

  /** Step: open a session for a freshly authenticated user and mint its first token pair (the refresh token stored hashed). */
  private async startSession(tx: Executor, ctx: RequestContext, user: users.UserRow, organizationId: string | null, known?: KnownStanding, method: 'password' | 'sso' = 'password'): Promise<TokenResponse> {
    const { row, refreshToken } = this.newSession(ctx, user, organizationId, method);
    await sessions.insertSession(tx, row);
    return this.issueTokens(tx, user, row, refreshToken, known);
  }

  /** A new session's row, with the refresh token whose hash it stores. */
  private newSession(ctx: RequestContext, user: users.UserRow, organizationId: string | null, method: 'password' | 'sso') {
    const refreshToken = randomToken();
    const row = {
      id: newId(),
      user_id: user.id,
      organization_id: organizationId,
      ip: ctx.ip,
      user_agent: ctx.userAgent,
      expires_at: new Date(Date.now() + this.deps.config.refreshTokenTtl * 1000),
      refresh_hash: sha256(refreshToken),
      method,
    };
    return { row, refreshToken };
  }

  /** The first token pair of a session just stored. */
  private async issueTokens(ex: Executor, user: users.UserRow, session: { id: string; organization_id: string | null }, refreshToken: string, known?: KnownStanding): Promise<TokenResponse> {
    return {
      access_token: await this.signAccessToken(ex, user.id, session.id, session.organization_id, known),
      token_type: 'bearer',
      expires_in: this.deps.config.accessTokenTtl,
      refresh_token: refreshToken,
      user: users.toUser(user),
    };
  }
}

/** The organization a login starts in: the first active membership. */
const currentOrganization = (mine: readonly MyMembership[]): string | null => mine.find((m) => m.status === 'active')?.organization_id ?? null;

/** What a login records. */
const loginEvent = (user: users.UserRow, metadata: Record<string, unknown>): AuditEvent => ({
  action: 'user.logged_in',
  actor: { userId: user.id, email: user.email },
  targetType: 'user',
  targetId: user.id,
  metadata,
});
