// A superuser's actions on one account. Resetting two-factor is the recovery path for someone who lost
// their authenticator and backup codes: it also ends all their sessions, and the audit log records who did it.
import { ActionIcon, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDots, IconShieldOff } from '@tabler/icons-react';
import type { AdminUser } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { ConfirmModal } from '../../../components/confirm-modal';
import { notifySuccess } from '../../../components/notify';

export function UserActions({ user }: { user: AdminUser }) {
  const [resetOpen, reset] = useDisclosure(false);
  const who = user.full_name || user.email;
  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md">
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${user.email}`}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{who}</Menu.Label>
          <Menu.Item color="red" leftSection={<IconShieldOff size={14} />} onClick={reset.open}>Reset two-factor…</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ResetTwoFactorConfirm user={user} opened={resetOpen} onClose={reset.close} />
    </>
  );
}

/** The confirmation of a two-factor reset (the list's menu and the person's page); `onReset` runs after it. */
export function ResetTwoFactorConfirm({ user, opened, onClose, onReset }: { user: Pick<AdminUser, 'id' | 'email' | 'full_name'>; opened: boolean; onClose: () => void; onReset?: () => Promise<void> }) {
  const who = user.full_name || user.email;
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={`Reset two-factor authentication for ${who}?`}
      confirmLabel="Reset two-factor"
      onConfirm={async () => {
        await client.admin.resetTwoFactor(user.id);
        notifySuccess(`Two-factor authentication was reset for ${user.email}; their sessions ended`);
        await onReset?.();
      }}
    >
      This turns off two-factor authentication for <strong>{user.email}</strong> and ends every session of the account. Do it only once
      you are sure the request comes from them (they lost their authenticator and their backup codes). The audit log records that you did it.
    </ConfirmModal>
  );
}
