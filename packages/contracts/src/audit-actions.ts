/**
 * Every audit action the server records. `docs/audit-events.md` describes each one.
 *
 * @example
 * ```ts
 * const action: AuditAction = 'user.login';
 * ```
 */
export const AUDIT_ACTIONS = [
  'user.registered',
  'user.login',
  'user.login.failed',
  'user.logout',
  'user.logout_all',
  'user.password.changed',
  'user.profile.updated',
  'user.session.revoked',
  'user.account.locked',
  'user.password.verification_failed',
  'auth.refresh_token.reused',
  'org.created',
  'org.updated',
  'org.deleted',
  'org.switched',
  'member.added',
  'member.role_changed',
  'member.suspended',
  'member.reactivated',
  'member.removed',
  'member.left',
  'role.created',
  'role.updated',
  'role.deleted',
  'user.invite.sent',
  'user.invite.resent',
  'user.invite.revoked',
  'user.invite.accepted',
  'user.invite.refused',
  'user.password.reset_requested',
  'user.password.reset',
  'user.email.verification_sent',
  'user.email.verified',
  'user.2fa.enabled',
  'user.2fa.disabled',
  'user.2fa.backup_codes.regenerated',
  'user.2fa.backup_code.used',
  'user.login.mfa_failed',
  'user.2fa.verification_failed',
  'user.2fa.reset',
  'org.settings.updated',
  'api_key.created',
  'api_key.revoked',
  'api_key.deactivated',
  'audit.pruned',
  'feature_flag.created',
  'feature_flag.updated',
  'feature_flag.deleted',
  'feature_flag.enabled',
  'feature_flag.disabled',
  'feature_flag.reset',
  'admin.created',
  'signing_key.rotated',
] as const;

/** An audit action name. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
