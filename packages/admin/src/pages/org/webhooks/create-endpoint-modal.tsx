// Creating an endpoint: its URL, what it receives, an optional description; then the signing secret
// shown this one time. The finished mutation (which holds the secret) is dropped at once.
import { useState } from 'react';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedWebhookEndpoint, CreateWebhookBody } from '@saasready/sdk/client';
import { fieldErrors } from '../../../api/problems';
import { FormError } from '../../../components/states';
import { EventPicker, EventTypesHint } from './event-picker';
import { RevealSecret } from './reveal-secret';
import type { WebhookScope } from './scope';

export function CreateEndpointModal({ scope, opened, onClose }: { scope: WebhookScope; opened: boolean; onClose: () => void }) {
  const [revealed, setRevealed] = useState(false);
  const close = () => {
    setRevealed(false);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={revealed ? 'Your endpoint’s signing secret' : 'Add webhook endpoint'}
      size="lg"
      // the secret is on screen: leave only through "Done", never by a stray click or Escape
      closeOnClickOutside={!revealed}
      closeOnEscape={!revealed}
      withCloseButton={!revealed}
    >
      {opened && <CreateFlow scope={scope} onRevealed={() => setRevealed(true)} onDone={close} />}
    </Modal>
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
  return <EndpointForm instance={scope.instance} pending={create.isPending} error={create.error} onSubmit={(body) => create.mutate(body)} />;
}

function EndpointForm({ instance, pending, error, onSubmit }: { instance: boolean; pending: boolean; error: unknown; onSubmit: (body: CreateWebhookBody) => void }) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [noEvents, setNoEvents] = useState(false);
  const errors = fieldErrors(error);
  const eventsError = noEvents ? 'Choose at least one event' : errors.event_types;
  const submit = () => {
    if (events.length === 0) return setNoEvents(true);
    onSubmit({ url: url.trim(), event_types: events, ...(description.trim() ? { description: description.trim() } : {}) });
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Stack>
        <TextInput
          label="Endpoint URL"
          description={instance ? 'Receives the events of every organization on this instance. Must be https in production.' : 'Must be https in production; private and loopback addresses are refused unless the operator allows them.'}
          placeholder="https://hooks.example.com/saasready"
          required
          type="url"
          maxLength={2048}
          data-autofocus
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={errors.url}
        />
        <TextInput label="Description" description="Optional: what receives these events, e.g. “CRM sync”" maxLength={500} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} />
        <EventPicker value={events} onChange={(next) => { setEvents(next); setNoEvents(false); }} error={eventsError} />
        <EventTypesHint />
        {!errors.url && !eventsError && !errors.description && <FormError error={error} />}
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>Add endpoint</Button>
        </Group>
      </Stack>
    </form>
  );
}
