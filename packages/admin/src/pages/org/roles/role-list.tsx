// Every role as an expandable row: name, kind, permission count; open it to see the permissions.
// Edit and delete sit beside the row (not inside its button) for custom roles.
import { Accordion, ActionIcon, Badge, Center, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { Permission, Role } from '@saasready/sdk/client';
import { PermissionList } from './permission-list';

export function RoleList({
  roles,
  catalog,
  canManage,
  onEdit,
  onDelete,
  holders,
}: {
  roles: Role[];
  catalog: Permission[] | undefined;
  canManage: boolean;
  onEdit: (role: Role) => void;
  onDelete: (role: Role) => void;
  /** members per role id; undefined when the members cannot be read */
  holders?: Holders | undefined;
}) {
  return (
    <Accordion variant="separated" multiple chevronPosition="left">
      {roles.map((role) => (
        <Accordion.Item key={role.id} value={role.id}>
          <Center>
            <Accordion.Control>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap="xs" wrap="nowrap">
                    <Text fw={600} truncate>{role.name}</Text>
                    {role.is_system ? <Badge size="sm" variant="light" color="gray">System</Badge> : <Badge size="sm" variant="light">Custom</Badge>}
                  </Group>
                  {(role.is_system ? SYSTEM_ROLE_SUMMARY[role.name] : role.description) && (
                    <Text size="sm" c="dimmed" lineClamp={2}>{role.is_system ? SYSTEM_ROLE_SUMMARY[role.name] : role.description}</Text>
                  )}
                </Stack>
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {holders && `${holdersLabel(holders, role.id)} · `}
                  {countLabel(role)}
                </Text>
              </Group>
            </Accordion.Control>
            {canManage && !role.is_system && (
              <Group gap={4} pr="sm" wrap="nowrap">
                <Tooltip label="Edit">
                  <ActionIcon variant="subtle" color="gray" aria-label={`Edit role ${role.name}`} onClick={() => onEdit(role)}>
                    <IconPencil size={18} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Delete">
                  <ActionIcon variant="subtle" color="red" aria-label={`Delete role ${role.name}`} onClick={() => onDelete(role)}>
                    <IconTrash size={18} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            )}
          </Center>
          <Accordion.Panel>
            {role.is_system && <Text size="sm" c="dimmed" mb="sm">System roles are the same in every organization and cannot be changed.</Text>}
            <PermissionList keys={role.permissions} catalog={catalog} />
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

/** What each system role can do, in a sentence (the server stores only "Owner (system role)"). */
const SYSTEM_ROLE_SUMMARY: Record<string, string> = {
  Owner: 'Everything: also deletes the organization, changes its security settings and grants or removes the Owner role.',
  Admin: 'Runs the organization day to day: members, invitations, API keys and its details; no security settings, no deletion.',
  Member: 'Sees the organization, its members, the audit log and feature flags; changes nothing.',
  Viewer: 'Sees the organization itself only.',
};

/** Members per role id, and whether the directory held every member (it reads up to 200). */
export interface Holders { counts: Map<string, number>; complete: boolean }

export function holderCounts(members: { role_id: string }[] | undefined): Holders | undefined {
  if (!members) return undefined;
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.role_id, (counts.get(m.role_id) ?? 0) + 1);
  return { counts, complete: members.length < 200 };
}

export function holdersLabel(holders: Holders, roleId: string): string {
  const n = holders.counts.get(roleId) ?? 0;
  const count = holders.complete ? String(n) : `${n}+`;
  return n === 1 && holders.complete ? '1 member' : `${count} members`;
}

const countLabel = (role: Role) => (role.permissions.length === 1 ? '1 permission' : `${role.permissions.length} permissions`);
