// The organizations the user belongs to, with their role in each.
import { Anchor, Badge, Group, Table } from '@mantine/core';
import type { MyMembership } from '@saasready/sdk/client';
import { Link } from 'react-router';
import { EmptyState } from '../../components/states';

export function MembershipsList({ memberships }: { memberships: MyMembership[] }) {
  if (!memberships.length) {
    return <EmptyState title="No organizations">Create one, or accept an invitation, to appear here.</EmptyState>;
  }
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Organization</Table.Th>
            <Table.Th>Role</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {memberships.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Group gap="xs" wrap="wrap">
                  {m.status === 'active' ? (
                    <Anchor component={Link} to={`/orgs/${m.organization_id}`} size="sm">{m.organization_name}</Anchor>
                  ) : (
                    m.organization_name
                  )}
                  {m.status !== 'active' && <Badge color="gray" variant="light" size="sm">{m.status}</Badge>}
                  {m.require_2fa && <Badge color="blue" variant="outline" size="sm">Requires 2FA</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>{m.role_name}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
