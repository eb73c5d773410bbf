// Invitations by status, with "Invite member" and, on pending ones, resend and revoke.
// `?invite=1` (the Members page's "Invite people") opens the invitation form directly.
import { useState } from 'react';
import { Button, Group, SegmentedControl } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { client } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useMembership } from '../../session/session';
import { MissingPermission } from '../../components/forbidden';
import { InvitationsTable } from './invitations/invitations-table';
import { InviteModal } from './invitations/invite-modal';
import { invitationListKey, STATUSES, type InvitationStatus } from './invitations/keys';

const EMPTY: Record<InvitationStatus, [string, string]> = {
  pending: ['No pending invitations', 'Invite someone by email; they join with the role you choose.'],
  accepted: ['No accepted invitations yet', 'Invitations show here once someone joins through their link.'],
  revoked: ['No revoked invitations', 'Invitations you revoke show here.'],
  expired: ['No expired invitations', 'Links that ran out before anyone used them show here.'],
};

export function InvitationsPage() {
  const { orgId = '' } = useParams<{ orgId: string }>();
  const { can, membership } = useMembership(orgId);
  if (!can('user.invite')) {
    return <MissingPermission title="Invitations" membership={membership} permission="user.invite" doing="invite people" />;
  }
  return <InvitationsView orgId={orgId} />;
}

function InvitationsView({ orgId }: { orgId: string }) {
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<InvitationStatus>('pending');
  const inviteOpen = params.get('invite') === '1';
  const setInviteOpen = (open: boolean) =>
    setParams((p) => { if (open) p.set('invite', '1'); else p.delete('invite'); return p; }, { replace: true });

  const invitations = useQuery({
    queryKey: invitationListKey(orgId, status),
    queryFn: () => client.orgs.listInvitations(orgId, { status }),
    placeholderData: (previous) => previous,
  });
  const [emptyTitle, emptyText] = EMPTY[status];

  return (
    <>
      <PageHeader
        title="Invitations"
        description="People you invited by email. A link works once and expires; resending replaces it."
        actions={<Button leftSection={<IconSend size={16} />} onClick={() => setInviteOpen(true)}>Invite member</Button>}
      />
      <Group mb="md">
        <SegmentedControl
          aria-label="Invitation status"
          data={STATUSES}
          value={status}
          onChange={(value) => setStatus(value as InvitationStatus)}
        />
      </Group>
      {!invitations.data ? (
        invitations.isError ? <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} /> : <Loading label="Loading invitations…" />
      ) : invitations.isError ? (
        <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : invitations.data.length === 0 ? (
        <EmptyState title={emptyTitle}>{emptyText}</EmptyState>
      ) : (
        <div style={{ opacity: invitations.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }} aria-busy={invitations.isPlaceholderData}>
          <InvitationsTable orgId={orgId} invitations={invitations.data} />
        </div>
      )}
      <InviteModal
        orgId={orgId}
        opened={inviteOpen}
        onClose={() => setInviteOpen(false)}
        onSent={() => { setInviteOpen(false); setStatus('pending'); }}
      />
    </>
  );
}
