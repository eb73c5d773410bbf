// Why an invitation link does not work: unknown (404, or a token of the wrong shape) versus
// expired, accepted or revoked (410, with the reason in the problem's meta).
import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { SaaSReadyError } from '@saasready/sdk/client';
import { isProblem } from '../../../api/problems';
import { ResultPanel } from '../common/result-panel';

const GONE: Record<string, string> = {
  expired: 'It has expired. Ask the person who invited you to send a new invitation.',
  accepted: 'It was already accepted. If that was you, log in to find the organization in your list.',
  revoked: 'It was withdrawn by the organization. Ask them for a new invitation if you still need access.',
};

/** null when the error is not about the invitation itself (network, server): retry those. */
export function invitationProblem(error: unknown): 'unknown' | 'gone' | null {
  if (isProblem(error, 'invitation.gone') || (error instanceof SaaSReadyError && error.status === 410)) return 'gone';
  if (isProblem(error, 'invitation.not_found') || isProblem(error, 'request.validation_failed')) return 'unknown';
  if (error instanceof SaaSReadyError && error.status === 404) return 'unknown';
  return null;
}

export function InvitationProblem({ error, kind, signedIn }: { error: unknown; kind: 'unknown' | 'gone'; signedIn: boolean }) {
  const next = signedIn ? (
    <Button component={Link} to="/">Go to dashboard</Button>
  ) : (
    <Button component={Link} to="/login" variant="light">Log in</Button>
  );
  if (kind === 'unknown') {
    return (
      <ResultPanel tone="error" title="We could not find this invitation" actions={next}>
        The link may be incomplete or changed on the way. Open it again from the email, or ask for a new invitation.
      </ResultPanel>
    );
  }
  const reason = error instanceof SaaSReadyError && typeof error.meta.reason === 'string' ? error.meta.reason : '';
  return (
    <ResultPanel tone="error" title="This invitation is no longer valid" actions={next}>
      {GONE[reason] ?? 'It has expired or was already used. Ask the person who invited you for a new one.'}
    </ResultPanel>
  );
}
