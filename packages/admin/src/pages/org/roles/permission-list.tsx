// A role's permissions, read-only, grouped by area with the catalog's descriptions.
import { Code, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Permission } from '@saasready/sdk/client';
import { groupPermissions } from './permission-groups';

export function PermissionList({ keys, catalog }: { keys: string[]; catalog: Permission[] | undefined }) {
  if (!keys.length) return <Text size="sm" c="dimmed">This role has no permissions.</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md">
      {groupPermissions(keys, catalog).map((group) => (
        <Stack key={group.area} gap={6}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">{group.label}</Text>
          {group.permissions.map((p) => (
            <div key={p.key}>
              <Code>{p.key}</Code>
              {p.description && <Text size="xs" c="dimmed" mt={2}>{p.description}</Text>}
            </div>
          ))}
        </Stack>
      ))}
    </SimpleGrid>
  );
}
