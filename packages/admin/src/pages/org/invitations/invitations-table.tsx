// Invitations of one status. Inviters are shown by name from the member directory (an inviter who
// has since left shows as "Former member").
import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { Invitation } from '@saasready/sdk/client';
import { fromNow, localTime } from '../../../components/dates';
import { shortId, useMemberDirectory } from '../audit/use-member-directory';
import { useMe } from '../../../session/session';
import { InvitationActions } from './invitation-actions';

const STATUS_COLOR: Record<Invitation['status'], string> = { pending: 'blue', accepted: 'green', revoked: 'gray', expired: 'orange' };

export function InvitationsTable({ orgId, invitations }: { orgId: string; invitations: Invitation[] }) {
  const me = useMe();
  const { members, byUserId } = useMemberDirectory(orgId);
  const withActions = invitations.some((i) => i.status === 'pending');

  const inviter = (id: string | null) => {
    if (!id) return <Text size="sm" c="dimmed">—</Text>;
    if (id === me.id) return <Text size="sm">You</Text>;
    const member = byUserId.get(id);
    return member ? (
      <Stack gap={0}>
        <Text size="sm" truncate>{member.user_full_name || member.user_email}</Text>
        {member.user_full_name && <Text size="xs" c="dimmed" truncate>{member.user_email}</Text>}
      </Stack>
    ) : (
      // the directory holds one page of members: past that, not found does not mean gone
      <Text size="sm" c="dimmed">{!members ? '…' : members.length < 200 ? 'Former member' : `User ${shortId(id)}`}</Text>
    );
  };

  const phone = useMediaQuery('(max-width: 48em)');
  if (phone) {
    return (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Invitations">
        {invitations.map((invitation) => (
          <Paper key={invitation.id} withBorder p="sm" component="li">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>{invitation.email}</Text>
                <Text size="xs" c="dimmed">
                  as {invitation.role_name}
                  {invitation.status === 'pending' ? ` · expires ${fromNow(invitation.expires_at)}` : ''}
                </Text>
              </Stack>
              <Badge variant="dot" color={STATUS_COLOR[invitation.status]} tt="capitalize" style={{ flexShrink: 0 }}>{invitation.status}</Badge>
            </Group>
            <Group justify="space-between" mt="xs" wrap="wrap" gap="xs">
              <Group gap={4} wrap="nowrap"><Text size="xs" c="dimmed">Invited by</Text>{inviter(invitation.invited_by)}</Group>
              {invitation.status === 'pending' && <InvitationActions orgId={orgId} invitation={invitation} />}
            </Group>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={withActions ? 860 : 700}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Invited by</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Status</Table.Th>
            {withActions && <Table.Th ta="right">Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.map((invitation) => (
            <Table.Tr key={invitation.id}>
              <Table.Td>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>{invitation.email}</Text>
                {invitation.full_name && <Text size="xs" c="dimmed">{invitation.full_name}</Text>}
              </Table.Td>
              <Table.Td><Badge variant="light" color="gray">{invitation.role_name}</Badge></Table.Td>
              <Table.Td>{inviter(invitation.invited_by)}</Table.Td>
              <Table.Td>
                {/* once accepted or revoked, the link's expiry no longer means anything */}
                {invitation.status === 'pending' || invitation.status === 'expired' ? (
                  <>
                    <Text size="sm" component="time" dateTime={invitation.expires_at} style={{ whiteSpace: 'nowrap' }}>{fromNow(invitation.expires_at)}</Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{localTime(invitation.expires_at)}</Text>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">—</Text>
                )}
              </Table.Td>
              <Table.Td><Badge variant="dot" color={STATUS_COLOR[invitation.status]} tt="capitalize">{invitation.status}</Badge></Table.Td>
              {withActions && (
                // named by the column, not by the buttons' labels (which repeat the email address)
                <Table.Td aria-label="Actions">
                  {invitation.status === 'pending' && <InvitationActions orgId={orgId} invitation={invitation} />}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
