// Resend (a fresh link; the old one stops working) and revoke (asks first) for a pending invitation.
import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Invitation } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../components/notify';
import { ConfirmModal } from '../../../components/confirm-modal';
import { invitationsKey } from './keys';

export function InvitationActions({ orgId, invitation }: { orgId: string; invitation: Invitation }) {
  const queryClient = useQueryClient();
  const [revokeOpen, revokeModal] = useDisclosure(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: invitationsKey(orgId) });

  const resend = useMutation({
    mutationFn: () => client.orgs.resendInvitation(orgId, invitation.id),
    onSuccess: async () => {
      await refresh();
      notifySuccess(`A new link went to ${invitation.email}`);
    },
    onError: notifyError,
  });
  const revoke = async () => {
    await client.orgs.revokeInvitation(orgId, invitation.id);
    await refresh();
    notifySuccess(`Invitation to ${invitation.email} revoked`);
  };

  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      <Button size="xs" variant="default" loading={resend.isPending} onClick={() => resend.mutate()} aria-label={`Resend invitation to ${invitation.email}`}>
        Resend
      </Button>
      <Button size="xs" variant="subtle" color="red" onClick={revokeModal.open} aria-label={`Revoke invitation to ${invitation.email}`}>
        Revoke
      </Button>
      <ConfirmModal opened={revokeOpen} onClose={revokeModal.close} title="Revoke invitation?" confirmLabel="Revoke invitation" onConfirm={revoke}>
        The link sent to <strong>{invitation.email}</strong> stops working. You can invite them again later.
      </ConfirmModal>
    </Group>
  );
}
