// One row per member. Role and actions are editable only where the viewer may change that member:
// `user.manage`, and Owners only by Owners (the server enforces both; this keeps the page honest).
import { Avatar, Badge, Group, Paper, Stack, Table, Text, VisuallyHidden, type TextProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { Member, MyMembership } from '@saasready/sdk/client';
import { RelativeTime } from '../../../components/dates';
import { MemberActions } from './member-actions';
import { MemberRoleSelect, type RoleOption } from './member-role-select';

export function MembersTable({
  orgId,
  members,
  viewer,
  canManage,
  roleOptions,
}: {
  orgId: string;
  members: Member[];
  viewer: MyMembership | undefined;
  canManage: boolean;
  roleOptions: RoleOption[];
}) {
  const viewerIsOwner = viewer?.role_name === 'Owner';
  // a phone gets one card per member, with the role and actions in view (no sideways scrolling)
  const phone = useMediaQuery('(max-width: 48em)');
  if (phone) {
    return (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Members">
        {members.map((member) => {
          const isSelf = member.id === viewer?.id;
          // a directory-managed member's role follows the IdP's groups: shown, not edited here
          const editable = canManage && !member.managed_by_directory && (member.role_name !== 'Owner' || viewerIsOwner);
          return (
            <Paper key={member.id} withBorder p="sm" component="li">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <MemberIdentity member={member} isSelf={isSelf} />
                {editable && !isSelf && <MemberActions orgId={orgId} member={member} />}
              </Group>
              <Group justify="space-between" mt="xs" wrap="wrap" gap="xs">
                {editable ? <MemberRoleSelect orgId={orgId} member={member} options={roleOptions} isSelf={isSelf} /> : <RoleBadge member={member} />}
                <Group gap="xs" wrap="nowrap">
                  <StatusBadge member={member} />
                  <TwoFactorBadge on={member.two_factor_enabled} />
                  <Text size="xs" c="dimmed">last active</Text>
                  <LastActive member={member} size="xs" c="dimmed" />
                </Group>
              </Group>
            </Paper>
          );
        })}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={canManage ? 880 : 740}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Member</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>2FA</Table.Th>
            <Table.Th>Last active</Table.Th>
            <Table.Th>Joined</Table.Th>
            {canManage && <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => {
            const isSelf = member.id === viewer?.id;
            const editable = canManage && !member.managed_by_directory && (member.role_name !== 'Owner' || viewerIsOwner);
            return (
              <Table.Tr key={member.id}>
                <Table.Td>
                  <MemberIdentity member={member} isSelf={isSelf} />
                </Table.Td>
                <Table.Td>
                  {editable ? <MemberRoleSelect orgId={orgId} member={member} options={roleOptions} isSelf={isSelf} /> : <RoleBadge member={member} />}
                </Table.Td>
                <Table.Td>
                  <StatusBadge member={member} />
                </Table.Td>
                <Table.Td><TwoFactorBadge on={member.two_factor_enabled} /></Table.Td>
                <Table.Td><LastActive member={member} style={{ whiteSpace: 'nowrap' }} /></Table.Td>
                <Table.Td>
                  <RelativeTime value={member.created_at} style={{ whiteSpace: 'nowrap' }} />
                </Table.Td>
                {canManage && (
                  <Table.Td ta="right">
                    {/* leaving is on the settings page; suspending or removing yourself here would be a trap */}
                    {editable && !isSelf && <MemberActions orgId={orgId} member={member} />}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** avatar, name (with "You" for the viewer) and email: the card's and the row's first cell */
function MemberIdentity({ member, isSelf }: { member: Member; isSelf: boolean }) {
  return (
    <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
      <Avatar size="sm" radius="xl" color="gray" name={member.user_full_name || member.user_email} />
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500} truncate>{member.user_full_name || '—'}</Text>
          {isSelf && <Badge size="xs" variant="light">You</Badge>}
          {member.managed_by_directory && <Badge size="xs" variant="outline" color="blue" title="Provisioned by directory sync: change their role or membership in the identity provider">Directory</Badge>}
        </Group>
        <Text size="xs" c="dimmed" truncate>{member.user_email}</Text>
      </Stack>
    </Group>
  );
}

function RoleBadge({ member }: { member: Member }) {
  return <Badge variant="light" color={member.role_name === 'Owner' ? 'grape' : 'gray'}>{member.role_name}</Badge>;
}

function StatusBadge({ member }: { member: Member }) {
  return <Badge variant="dot" color={member.status === 'active' ? 'green' : 'orange'}>{member.status === 'active' ? 'Active' : 'Suspended'}</Badge>;
}

/** when the member last used a session; "Never" before their first since this was recorded */
function LastActive({ member, ...props }: { member: Member } & TextProps) {
  return member.last_active_at ? <RelativeTime value={member.last_active_at} {...props} /> : <Text size="sm" c="dimmed" {...props}>Never</Text>;
}

function TwoFactorBadge({ on }: { on: boolean }) {
  return (
    <Badge variant="light" color={on ? 'green' : 'gray'} tt="none" aria-label={on ? 'Two-factor on' : 'Two-factor off'}>
      {on ? '2FA on' : 'No 2FA'}
    </Badge>
  );
}
