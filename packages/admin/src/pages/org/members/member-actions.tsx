// Suspend, reactivate or remove a member (removal asks first).
import { Menu, ActionIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDots, IconPlayerPause, IconPlayerPlay, IconUserMinus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Member } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../components/notify';
import { ConfirmModal } from '../../../components/confirm-modal';
import { membersKey } from './keys';

export function MemberActions({ orgId, member }: { orgId: string; member: Member }) {
  const queryClient = useQueryClient();
  const [removeOpen, removeModal] = useDisclosure(false);
  const who = member.user_full_name || member.user_email;
  const refresh = () => queryClient.invalidateQueries({ queryKey: membersKey(orgId) });

  const setStatus = useMutation({
    mutationFn: (suspend: boolean) => (suspend ? client.orgs.suspendMember(orgId, member.id) : client.orgs.reactivateMember(orgId, member.id)),
    onSuccess: async (saved) => {
      await refresh();
      notifySuccess(saved.status === 'suspended' ? `${who} is suspended` : `${who} is active again`);
    },
    onError: notifyError,
  });
  const remove = async () => {
    await client.orgs.removeMember(orgId, member.id);
    await refresh();
    notifySuccess(`${who} was removed`);
  };
  const suspended = member.status === 'suspended';

  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md">
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${member.user_email}`} loading={setStatus.isPending}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {/* whose row this is, since on a phone the menu covers it */}
          <Menu.Label>{who}</Menu.Label>
          {suspended ? (
            <Menu.Item leftSection={<IconPlayerPlay size={14} />} onClick={() => setStatus.mutate(false)}>Reactivate</Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconPlayerPause size={14} />} onClick={() => setStatus.mutate(true)}>Suspend</Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconUserMinus size={14} />} onClick={removeModal.open}>Remove</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ConfirmModal opened={removeOpen} onClose={removeModal.close} title="Remove member?" confirmLabel="Remove member" onConfirm={remove}>
        <strong>{who}</strong> ({member.user_email}) loses access to this organization at once. To bring them back, invite them again.
      </ConfirmModal>
    </>
  );
}
