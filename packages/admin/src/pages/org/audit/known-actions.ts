// The audit action names the server records (packages/contracts/src/audit-actions.ts). The dashboard
// depends on the SDK only, so it keeps its own copy for suggestions; an action missing here can
// still be typed in the filter.
export const KNOWN_ACTIONS = [
  'user.registered', 'user.login', 'user.login.failed', 'user.logout', 'user.logout_all', 'user.password.changed',
  'user.session.revoked', 'user.account.locked', 'auth.refresh_token.reused', 'org.created', 'org.updated', 'org.deleted',
  'org.switched', 'member.added', 'member.role_changed', 'member.suspended', 'member.reactivated', 'member.removed',
  'member.left', 'role.created', 'role.updated', 'role.deleted', 'user.invite.sent', 'user.invite.resent',
  'user.invite.revoked', 'user.invite.accepted', 'user.password.reset_requested', 'user.password.reset',
  'user.email.verification_sent', 'user.email.verified', 'user.2fa.enabled', 'user.2fa.disabled',
  'user.2fa.backup_codes.regenerated', 'user.2fa.backup_code.used', 'user.login.mfa_failed', 'org.settings.updated',
  'api_key.created', 'api_key.revoked', 'audit.pruned', 'feature_flag.created', 'feature_flag.updated',
  'feature_flag.deleted', 'feature_flag.enabled', 'feature_flag.disabled', 'feature_flag.reset', 'admin.created',
  'signing_key.rotated',
] as const;

/** Exact names first, then one `prefix.*` wildcard per family (`user.*`, `user.2fa.*`, …). */
export const ACTION_SUGGESTIONS: string[] = (() => {
  const prefixes = new Set<string>();
  for (const action of KNOWN_ACTIONS) {
    const parts = action.split('.');
    for (let i = 1; i < parts.length; i++) prefixes.add(`${parts.slice(0, i).join('.')}.*`);
  }
  return [...[...prefixes].sort(), ...KNOWN_ACTIONS];
})();

/** What the API accepts: an exact action or a prefix ending in `.*`. */
export const ACTION_PATTERN = /^[a-z0-9_.]+(\.\*)?$/;
