// `/accept-invite?token=…`, the link of invitation emails: what the invitation is for, then either
// one click (signed in as the invited address) or sign-up-and-join. Not behind GuestOnly: both
// visitors belong here, and the page navigates by itself once the person has joined.
import { Divider, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { client } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { useSession } from '../../session/session';
import { AcceptAsMember } from './accept-invite/accept-as-member';
import { InvitationProblem, invitationProblem } from './accept-invite/invitation-problem';
import { InvitationSummary } from './accept-invite/invitation-summary';
import { JoinWithSignup } from './accept-invite/join-with-signup';

export function AcceptInvitePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { status, me } = useSession();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => client.invitations.preview(token),
    enabled: !!token,
  });

  if (!token) return <InvitationProblem error={null} kind="unknown" signedIn={status === 'authenticated'} />;
  if (preview.isPending) return <Loading label="Opening invitation…" />;
  if (preview.isError) {
    const kind = invitationProblem(preview.error);
    if (kind) return <InvitationProblem error={preview.error} kind={kind} signedIn={status === 'authenticated'} />;
    return <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />;
  }

  const invitation = preview.data;
  return (
    <Stack gap="lg">
      <InvitationSummary invitation={invitation} />
      <Divider />
      {status === 'anonymous' ? (
        <JoinWithSignup token={token} invitation={invitation} />
      ) : status === 'authenticated' && me ? (
        <AcceptAsMember token={token} invitation={invitation} me={me} />
      ) : (
        <Loading label="Checking your session…" />
      )}
    </Stack>
  );
}
