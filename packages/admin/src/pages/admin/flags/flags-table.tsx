import { ActionIcon, Code, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { FeatureFlag } from '@saasready/sdk/client';
import { RelativeTime } from '../../../components/dates';
import { YesNo } from '../common/yes-no';

interface Props {
  flags: FeatureFlag[];
  onEdit: (flag: FeatureFlag) => void;
  onDelete: (flag: FeatureFlag) => void;
}

export function FlagsTable({ flags, onEdit, onDelete }: Props) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Default</Table.Th>
            <Table.Th>Rollout</Table.Th>
            <Table.Th>Updated</Table.Th>
            <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {flags.map((flag) => (
            <Table.Tr key={flag.key}>
              <Table.Td><Code>{flag.key}</Code></Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>{flag.name}</Text>
                {flag.description && <Text size="xs" c="dimmed" lineClamp={2} maw={360}>{flag.description}</Text>}
              </Table.Td>
              <Table.Td><YesNo value={flag.default_enabled} yes="On" no="Off" /></Table.Td>
              <Table.Td>
                {flag.rollout_percent === null ? (
                  <Text size="sm" c="dimmed">—</Text>
                ) : (
                  <Text size="sm">{flag.rollout_percent}% of {flag.rollout_unit === 'user' ? 'users' : 'organizations'}</Text>
                )}
              </Table.Td>
              <Table.Td><RelativeTime value={flag.updated_at} /></Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Tooltip label="Edit">
                    <ActionIcon variant="subtle" aria-label={`Edit ${flag.key}`} onClick={() => onEdit(flag)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Delete">
                    <ActionIcon variant="subtle" color="red" aria-label={`Delete ${flag.key}`} onClick={() => onDelete(flag)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
