// Creating an endpoint: its URL, what it receives, an optional description; then the signing secret
// shown this one time. The finished mutation (which holds the secret) is dropped at once.
import { useState } from 'react';
import { ShownOnceModal } from '../../../components/shown-once-modal';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedWebhookEndpoint, CreateWebhookBody } from '@saasready/sdk/client';
import { EndpointForm } from './endpoint-form';
import { RevealSecret } from './reveal-secret';
import type { WebhookScope } from './scope';

export function CreateEndpointModal({ scope, opened, onClose }: { scope: WebhookScope; opened: boolean; onClose: () => void }) {
  return (
    <ShownOnceModal opened={opened} onClose={onClose} title="Add webhook endpoint" revealedTitle="Your endpoint’s signing secret">
      {(flow) => <CreateFlow scope={scope} {...flow} />}
    </ShownOnceModal>
  );
}

function CreateFlow({ scope, onRevealed, onDone }: { scope: WebhookScope; onRevealed: () => void; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedWebhookEndpoint | null>(null);
  const create = useMutation({
    mutationFn: (body: CreateWebhookBody) => scope.create(body, { idempotencyKey: crypto.randomUUID() }),
    gcTime: 0,
    onSuccess: (endpoint) => {
      setCreated(endpoint);
      onRevealed();
      void queryClient.invalidateQueries({ queryKey: scope.key });
    },
  });
  if (created) {
    return (
      <RevealSecret
        secret={created.secret}
        onDone={() => {
          setCreated(null);
          create.reset();
          onDone();
        }}
      />
    );
  }
  return <EndpointForm instance={scope.instance} submitLabel="Add endpoint" pending={create.isPending} error={create.error} onSubmit={(body) => create.mutate(body)} />;
}
