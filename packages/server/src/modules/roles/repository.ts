import { SYSTEM_ROLES, type SystemRoleName } from '@saasready/contracts';
import type { Executor } from '../../db/client.js';
import { rolePermissions, roles } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';

/** Seeds the four system roles into a new organization; returns their ids by name. */
export async function insertSystemRoles(ex: Executor, organizationId: string): Promise<Record<SystemRoleName, string>> {
  const ids = {} as Record<SystemRoleName, string>;
  const roleRows = [];
  const permissionRows = [];
  for (const [name, perms] of Object.entries(SYSTEM_ROLES) as [SystemRoleName, readonly string[]][]) {
    const id = newId();
    ids[name] = id;
    roleRows.push({ id, organization_id: organizationId, name, is_system: true, description: `${name} (system role)` });
    for (const permission of perms) permissionRows.push({ organization_id: organizationId, role_id: id, permission });
  }
  await ex.insert(roles).values(roleRows);
  await ex.insert(rolePermissions).values(permissionRows);
  return ids;
}
