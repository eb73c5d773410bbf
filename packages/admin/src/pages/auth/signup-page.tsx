// Sign up: name, email, password. With `?invitation_token=` (and `?email=`) it also joins the
// inviting organization in the same step. Where the server requires verified emails there is no
// session yet: the page then says to check the inbox.
import { useState } from 'react';
import { Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { RegisterBody } from '@saasready/sdk/client';
import { client } from '../../api/client';
import { fieldErrors, isProblem } from '../../api/problems';
import { FormError } from '../../components/states';
import { useSession } from '../../session/session';
import { NewPasswordInput } from './common/new-password-input';
import { ResultPanel } from './common/result-panel';

export function SignupPage() {
  const { signedIn } = useSession();
  const [params] = useSearchParams();
  const invitationToken = params.get('invitation_token') || undefined;
  // the invitation is bound to one address: let the person see it, not change it
  const emailLocked = !!invitationToken && !!params.get('email');
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');

  const register = useMutation({
    mutationFn: (body: RegisterBody) => client.auth.register(body),
    onSuccess: async (result) => {
      // GuestOnly sends the new session on to `?next=` or the dashboard
      if ('access_token' in result) await signedIn();
    },
  });

  const next = params.get('next') ?? (invitationToken ? `/accept-invite?token=${encodeURIComponent(invitationToken)}` : null);
  const loginLink = next ? `/login?next=${encodeURIComponent(next)}` : '/login';

  if (register.data && 'email_verification_required' in register.data) {
    return (
      <ResultPanel
        tone="info"
        title="Check your inbox"
        actions={<Button component={Link} to={loginLink} variant="light">Log in</Button>}
      >
        We sent a verification link to <strong>{register.data.user.email}</strong>. Follow it to activate your account, then log
        in. The link is valid for 24 hours.
      </ResultPanel>
    );
  }

  // a field's server error stays until that field changes, then the person is fixing it
  const sent = register.variables;
  const errors = fieldErrors(register.error);
  const emailTaken = isProblem(register.error, 'auth.email_taken') && sent?.email === email;
  const emailError = emailTaken ? (
    <>
      An account with this email already exists.{' '}
      <Anchor component={Link} to={loginLink} inherit>
        Log in instead
      </Anchor>
    </>
  ) : sent?.email === email ? errors.email : undefined;
  const nameError = sent?.full_name === fullName ? errors.full_name : undefined;
  const passwordError = sent?.password === password ? errors.password : undefined;
  const showFormError = !emailTaken && !errors.email && !errors.full_name && !errors.password;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    register.mutate({ email, password, full_name: fullName, ...(invitationToken ? { invitation_token: invitationToken } : {}) });
  };

  return (
    <form onSubmit={submit} aria-label="Create account">
      <Stack>
        <div>
          <Title order={3}>Create your account</Title>
          {invitationToken && (
            <Text size="sm" c="dimmed" mt={4}>
              You will join the organization that invited you.
            </Text>
          )}
        </div>
        <TextInput label="Full name" autoComplete="name" required withAsterisk={false} maxLength={200} value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} error={nameError} />
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          required withAsterisk={false}
          readOnly={emailLocked}
          variant={emailLocked ? 'filled' : 'default'}
          description={emailLocked ? 'The invitation was sent to this address.' : undefined}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={emailError}
        />
        <NewPasswordInput label="Password" value={password} onChange={setPassword} error={passwordError} />
        {showFormError && <FormError error={register.error} />}
        <Button type="submit" loading={register.isPending} fullWidth>
          Create account
        </Button>
        <Text size="sm" ta="center">
          Already have an account? <Anchor component={Link} to={loginLink}>Log in</Anchor>
        </Text>
      </Stack>
    </form>
  );
}
