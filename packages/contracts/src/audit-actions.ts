/**
 * Every audit action the server records. `docs/audit-events.md` describes each one.
 *
 * @example
 * ```ts
 * const action: AuditAction = 'user.logged_in';
 * ```
 */
export const AUDIT_ACTIONS = [
  'user.registered',
  'user.logged_in',
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
  'user.role.updated',
  'member.suspended',
  'member.reactivated',
  'user.removed',
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
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.secret_rotated',
  'webhook.disabled',
  'domain.added',
  'domain.verified',
  'domain.verification_failed',
  'domain.removed',
  'sso.connection.created',
  'sso.connection.updated',
  'sso.connection.deleted',
  'sso.login.succeeded',
  'sso.login.failed',
  'member.provisioned',
  'member.deprovisioned',
  'directory.created',
  'directory.deleted',
  'directory.token_rotated',
  'directory.user.updated',
  'directory.group.created',
  'directory.group.updated',
  'directory.group.deleted',
  'directory.group.role_mapped',
  'user.login.break_glass',
  'sso.required.sessions_ended',
  'user.disabled',
  'user.enabled',
  'admin.organization.viewed',
  'admin.user.viewed',
] as const;

/** An audit action name. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Names this server wrote before it took the old SaaSReady README's names for the same events
 * (issue 18). Stored rows keep the name they were written with — each row's hash covers it, so a
 * rename would break the chain — and filters treat the two names of a pair as one event.
 */
export const RENAMED_AUDIT_ACTIONS = {
  'user.login': 'user.logged_in',
  'member.role_changed': 'user.role.updated',
  'member.removed': 'user.removed',
} as const satisfies Record<string, AuditAction>;

/**
 * The other names an audit filter (`user.logged_in`, or a prefix like `member.*`) must also match,
 * so a rule written against either name of a renamed event sees both old and new rows.
 *
 * @example
 * ```ts
 * auditActionAliasesMatching('user.logged_in'); // ['user.login']
 * auditActionAliasesMatching('member.*'); // ['user.role.updated', 'user.removed']
 * ```
 */
export function auditActionAliasesMatching(filter: string): string[] {
  const matches = filter.endsWith('.*') ? (name: string) => name.startsWith(filter.slice(0, -1)) : (name: string) => name === filter;
  return Object.entries(RENAMED_AUDIT_ACTIONS).flatMap(([before, after]) => [
    ...(matches(before) && !matches(after) ? [after] : []),
    ...(matches(after) && !matches(before) ? [before] : []),
  ]);
}
