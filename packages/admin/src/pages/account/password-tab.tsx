// Change the password. The server ends every other session, so the success message says so.
import { useState } from 'react';
import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../api/client';
import { fieldErrors } from '../../api/problems';
import { FormError } from '../../components/states';
import { SESSIONS_KEY } from './keys';

export function PasswordTab() {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const change = useMutation({
    mutationFn: () => client.auth.changePassword({ current_password: current, new_password: next }),
    onSuccess: async () => {
      setCurrent('');
      setNext('');
      setConfirm('');
      await queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });

  const submit = () => {
    // a typo in a password nobody can see would lock its owner out: check before asking the server
    if (next !== confirm) {
      setMismatch(true);
      return;
    }
    change.mutate();
  };

  const errors = fieldErrors(change.error);
  const edited = () => change.isSuccess && change.reset();
  return (
    <Paper withBorder p="lg" maw={520}>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label="Change password">
        <Stack>
          <div>
            <Title order={3} size="h4">Change password</Title>
            <Text size="sm" c="dimmed">10 to 128 characters. Changing it logs you out on every other device.</Text>
          </div>
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => { setCurrent(e.currentTarget.value); edited(); }}
            error={errors.current_password}
          />
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            required
            minLength={10}
            maxLength={128}
            value={next}
            onChange={(e) => { setNext(e.currentTarget.value); setMismatch(false); edited(); }}
            error={errors.new_password}
          />
          <PasswordInput
            label="Confirm new password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => { setConfirm(e.currentTarget.value); setMismatch(false); edited(); }}
            error={mismatch ? 'The passwords do not match.' : undefined}
          />
          {!errors.current_password && !errors.new_password && <FormError error={change.error} />}
          {change.isSuccess && (
            <Alert color="green" icon={<IconCircleCheck size={18} />} role="status">
              Password changed. Your other sessions were ended; you stay logged in here.
            </Alert>
          )}
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>Change password</Button>
        </Stack>
      </form>
    </Paper>
  );
}
