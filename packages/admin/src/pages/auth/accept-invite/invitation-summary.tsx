// What the invitation is for, as the invitee sees it before deciding.
import { Badge, DataList, Stack, Text, Title } from '@mantine/core';
import type { InvitationPreview } from '@saasready/sdk/client';
import { fromNow } from '../../../components/dates';

export function InvitationSummary({ invitation }: { invitation: InvitationPreview }) {
  const expires = new Date(invitation.expires_at);
  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" c="dimmed">You are invited to join</Text>
        <Title order={3} style={{ overflowWrap: 'anywhere' }}>{invitation.organization_name}</Title>
      </div>
      <DataList size="sm" labelWidth={90} gap={6}>
        <DataList.Item>
          <DataList.ItemLabel>Invited by</DataList.ItemLabel>
          <DataList.ItemValue>{invitation.inviter_name ?? 'A member of the organization'}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Role</DataList.ItemLabel>
          <DataList.ItemValue><Badge variant="light">{invitation.role_name}</Badge></DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>For</DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{invitation.email}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Expires</DataList.ItemLabel>
          <DataList.ItemValue>
            <time dateTime={invitation.expires_at} title={expires.toLocaleString()}>{fromNow(invitation.expires_at)}</time>{' '}
            <Text span size="xs" c="dimmed">({expires.toLocaleString()})</Text>
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Stack>
  );
}
