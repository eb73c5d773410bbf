// Enrolment: a new secret as a QR code (or typed by hand), confirmed with a first code; nothing is
// enabled until the server has seen that code.
import { useState } from 'react';
import { ActionIcon, Button, Code, CopyButton, Group, Image, List, PasswordInput, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconShieldLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MfaSetupResponse } from '@saasready/sdk/client';
import { client } from '../../api/client';
import { fieldErrors } from '../../api/problems';
import { notifyError, notifySuccess } from '../../components/notify';
import { FormError } from '../../components/states';

export function TwoFactorSetup({ onEnabled }: { onEnabled: (backupCodes: string[]) => void }) {
  const queryClient = useQueryClient();
  const setup = useMutation({
    mutationFn: () => client.auth.setup2fa(),
    onError: (error) => {
      notifyError(error);
      // e.g. enabled meanwhile in another tab: show what is true now
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });

  if (setup.data) return <ConfirmEnrolment secret={setup.data} onEnabled={onEnabled} onCancel={() => setup.reset()} />;

  return (
    <Stack align="flex-start">
      <Title order={3} size="h4">Two-factor authentication</Title>
      <Text size="sm">
        Status: <Text span fw={600} c="dimmed">Off</Text>
      </Text>
      <Text size="sm" c="dimmed">
        Protect your account with a second step at login: a 6-digit code from an authenticator app such as 1Password, Google
        Authenticator, Microsoft Authenticator or Authy. Someone who learns your password still cannot log in.
      </Text>
      <Button leftSection={<IconShieldLock size={16} />} loading={setup.isPending} onClick={() => setup.mutate()}>
        Set up two-factor
      </Button>
    </Stack>
  );
}

function ConfirmEnrolment({ secret, onEnabled, onCancel }: { secret: MfaSetupResponse; onEnabled: (codes: string[]) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const verify = useMutation({
    mutationFn: () => client.auth.verify2fa({ code, password }),
    onSuccess: async ({ backup_codes }) => {
      onEnabled(backup_codes);
      notifySuccess('Two-factor authentication is on.');
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
  const errors = fieldErrors(verify.error);

  return (
    <Stack>
      <Title order={3} size="h4">Set up two-factor authentication</Title>
      <List type="ordered" spacing="lg" size="sm">
        <List.Item>
          <Text size="sm" mb="xs">Scan this QR code with your authenticator app.</Text>
          {/* a light backdrop keeps the code scannable in dark mode */}
          <Image src={secret.qr_code} alt="QR code for your authenticator app" w={196} h={196} radius="sm" bg="white" p={6} />
        </List.Item>
        <List.Item>
          <Text size="sm" mb={6}>Can’t scan it? Enter this key in the app instead:</Text>
          <Group gap="xs" wrap="nowrap">
            <Code data-testid="totp-secret" fz="sm" style={{ overflowWrap: 'anywhere', userSelect: 'all' }}>{secret.secret}</Code>
            <CopyButton value={secret.secret} timeout={2000}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy key'} withArrow>
                  <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={copied ? 'Key copied' : 'Copy key'}>
                    {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        </List.Item>
        <List.Item>
          <form onSubmit={(e) => { e.preventDefault(); verify.mutate(); }} aria-label="Confirm two-factor setup">
            <Stack gap="sm" maw={320}>
              <TextInput
                label="6-digit code"
                description="The code your app shows now."
                inputMode="numeric"
                autoComplete="one-time-code"
                value={code}
                // apps show "123 456": keep the digits only
                onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
                error={errors.code}
              />
              <PasswordInput
                label="Your password"
                description="Confirms it is you; your other sessions are signed out."
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={errors.password}
              />
              {!errors.code && !errors.password && <FormError error={verify.error} />}
              <Group gap="sm">
                <Button type="submit" loading={verify.isPending} disabled={code.length !== 6 || !password}>Enable two-factor</Button>
                <Button variant="default" onClick={onCancel} disabled={verify.isPending}>Cancel</Button>
              </Group>
            </Stack>
          </form>
        </List.Item>
      </List>
    </Stack>
  );
}
