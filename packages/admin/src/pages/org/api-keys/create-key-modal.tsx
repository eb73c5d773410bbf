// Creating a key: a name, some of the creator's own permissions, an optional expiry; then the raw key
// shown this one time. Nothing keeps the key once the modal closes (the mutation is not cached).
import { useState } from 'react';
import { ShownOnceModal } from '../../../components/shown-once-modal';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedApiKey } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { KeyForm, type KeyBody } from './key-form';
import { RevealKey } from './reveal-key';

export function CreateKeyModal({ orgId, opened, onClose }: { orgId: string; opened: boolean; onClose: () => void }) {
  return (
    <ShownOnceModal opened={opened} onClose={onClose} title="Create API key" revealedTitle="Your new API key">
      {(flow) => <CreateKeyFlow orgId={orgId} {...flow} />}
    </ShownOnceModal>
  );
}

function CreateKeyFlow({ orgId, onRevealed, onDone }: { orgId: string; onRevealed: () => void; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const create = useMutation({
    mutationFn: (body: KeyBody) =>
      client.apiKeys.create(orgId, body, { idempotencyKey: crypto.randomUUID() }),
    // drop the finished mutation (it holds the raw key) as soon as nothing observes it
    gcTime: 0,
    onSuccess: (key) => {
      setCreated(key);
      onRevealed();
      void queryClient.invalidateQueries({ queryKey: ['org', orgId, 'api-keys'] });
    },
  });
  if (created) {
    return (
      <RevealKey
        created={created}
        onDone={() => {
          setCreated(null);
          create.reset();
          onDone();
        }}
      />
    );
  }
  return <KeyForm orgId={orgId} pending={create.isPending} error={create.error} onSubmit={(body) => create.mutate(body)} />;
}
