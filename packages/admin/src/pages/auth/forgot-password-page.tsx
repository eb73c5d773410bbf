// Forgot password: ask for a reset link. The answer is the same whether or not the account exists
// (the server never says which emails have accounts), so the page says so too.
import { useState } from 'react';
import { Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { client } from '../../api/client';
import { fieldErrors } from '../../api/problems';
import { FormError } from '../../components/states';
import { ResultPanel } from './common/result-panel';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const send = useMutation({ mutationFn: (address: string) => client.auth.forgotPassword({ email: address }) });

  if (send.isSuccess) {
    return (
      <ResultPanel
        tone="info"
        title="Check your inbox"
        actions={
          <>
            <Button component={Link} to="/login" variant="light">Back to log in</Button>
            <Button variant="subtle" onClick={() => send.reset()}>Use another email</Button>
          </>
        }
      >
        If an account exists for that email, a link is on its way. It works once and expires in one hour.
      </ResultPanel>
    );
  }

  const errors = fieldErrors(send.error);
  return (
    <form onSubmit={(e) => { e.preventDefault(); send.mutate(email); }} aria-label="Reset password">
      <Stack>
        <div>
          <Title order={3}>Forgot your password?</Title>
          <Text size="sm" c="dimmed" mt={4}>
            Enter the email you log in with and we will send you a link to choose a new password.
          </Text>
        </div>
        <TextInput label="Email" type="email" autoComplete="email" required withAsterisk={false} value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} />
        {!errors.email && <FormError error={send.error} />}
        <Button type="submit" loading={send.isPending} fullWidth>
          Send reset link
        </Button>
        <Text size="sm" ta="center">
          Remembered it? <Anchor component={Link} to="/login">Log in</Anchor>
        </Text>
      </Stack>
    </form>
  );
}
