import type { ApiKey } from '@saasready/sdk/client';

export type KeyStatus = 'active' | 'revoked' | 'expired';

export function keyStatus(key: ApiKey, now = Date.now()): KeyStatus {
  if (key.revoked_at) return 'revoked';
  if (key.expires_at && new Date(key.expires_at).getTime() <= now) return 'expired';
  return 'active';
}

export const STATUS_COLOR: Record<KeyStatus, string> = { active: 'green', revoked: 'gray', expired: 'orange' };

/** Permissions the server never lets a key hold (api-keys service); marked in the form, still enforced there. */
export const USER_ONLY_PERMISSIONS = new Set(['api_key.manage', 'user.manage', 'user.invite', 'role.manage', 'org.settings', 'org.delete']);
