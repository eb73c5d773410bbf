// A visitor without a session creates their account and joins in one step: the invited address is
// fixed (the server accepts the invitation only for it), so only a name and a password are asked.
import { useState } from 'react';
import { Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { InvitationPreview, RegisterBody } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { fieldErrors, isProblem } from '../../../api/problems';
import { FormError } from '../../../components/states';
import { useSession } from '../../../session/session';
import { NewPasswordInput } from '../common/new-password-input';
import { ResultPanel } from '../common/result-panel';

export function JoinWithSignup({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { signedIn } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const loginLink = `/login?next=${encodeURIComponent(`/accept-invite?token=${token}`)}`;

  const register = useMutation({
    mutationFn: async (body: RegisterBody) => {
      const result = await client.auth.register(body);
      if (!('access_token' in result)) return { pending: true as const };
      // read the new membership before the session flips, so the next page has it at once and
      // this page never shows its signed-in variant in between. The account exists by now: if this
      // read fails, the dashboard's home still finds the organization.
      const me = await client.auth.me().catch(() => undefined);
      if (!me) return { pending: false as const, orgId: undefined };
      queryClient.setQueryData(['me'], me);
      const joined = me.memberships.find((m) => m.organization_name === invitation.organization_name) ?? me.memberships[0];
      return { pending: false as const, orgId: joined?.organization_id ?? me.current_organization?.id };
    },
    onSuccess: async (result) => {
      if (result.pending) return;
      await signedIn();
      navigate(result.orgId ? `/orgs/${result.orgId}/members` : '/', { replace: true });
    },
  });

  if (register.data?.pending) {
    return (
      <ResultPanel tone="info" title="Check your inbox" actions={<Button component={Link} to={loginLink} variant="light">Log in</Button>}>
        Your account is created. Follow the verification link we sent to <strong>{invitation.email}</strong>, then log in.
      </ResultPanel>
    );
  }

  const errors = fieldErrors(register.error);
  const sent = register.variables;
  const nameError = sent?.full_name === fullName ? errors.full_name : undefined;
  const passwordError = sent?.password === password ? errors.password : undefined;
  const emailTaken = isProblem(register.error, 'auth.email_taken');

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    register.mutate({ email: invitation.email, password, full_name: fullName, invitation_token: token });
  };

  return (
    <form onSubmit={submit} aria-label="Create account and join">
      <Stack>
        <Title order={4}>Create your account</Title>
        <TextInput
          label="Email"
          value={invitation.email}
          readOnly
          variant="filled"
          autoComplete="email"
          description="The invitation was sent to this address."
          error={
            emailTaken ? (
              <>
                This email already has an account.{' '}
                <Anchor component={Link} to={loginLink} inherit>Log in to accept</Anchor>
              </>
            ) : undefined
          }
        />
        <TextInput label="Full name" autoComplete="name" required withAsterisk={false} maxLength={200} value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} error={nameError} />
        <NewPasswordInput label="Password" value={password} onChange={setPassword} error={passwordError} />
        {!emailTaken && !errors.full_name && !errors.password && <FormError error={register.error} />}
        <Button type="submit" loading={register.isPending} fullWidth>
          Create account and join
        </Button>
        <Text size="sm" ta="center">
          <Anchor component={Link} to={loginLink}>I already have an account</Anchor>
        </Text>
      </Stack>
    </form>
  );
}
