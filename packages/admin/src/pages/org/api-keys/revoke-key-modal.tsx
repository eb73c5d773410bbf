// Revoking is immediate and final, so it asks first.
import { Code } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ApiKey } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { ConfirmModal } from '../../../components/confirm-modal';
import { notifySuccess } from '../../../components/notify';

export function RevokeKeyModal({ orgId, apiKey, onClose }: { orgId: string; apiKey: ApiKey | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  return (
    <ConfirmModal
      opened={apiKey !== null}
      title="Revoke API key"
      confirmLabel="Revoke key"
      onClose={onClose}
      onConfirm={async () => {
        await client.apiKeys.revoke(orgId, apiKey!.id);
        await queryClient.invalidateQueries({ queryKey: ['org', orgId, 'api-keys'] });
        notifySuccess(`Revoked ${apiKey!.name}`);
      }}
    >
      {apiKey && (
        <>
          Revoke <strong>{apiKey.name}</strong> (<Code>sr_{apiKey.prefix}_…</Code>)? Programs using it are refused from their next request.
          This cannot be undone.
        </>
      )}
    </ConfirmModal>
  );
}
