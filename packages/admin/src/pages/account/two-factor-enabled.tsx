// Two-factor is on: replace the backup codes, or turn it off. Both need the password and a code.
import { useState } from 'react';
import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconRefresh, IconShieldOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { client } from '../../api/client';
import { notifySuccess } from '../../components/notify';
import { useMe } from '../../session/session';
import { PasswordAndCodeModal } from './password-and-code-modal';

type Dialog = 'regenerate' | 'disable' | null;

export function TwoFactorEnabled({ onNewCodes }: { onNewCodes: (codes: string[]) => void }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const requiring = me.memberships.filter((m) => m.require_2fa && m.status === 'active').map((m) => m.organization_name);

  return (
    <Stack align="flex-start">
      <Title order={3} size="h4">Two-factor authentication</Title>
      <Group gap="xs">
        <Text size="sm">Status:</Text>
        <Badge color="green" variant="light">Enabled</Badge>
      </Group>
      <Text size="sm" c="dimmed">
        Logging in asks for a code from your authenticator app. If you lose the app, use one of your backup codes; generate new
        ones if you used most of them or think someone has seen them.
      </Text>
      <Group gap="sm" wrap="wrap">
        <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => setDialog('regenerate')}>
          Regenerate backup codes
        </Button>
        <Button color="red" variant="light" leftSection={<IconShieldOff size={16} />} onClick={() => setDialog('disable')}>
          Disable two-factor
        </Button>
      </Group>

      <PasswordAndCodeModal
        opened={dialog === 'regenerate'}
        onClose={() => setDialog(null)}
        title="Regenerate backup codes"
        description="Your current backup codes stop working at once; you get ten new ones."
        codeLabel="Authenticator code"
        codeDescription="The 6-digit code your app shows now."
        confirmLabel="Regenerate codes"
        action={(body) => client.auth.regenerateBackupCodes(body)}
        onDone={({ backup_codes }) => {
          setDialog(null);
          onNewCodes(backup_codes);
        }}
      />
      <PasswordAndCodeModal
        opened={dialog === 'disable'}
        onClose={() => setDialog(null)}
        title="Disable two-factor authentication"
        description="Logging in will only need your password, and your backup codes stop working."
        warning={
          requiring.length
            ? `${requiring.join(', ')} ${requiring.length === 1 ? 'requires' : 'require'} two-factor authentication: you will lose access to ${requiring.length === 1 ? 'its' : 'their'} pages until you set it up again.`
            : undefined
        }
        codeLabel="Authenticator or backup code"
        codeDescription="A 6-digit code from your app, or one of your backup codes."
        acceptsBackupCode
        confirmLabel="Disable two-factor"
        danger
        action={(body) => client.auth.disable2fa(body)}
        onDone={async () => {
          setDialog(null);
          notifySuccess('Two-factor authentication is off.');
          await queryClient.invalidateQueries({ queryKey: ['me'] });
        }}
      />
    </Stack>
  );
}
