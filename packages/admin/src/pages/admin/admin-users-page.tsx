// Every user of the instance (superusers only), newest first, searchable by email and name.
import { Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { client } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { localTime } from '../../components/dates';
import { LoadMore } from './common/load-more';
import { SuperuserOnly } from './common/superuser-only';
import { useAdminList } from './common/use-admin-list';
import { YesNo } from './common/yes-no';

export function AdminUsersPage() {
  return (
    <SuperuserOnly title="All users">
      <AllUsers />
    </SuperuserOnly>
  );
}

function AllUsers() {
  const { search, setSearch, searching, rows, query } = useAdminList('users', (q) => client.admin.listUsers(q));
  return (
    <>
      <PageHeader title="All users" description="Every account on this instance, newest first." />
      <TextInput
        label="Search users"
        placeholder="Email or name"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maxLength={200}
        mb="md"
        maw={420}
      />
      {!rows ? (
        query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : <Loading label="Loading users…" />
      ) : rows.length === 0 ? (
        <EmptyState title={searching ? 'No user matches' : 'No users yet'}>{searching ? 'Try part of an email address or a name.' : undefined}</EmptyState>
      ) : (
        <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }} aria-busy={query.isPlaceholderData}>
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Superuser</Table.Th>
                  <Table.Th>Active</Table.Th>
                  <Table.Th>Email verified</Table.Th>
                  <Table.Th>Created</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td><Text size="sm" truncate maw={280} title={user.email}>{user.email}</Text></Table.Td>
                    <Table.Td><Text size="sm">{user.full_name || '—'}</Text></Table.Td>
                    <Table.Td>{user.is_superuser ? <YesNo value yes="Superuser" color="red" /> : <Text size="sm" c="dimmed">—</Text>}</Table.Td>
                    <Table.Td><YesNo value={user.is_active} yes="Active" no="Disabled" /></Table.Td>
                    <Table.Td><YesNo value={user.email_verified} yes="Verified" no="Unverified" /></Table.Td>
                    <Table.Td><Text size="sm">{localTime(user.created_at)}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore query={query} count={rows.length} noun={['user', 'users']} />
        </div>
      )}
    </>
  );
}
