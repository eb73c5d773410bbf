// An endpoint's URL, description and events, for adding one or changing it.
import { useState } from 'react';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import type { CreateWebhookBody, WebhookEndpoint } from '@saasready/sdk/client';
import { fieldErrors } from '../../../api/problems';
import { FormError } from '../../../components/states';
import { EventPicker, EventTypesHint } from './event-picker';

interface Props {
  instance: boolean;
  /** the endpoint being changed; absent when adding one */
  initial?: WebhookEndpoint;
  /** false: the events are shown but cannot be changed (choosing them needs audit.read) */
  canChooseEvents?: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: CreateWebhookBody) => void;
}

export function EndpointForm({ instance, initial, canChooseEvents = true, submitLabel, pending, error, onSubmit }: Props) {
  const [url, setUrl] = useState(initial?.url ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [events, setEvents] = useState<string[]>(initial?.event_types ?? []);
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
        <EventPicker value={events} onChange={(next) => { setEvents(next); setNoEvents(false); }} error={eventsError} disabled={!canChooseEvents} />
        <EventTypesHint />
        {!errors.url && !eventsError && !errors.description && <FormError error={error} />}
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
