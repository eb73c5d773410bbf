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
}: {
  roles: Role[];
  catalog: Permission[] | undefined;
  canManage: boolean;
  onEdit: (role: Role) => void;
  onDelete: (role: Role) => void;
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
                  {role.description && <Text size="sm" c="dimmed" lineClamp={2}>{role.description}</Text>}
                </Stack>
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{countLabel(role)}</Text>
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

const countLabel = (role: Role) => (role.permissions.length === 1 ? '1 permission' : `${role.permissions.length} permissions`);
