// Email verification from the emailed link (`/verify-email?token=…`). The token works once, so it
// is sent once: a query with no retries, cached for the page's lifetime (StrictMode's second mount
// and later visits reuse the answer instead of spending the token again).
import { useEffect } from 'react';
import { Button } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { client } from '../../api/client';
import { ErrorState, FormError, Loading } from '../../components/states';
import { notifySuccess } from '../../components/notify';
import { useSession } from '../../session/session';
import { linkProblem } from './common/link-problem';
import { ResultPanel } from './common/result-panel';

export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { status, me } = useSession();
  const queryClient = useQueryClient();

  const verify = useQuery({
    queryKey: ['verify-email', token],
    queryFn: async () => {
      await client.auth.verifyEmail({ token });
      return true;
    },
    enabled: !!token,
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });

  const signedIn = status === 'authenticated';
  useEffect(() => {
    // the session's user now reads email_verified: true
    if (verify.isSuccess && signedIn) void queryClient.invalidateQueries({ queryKey: ['me'] });
  }, [verify.isSuccess, signedIn, queryClient]);

  const next = signedIn ? (
    <Button component={Link} to="/">Continue to dashboard</Button>
  ) : (
    <Button component={Link} to="/login">Log in</Button>
  );

  if (token && verify.isPending) return <Loading label="Verifying your email…" />;
  if (verify.isSuccess) {
    return (
      <ResultPanel tone="success" title="Email verified" actions={next}>
        Thanks — your email address is confirmed.
      </ResultPanel>
    );
  }

  const problem = token ? linkProblem(verify.error) : 'invalid';
  if (!problem) return <ErrorState error={verify.error} onRetry={() => void verify.refetch()} />;
  // a used link, opened again by someone whose address is confirmed already, is no problem at all
  if (me?.email_verified) {
    return (
      <ResultPanel tone="success" title="Email already verified" actions={next}>
        Your email address <strong>{me.email}</strong> is confirmed; there is nothing more to do.
      </ResultPanel>
    );
  }
  return (
    <ResultPanel
      tone="error"
      title={problem === 'expired' ? 'This verification link has expired' : 'This verification link is not valid'}
      actions={signedIn ? <><ResendVerification />{next}</> : next}
    >
      {problem === 'expired'
        ? 'Verification links work once and for 24 hours. This one has expired or was already used.'
        : 'The link is incomplete or was changed on the way. Open it again from the email.'}
      {!signedIn && ' Log in to get a new link.'}
    </ResultPanel>
  );
}

function ResendVerification() {
  const resend = useMutation({
    mutationFn: () => client.auth.resendVerification(),
    onSuccess: () => notifySuccess('A new verification link is on its way.'),
  });
  return (
    <>
      <FormError error={resend.error} />
      <Button variant="light" onClick={() => resend.mutate()} loading={resend.isPending} disabled={resend.isSuccess}>
        {resend.isSuccess ? 'New link sent' : 'Send a new link'}
      </Button>
    </>
  );
}
