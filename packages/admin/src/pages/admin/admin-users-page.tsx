// Every user of the instance (superusers only), newest first, searchable by email and name.
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { client } from '../../api/client';
import { localTime } from '../../components/dates';
import { AdminListPage } from './common/admin-list-page';
import { YesNo } from './common/yes-no';
import { UserActions } from './users/user-actions';

export function AdminUsersPage() {
  return (
    <AdminListPage
      kind="users"
      title="All users"
      description="Every account on this instance, newest first."
      fetchPage={(q) => client.admin.listUsers(q)}
      search={{ label: 'Search users', placeholder: 'Email or name', hint: 'Try part of an email address or a name.' }}
      noun={['user', 'users']}
      columns={['Email', 'Name', 'Superuser', 'Active', 'Email verified', 'Created', 'Actions']}
      minWidth={900}
      row={(user) => (
        <>
          <Table.Td><Anchor component={Link} to={`/admin/users/${user.id}`} size="sm" truncate maw={280} title={user.email} display="block">{user.email}</Anchor></Table.Td>
          <Table.Td><Text size="sm">{user.full_name || '—'}</Text></Table.Td>
          <Table.Td>{user.is_superuser ? <YesNo value yes="Superuser" color="red" /> : <Text size="sm" c="dimmed">—</Text>}</Table.Td>
          <Table.Td><YesNo value={user.is_active} yes="Active" no="Disabled" /></Table.Td>
          <Table.Td><YesNo value={user.email_verified} yes="Verified" no="Unverified" /></Table.Td>
          <Table.Td><Text size="sm">{localTime(user.created_at)}</Text></Table.Td>
          <Table.Td ta="right"><UserActions user={user} /></Table.Td>
        </>
      )}
    />
  );
}
