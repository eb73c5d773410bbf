// Permissions grouped by area: the part of the key before the first dot (`user.invite` → user).
import type { Permission } from '@saasready/sdk/client';

const AREA_NAMES: Record<string, string> = {
  org: 'Organization',
  user: 'Members',
  role: 'Roles',
  audit: 'Audit log',
  api_key: 'API keys',
  feature_flags: 'Feature flags',
  settings: 'Settings',
};

export interface PermissionGroup {
  area: string;
  label: string;
  permissions: Permission[];
}

export const areaOf = (key: string) => key.split('.')[0] ?? key;

export function areaLabel(area: string): string {
  return AREA_NAMES[area] ?? area.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** Groups in the catalog's own order; keys missing from the catalog still show, without a description. */
export function groupPermissions(keys: string[], catalog: Permission[] = []): PermissionGroup[] {
  const described = new Map(catalog.map((p) => [p.key, p]));
  const ordered = [...catalog.filter((p) => keys.includes(p.key)), ...keys.filter((k) => !described.has(k)).map((key) => ({ key, description: '' }))];
  const groups = new Map<string, PermissionGroup>();
  for (const permission of ordered) {
    const area = areaOf(permission.key);
    if (!groups.has(area)) groups.set(area, { area, label: areaLabel(area), permissions: [] });
    groups.get(area)!.permissions.push(permission);
  }
  return [...groups.values()];
}
