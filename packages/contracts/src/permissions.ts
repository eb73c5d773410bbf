/**
 * The permission catalog. Roles are sets of these keys; routes declare the one they need, and every
 * key gates something (the old README's names that gate nothing are in `RESERVED_PERMISSIONS`).
 *
 * @example
 * ```ts
 * import { PERMISSIONS } from '@saasready/contracts';
 * PERMISSIONS['org.update']; // 'Rename the organization and edit its details'
 * ```
 */
export const PERMISSIONS = {
  'org.read': 'See the organization',
  'org.update': 'Rename the organization and edit its details',
  'org.delete': 'Delete the organization',
  'org.settings': 'Change organization security settings such as the 2FA policy',
  'user.read': 'See the member directory: members’ names, emails and roles',
  'user.invite': 'Invite people and manage pending invitations',
  'user.manage': 'Change members’ roles, suspend and remove members',
  'role.read': 'See roles and their permissions',
  'role.manage': 'Create, edit and delete custom roles',
  'audit.read': 'Read and export the audit log',
  'api_key.manage': 'Create, list and revoke API keys',
  'feature_flags.read': 'See the organization’s feature flags',
  'feature_flags.manage': 'Override feature flags for the organization',
  'webhooks.manage': 'Create, change and delete webhook endpoints, see their deliveries and retry them',
  'sso.manage': 'Manage SSO connections, verified domains and SSO enforcement',
  'directory.manage': 'Manage SCIM directories: their tokens and group-to-role mappings',
} as const;

/** A permission key from the catalog. */
export type Permission = keyof typeof PERMISSIONS;

/** Every permission key, in catalog order. */
export const PERMISSION_KEYS = Object.keys(PERMISSIONS) as Permission[];

/**
 * Permission names the old SaaSReady README listed that gate nothing here. None is in the catalog,
 * so no role or API key can hold one; asking for one is refused with the reason below, which names
 * the permission to use instead.
 *
 * @example
 * ```ts
 * import { RESERVED_PERMISSIONS } from '@saasready/contracts';
 * RESERVED_PERMISSIONS['user.create']; // 'accounts are created by signing up or accepting an invitation; grant user.invite'
 * ```
 */
export const RESERVED_PERMISSIONS = {
  'user.create': 'accounts are created by signing up or accepting an invitation; grant user.invite',
  'user.update': 'people edit their own profile; a member’s role and status are changed with user.manage',
  'user.delete': 'an organization removes members with user.manage; an account belongs to its owner and may belong to other organizations',
  'settings.read': 'organization settings are read with org.read',
  'settings.update': 'organization settings are changed with org.settings',
} as const;

/**
 * Permissions an API key never holds, whatever it was created with: managing keys, members,
 * invitations, roles, security settings and deleting the organization stay with people.
 *
 * @example
 * ```ts
 * import { USER_ONLY_PERMISSIONS } from '@saasready/contracts';
 * USER_ONLY_PERMISSIONS.has('api_key.manage'); // true: a key cannot mint keys
 * ```
 */
export const USER_ONLY_PERMISSIONS: ReadonlySet<string> = new Set<Permission>(['api_key.manage', 'webhooks.manage', 'user.manage', 'user.invite', 'role.manage', 'org.settings', 'org.delete', 'sso.manage', 'directory.manage']);

/** The system roles seeded into every organization, with their permissions. */
export const SYSTEM_ROLES = {
  Owner: PERMISSION_KEYS,
  Admin: [
    'org.read', 'org.update', 'user.read', 'user.invite', 'user.manage', 'role.read', 'audit.read',
    'api_key.manage', 'feature_flags.read', 'webhooks.manage',
  ],
  Member: ['org.read', 'user.read', 'audit.read', 'feature_flags.read'],
  Viewer: ['org.read'],
} as const satisfies Record<string, readonly Permission[]>;

/** Name of a system role. */
export type SystemRoleName = keyof typeof SYSTEM_ROLES;

/**
 * The id of each system role: the same in every organization (its permissions are the instance's,
 * not copies). A custom role's id is unique to it.
 *
 * @example
 * ```ts
 * import { SYSTEM_ROLE_IDS } from '@saasready/contracts';
 * await client.orgs.updateMemberRole(orgId, membershipId, { role_id: SYSTEM_ROLE_IDS.Admin });
 * ```
 */
export const SYSTEM_ROLE_IDS = {
  Owner: '00000000-0000-4000-8000-000000000001',
  Admin: '00000000-0000-4000-8000-000000000002',
  Member: '00000000-0000-4000-8000-000000000003',
  Viewer: '00000000-0000-4000-8000-000000000004',
} as const satisfies Record<SystemRoleName, string>;
