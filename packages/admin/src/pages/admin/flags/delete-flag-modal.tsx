// Deleting a global flag also deletes every organization's override of it: ask first.
import { Code } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { FeatureFlag } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { ConfirmModal } from '../../../components/confirm-modal';
import { notifySuccess } from '../../../components/notify';
import { invalidateFlags } from './invalidate';

export function DeleteFlagModal({ flag, onClose }: { flag: FeatureFlag | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  return (
    <ConfirmModal
      opened={flag !== null}
      title="Delete feature flag"
      confirmLabel="Delete flag"
      onClose={onClose}
      onConfirm={async () => {
        await client.admin.deleteFlag(flag!.key);
        await invalidateFlags(queryClient);
        notifySuccess(`Deleted ${flag!.key}`);
      }}
    >
      {flag && (
        <>
          Delete <Code>{flag.key}</Code> ({flag.name})? Every organization’s override of it goes too, and applications asking for it get
          “off”. This cannot be undone.
        </>
      )}
    </ConfirmModal>
  );
}
