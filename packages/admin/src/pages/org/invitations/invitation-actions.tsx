// Resend (a fresh link; the old one stops working) and revoke (asks first) for a pending invitation.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Invitation } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../components/notify';
import { FormError } from '../../../components/states';
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
  const revoke = useMutation({
    mutationFn: () => client.orgs.revokeInvitation(orgId, invitation.id),
    onSuccess: async () => {
      revokeModal.close();
      await refresh();
      notifySuccess(`Invitation to ${invitation.email} revoked`);
    },
  });

  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      <Button size="xs" variant="default" loading={resend.isPending} onClick={() => resend.mutate()} aria-label={`Resend invitation to ${invitation.email}`}>
        Resend
      </Button>
      <Button size="xs" variant="subtle" color="red" onClick={() => { revoke.reset(); revokeModal.open(); }} aria-label={`Revoke invitation to ${invitation.email}`}>
        Revoke
      </Button>
      <Modal opened={revokeOpen} onClose={revokeModal.close} title="Revoke invitation?">
        <Stack>
          <Text size="sm">The link sent to <strong>{invitation.email}</strong> stops working. You can invite them again later.</Text>
          <FormError error={revoke.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={revokeModal.close}>Cancel</Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>Revoke invitation</Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
