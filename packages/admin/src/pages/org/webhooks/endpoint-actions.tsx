// What can be done to an endpoint — send a test event, enable or disable it, rotate its secret,
// delete it (asks first) — as a menu in the list and as buttons on the endpoint's page.
import { useState } from 'react';
import { ActionIcon, Button, Group, Menu } from '@mantine/core';
import { IconDots, IconEdit, IconKey, IconListDetails, IconPlayerPause, IconPlayerPlay, IconSend, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { WebhookEndpoint } from '@saasready/sdk/client';
import { ConfirmModal } from '../../../components/confirm-modal';
import { notifyError, notifySuccess } from '../../../components/notify';
import { EditEndpointModal } from './edit-endpoint-modal';
import { RotateSecretModal } from './rotate-secret-modal';
import type { WebhookScope } from './scope';

export function EndpointActions({ scope, endpoint, variant, onDeleted }: { scope: WebhookScope; endpoint: WebhookEndpoint; variant: 'menu' | 'buttons'; onDeleted?: () => void }) {
  const queryClient = useQueryClient();
  const [rotating, setRotating] = useState(false);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: scope.key });

  const toggle = useMutation({
    mutationFn: () => scope.update(endpoint.id, { enabled: !endpoint.enabled }),
    onSuccess: async (saved) => {
      await refresh();
      notifySuccess(saved.enabled ? `${saved.url} is enabled` : `${saved.url} is disabled: no new events are queued for it`);
    },
    onError: notifyError,
  });
  const test = useMutation({
    mutationFn: () => scope.test(endpoint.id),
    onSuccess: async () => {
      await refresh();
      notifySuccess('Test event queued: it shows in the delivery log');
    },
    onError: notifyError,
  });
  const remove = async () => {
    await scope.remove(endpoint.id);
    queryClient.removeQueries({ queryKey: [...scope.key, endpoint.id] });
    await refresh();
    notifySuccess(`Deleted ${endpoint.url}`);
    onDeleted?.();
  };

  const modals = (
    <>
      <EditEndpointModal scope={scope} endpoint={endpoint} opened={editing} onClose={() => setEditing(false)} />
      <RotateSecretModal scope={scope} endpoint={rotating ? endpoint : null} onClose={() => setRotating(false)} />
      <ConfirmModal opened={deleting} onClose={() => setDeleting(false)} title="Delete webhook endpoint?" confirmLabel="Delete endpoint" onConfirm={remove}>
        <strong>{endpoint.url}</strong> stops receiving events at once, and its delivery log is deleted with it. This cannot be undone.
      </ConfirmModal>
    </>
  );
  const testTitle = endpoint.enabled ? undefined : 'Enable the endpoint to send a test event';

  if (variant === 'buttons') {
    return (
      <>
        <Group gap="xs">
          <Button size="xs" leftSection={<IconSend size={14} />} onClick={() => test.mutate()} loading={test.isPending} disabled={!endpoint.enabled} title={testTitle}>Send test event</Button>
          <Button size="xs" variant="default" leftSection={endpoint.enabled ? <IconPlayerPause size={14} /> : <IconPlayerPlay size={14} />} onClick={() => toggle.mutate()} loading={toggle.isPending}>
            {endpoint.enabled ? 'Disable' : 'Enable'}
          </Button>
          <Button size="xs" variant="default" leftSection={<IconEdit size={14} />} onClick={() => setEditing(true)}>Edit</Button>
          <Button size="xs" variant="default" leftSection={<IconKey size={14} />} onClick={() => setRotating(true)}>Rotate secret</Button>
          <Button size="xs" variant="light" color="red" leftSection={<IconTrash size={14} />} onClick={() => setDeleting(true)}>Delete</Button>
        </Group>
        {modals}
      </>
    );
  }
  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md">
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${endpoint.url}`} loading={toggle.isPending || test.isPending}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label style={{ overflowWrap: 'anywhere' }}>{endpoint.url}</Menu.Label>
          <Menu.Item component={Link} to={`${scope.path}/${endpoint.id}`} leftSection={<IconListDetails size={14} />}>Delivery log</Menu.Item>
          <Menu.Item leftSection={<IconSend size={14} />} onClick={() => test.mutate()} disabled={!endpoint.enabled}>Send test event</Menu.Item>
          <Menu.Item leftSection={endpoint.enabled ? <IconPlayerPause size={14} /> : <IconPlayerPlay size={14} />} onClick={() => toggle.mutate()}>
            {endpoint.enabled ? 'Disable' : 'Enable'}
          </Menu.Item>
          <Menu.Item leftSection={<IconEdit size={14} />} onClick={() => setEditing(true)}>Edit…</Menu.Item>
          <Menu.Item leftSection={<IconKey size={14} />} onClick={() => setRotating(true)}>Rotate secret…</Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => setDeleting(true)}>Delete…</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {modals}
    </>
  );
}
