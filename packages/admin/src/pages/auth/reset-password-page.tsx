// Reset password from the emailed link (`/reset-password?token=…`): choose a new password twice.
// Success ends every session of the account, so the next step is logging in again.
import { useState } from 'react';
import { Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { client } from '../../api/client';
import { fieldErrors } from '../../api/problems';
import { FormError, Loading } from '../../components/states';
import { linkProblem, type LinkProblem } from './common/link-problem';
import { NewPasswordInput } from './common/new-password-input';
import { ResultPanel } from './common/result-panel';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checkMatch, setCheckMatch] = useState(false);
  const reset = useMutation({ mutationFn: (newPassword: string) => client.auth.resetPassword({ token, new_password: newPassword }) });

  // a used or expired link says so before anyone types a new password twice
  const check = useQuery({ queryKey: ['reset-link', token], queryFn: () => client.auth.checkResetPassword(token).then(() => true), enabled: !!token, retry: false });

  const problem: LinkProblem | null = token ? linkProblem(reset.error) ?? linkProblem(check.error) : 'invalid';
  if (problem) return <BrokenLink problem={problem} />;
  if (check.isPending && !reset.isSuccess) return <Loading label="Checking the link…" />;

  if (reset.isSuccess) {
    return (
      <ResultPanel tone="success" title="Password changed" actions={<Button component={Link} to="/login">Log in</Button>}>
        Your new password is set. For safety, every session of this account was signed out: log in again with the new password.
      </ResultPanel>
    );
  }

  const mismatch = checkMatch && confirm !== password ? 'The passwords do not match.' : undefined;
  const errors = fieldErrors(reset.error);
  const passwordError = reset.variables === password ? errors.new_password : undefined;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setCheckMatch(true);
    if (confirm === password) reset.mutate(password);
  };

  return (
    <form onSubmit={submit} aria-label="Reset password">
      <Stack>
        <div>
          <Title order={3}>Choose a new password</Title>
          <Text size="sm" c="dimmed" mt={4}>
            After this, every device signed in to your account is signed out.
          </Text>
        </div>
        <NewPasswordInput label="New password" value={password} onChange={setPassword} error={passwordError} />
        <PasswordInput
          label="Confirm password"
          autoComplete="new-password"
          required withAsterisk={false}
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          onBlur={() => confirm && setCheckMatch(true)}
          error={mismatch}
        />
        {!errors.new_password && <FormError error={reset.error} />}
        <Button type="submit" loading={reset.isPending} fullWidth>
          Set new password
        </Button>
        <Text size="sm" ta="center">
          <Anchor component={Link} to="/login">Back to log in</Anchor>
        </Text>
      </Stack>
    </form>
  );
}

function BrokenLink({ problem }: { problem: LinkProblem }) {
  return (
    <ResultPanel
      tone="error"
      title={problem === 'expired' ? 'This reset link has expired' : 'This reset link is not valid'}
      actions={
        <>
          <Button component={Link} to="/forgot-password">Request a new link</Button>
          <Button component={Link} to="/login" variant="subtle">Back to log in</Button>
        </>
      }
    >
      {problem === 'expired'
        ? 'Reset links work once and for one hour. This one has expired or was already used.'
        : 'The link is incomplete or was changed on the way. Open it again from the email, or ask for a new one.'}
    </ResultPanel>
  );
}
