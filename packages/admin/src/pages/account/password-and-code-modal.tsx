// Asks for the password and a second-factor code before a sensitive 2FA change.
import { useState } from 'react';
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { Disable2faBody } from '@saasready/sdk/client';
import { fieldErrors } from '../../api/problems';
import { FormError } from '../../components/states';

interface Props<T> {
  opened: boolean;
  onClose: () => void;
  title: string;
  description: string;
  warning?: string | undefined;
  codeLabel: string;
  codeDescription: string;
  /** backup codes (letters, dashes) are accepted, not only 6 digits */
  acceptsBackupCode?: boolean;
  confirmLabel: string;
  danger?: boolean;
  action: (body: Disable2faBody) => Promise<T>;
  onDone: (result: T) => void | Promise<void>;
}

export function PasswordAndCodeModal<T>(props: Props<T>) {
  const { opened, onClose, title, description, warning, codeLabel, codeDescription, acceptsBackupCode, confirmLabel, danger, action, onDone } = props;
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const mutation = useMutation({
    mutationFn: () => action({ password, code: code.trim() }),
    onSuccess: async (result) => {
      reset();
      await onDone(result);
    },
  });

  function reset() {
    setPassword('');
    setCode('');
    mutation.reset();
  }
  const close = () => {
    if (mutation.isPending) return;
    reset();
    onClose();
  };
  const errors = fieldErrors(mutation.error);

  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <form onSubmit={(e) => { e.preventDefault(); mutation.mutate(); }} aria-label={title}>
        <Stack>
          <Text size="sm">{description}</Text>
          {warning && <Alert color="orange" icon={<IconAlertTriangle size={18} />}>{warning}</Alert>}
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            data-autofocus
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
          />
          <TextInput
            label={codeLabel}
            description={codeDescription}
            autoComplete="one-time-code"
            inputMode={acceptsBackupCode ? 'text' : 'numeric'}
            required
            value={code}
            onChange={(e) => setCode(acceptsBackupCode ? e.currentTarget.value : e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
            error={errors.code}
          />
          {!errors.password && !errors.code && <FormError error={mutation.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={mutation.isPending}>Cancel</Button>
            <Button type="submit" color={danger ? 'red' : undefined} loading={mutation.isPending}>{confirmLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
