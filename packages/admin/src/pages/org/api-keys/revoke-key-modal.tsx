// Revoking is immediate and final, so it asks first.
import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiKey } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { notifySuccess } from '../../../components/notify';
import { FormError } from '../../../components/states';

export function RevokeKeyModal({ orgId, apiKey, onClose }: { orgId: string; apiKey: ApiKey | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => client.apiKeys.revoke(orgId, key.id),
    onSuccess: async (_, key) => {
      await queryClient.invalidateQueries({ queryKey: ['org', orgId, 'api-keys'] });
      notifySuccess(`Revoked ${key.name}`);
      close();
    },
  });
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Modal opened={apiKey !== null} onClose={close} title="Revoke API key">
      {apiKey && (
        <Stack>
          <Text size="sm">
            Revoke <strong>{apiKey.name}</strong> (<Code>sr_{apiKey.prefix}_…</Code>)? Programs using it are refused from their next request. This cannot be undone.
          </Text>
          <FormError error={revoke.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate(apiKey)}>Revoke key</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
