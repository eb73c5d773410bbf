// Every organization of the instance (superusers only), searchable by name and slug.
import { Code, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { client } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { localTime } from '../../components/dates';
import { LoadMore } from './common/load-more';
import { SuperuserOnly } from './common/superuser-only';
import { useAdminList } from './common/use-admin-list';
import { YesNo } from './common/yes-no';

export function AdminOrganizationsPage() {
  return (
    <SuperuserOnly title="All organizations">
      <AllOrganizations />
    </SuperuserOnly>
  );
}

function AllOrganizations() {
  const { search, setSearch, searching, rows, query } = useAdminList('organizations', (q) => client.admin.listOrganizations(q));
  return (
    <>
      <PageHeader title="All organizations" description="Every organization on this instance." />
      <TextInput
        label="Search organizations"
        placeholder="Name or slug"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maxLength={200}
        mb="md"
        maw={420}
      />
      {!rows ? (
        query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : <Loading label="Loading organizations…" />
      ) : rows.length === 0 ? (
        <EmptyState title={searching ? 'No organization matches' : 'No organizations yet'}>{searching ? 'Try part of the name or the slug.' : undefined}</EmptyState>
      ) : (
        <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }} aria-busy={query.isPlaceholderData}>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Slug</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Updated</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((org) => (
                  <Table.Tr key={org.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>{org.name}</Text>
                      {org.description && <Text size="xs" c="dimmed" lineClamp={1} maw={320}>{org.description}</Text>}
                    </Table.Td>
                    <Table.Td><Code>{org.slug}</Code></Table.Td>
                    <Table.Td><YesNo value={org.is_active} yes="Active" no="Deleted" /></Table.Td>
                    <Table.Td><Text size="sm">{localTime(org.created_at)}</Text></Table.Td>
                    <Table.Td><Text size="sm">{localTime(org.updated_at)}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore query={query} count={rows.length} noun={['organization', 'organizations']} />
        </div>
      )}
    </>
  );
}
