// The organization's roles and the permission catalog, shared by the members, invitations and roles
// pages (one cache entry each), plus the rule the server applies when someone hands out a role.
import { useQuery } from '@tanstack/react-query';
import type { MyMembership, Role } from '@saasready/sdk/client';
import { client } from '../../../api/client';

export const rolesKey = (orgId: string) => ['org', orgId, 'roles'] as const;

export function useRoles(orgId: string, enabled = true) {
  return useQuery({ queryKey: rolesKey(orgId), queryFn: () => client.orgs.listRoles(orgId), enabled, staleTime: 60_000 });
}

export function usePermissionCatalog(enabled = true) {
  // the catalog is the same for every organization and only changes with a server release
  return useQuery({ queryKey: ['permissions'], queryFn: () => client.orgs.listPermissions(), enabled, staleTime: Infinity });
}

export const isOwnerRole = (role: Pick<Role, 'name' | 'is_system'>) => role.is_system && role.name === 'Owner';

/**
 * Mirrors the server's no-escalation rule so the screen only offers what would be accepted: Owner
 * only by Owners, and never a role holding a permission the caller lacks.
 */
export function canGrant(role: Pick<Role, 'name' | 'is_system' | 'permissions'>, membership: MyMembership | undefined): boolean {
  if (!membership || membership.status !== 'active') return false;
  if (isOwnerRole(role) && membership.role_name !== 'Owner') return false;
  return role.permissions.every((p) => membership.permissions.includes(p));
}

/** System roles first in their fixed order (Owner → Viewer), then custom roles by name. */
export function sortRoles(roles: Role[]): Role[] {
  const rank = (r: Role) => (r.is_system ? ['Owner', 'Admin', 'Member', 'Viewer'].indexOf(r.name) : 10);
  return [...roles].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
