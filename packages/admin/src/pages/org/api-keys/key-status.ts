import type { ApiKey } from '@saasready/sdk/client';

export type KeyStatus = 'active' | 'revoked' | 'expired';

export function keyStatus(key: ApiKey, now = Date.now()): KeyStatus {
  if (key.revoked_at) return 'revoked';
  if (key.expires_at && new Date(key.expires_at).getTime() <= now) return 'expired';
  return 'active';
}

export const STATUS_COLOR: Record<KeyStatus, string> = { active: 'green', revoked: 'gray', expired: 'orange' };
