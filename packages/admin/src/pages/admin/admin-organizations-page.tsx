// Every organization of the instance (superusers only), searchable by name and slug.
import { Anchor, Code, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { client } from '../../api/client';
import { localTime } from '../../components/dates';
import { AdminListPage } from './common/admin-list-page';
import { YesNo } from './common/yes-no';

export function AdminOrganizationsPage() {
  return (
    <AdminListPage
      kind="organizations"
      title="All organizations"
      description="Every organization on this instance."
      fetchPage={(q) => client.admin.listOrganizations(q)}
      search={{ label: 'Search organizations', placeholder: 'Name or slug', hint: 'Try part of the name or the slug.' }}
      noun={['organization', 'organizations']}
      columns={['Name', 'Slug', 'Status', 'Created', 'Updated']}
      minWidth={760}
      row={(org) => (
        <>
          <Table.Td>
            <Anchor component={Link} to={`/admin/organizations/${org.id}`} size="sm" fw={500}>{org.name}</Anchor>
            {org.description && <Text size="xs" c="dimmed" lineClamp={1} maw={320}>{org.description}</Text>}
          </Table.Td>
          <Table.Td><Code>{org.slug}</Code></Table.Td>
          <Table.Td><YesNo value={org.is_active} yes="Active" no="Deleted" /></Table.Td>
          <Table.Td><Text size="sm">{localTime(org.created_at)}</Text></Table.Td>
          <Table.Td><Text size="sm">{localTime(org.updated_at)}</Text></Table.Td>
        </>
      )}
    />
  );
}
