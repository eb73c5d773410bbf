// Changing an endpoint's URL, description or events. Only what changed is sent: the events need
// audit.read, the rest only webhooks.manage.
import { Modal } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateWebhookBody, UpdateWebhookBody, WebhookEndpoint } from '@saasready/sdk/client';
import { notifySuccess } from '../../../components/notify';
import { EndpointForm } from './endpoint-form';
import type { WebhookScope } from './scope';

export function EditEndpointModal({ scope, endpoint, opened, onClose }: { scope: WebhookScope; endpoint: WebhookEndpoint; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: UpdateWebhookBody) => scope.update(endpoint.id, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: scope.key });
      notifySuccess('Endpoint saved');
      close();
    },
  });
  const close = () => {
    save.reset();
    onClose();
  };
  const submit = (next: CreateWebhookBody) => {
    const body: UpdateWebhookBody = {};
    if (next.url !== endpoint.url) body.url = next.url;
    if ((next.description ?? null) !== endpoint.description) body.description = next.description ?? null;
    const sameEvents = next.event_types.length === endpoint.event_types.length && next.event_types.every((e) => endpoint.event_types.includes(e));
    if (!sameEvents) body.event_types = next.event_types;
    if (Object.keys(body).length === 0) return close();
    save.mutate(body);
  };
  return (
    <Modal opened={opened} onClose={close} title="Edit webhook endpoint" size="lg">
      {opened && (
        <EndpointForm instance={scope.instance} initial={endpoint} canChooseEvents={scope.canChooseEvents} submitLabel="Save" pending={save.isPending} error={save.error} onSubmit={submit} />
      )}
    </Modal>
  );
}
