import type { ApiKey } from '@saasready/sdk/client';

/** `inactive`: not revoked nor expired, but its creator is no longer an active member (the server's `inactive_reason`). */
export type KeyStatus = 'active' | 'inactive' | 'revoked' | 'expired';

export function keyStatus(key: ApiKey, now = Date.now()): KeyStatus {
  if (key.revoked_at) return 'revoked';
  if (key.expires_at && new Date(key.expires_at).getTime() <= now) return 'expired';
  if (!key.active) return 'inactive';
  return 'active';
}

export const STATUS_COLOR: Record<KeyStatus, string> = { active: 'green', inactive: 'red', revoked: 'gray', expired: 'orange' };

/** Why a key whose creator lost access does nothing (it works again if a suspended creator is reactivated). */
export const INACTIVE_REASON: Record<string, string> = {
  creator_removed: 'creator removed',
  creator_suspended: 'creator suspended',
  creator_deactivated: 'creator’s account disabled',
};

/** A key acts with its permissions that its creator still holds: those it holds on paper but not now. */
export function withheldPermissions(key: ApiKey): string[] {
  const effective = new Set(key.effective_permissions);
  return key.active ? key.permissions.filter((p) => !effective.has(p)) : [];
}
