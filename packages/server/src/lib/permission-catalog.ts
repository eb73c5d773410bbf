import { PERMISSIONS, RESERVED_PERMISSIONS, type Permission } from '@saasready/contracts';
import { AppError } from './errors.js';

/** Why `key` cannot be granted: reserved names say what to use instead. */
function refusal(key: string): string {
  const reason = (RESERVED_PERMISSIONS as Record<string, string>)[key];
  return reason ? `"${key}" is reserved and grants nothing: ${reason}` : `unknown permission "${key}"`;
}

/**
 * The permissions a role or API key asks for, deduplicated and sorted, or a 400 naming each one
 * outside the catalog — so a name copied from the old README never becomes a silent no-op grant.
 */
export function catalogPermissions(permissions: readonly string[]): Permission[] {
  const unknown = permissions.filter((p) => !Object.hasOwn(PERMISSIONS, p));
  if (unknown.length) {
    throw new AppError('role.unknown_permission', `Not in the permission catalog: ${unknown.join(', ')}.`, {
      errors: unknown.map((p) => ({ field: '/permissions', message: refusal(p), code: 'unknown_permission' })),
    });
  }
  return [...new Set(permissions as Permission[])].sort();
}
