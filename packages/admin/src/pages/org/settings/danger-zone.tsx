// Leaving and deleting, each behind a confirmation. Afterwards the session is reloaded before going
// home, so the home page no longer picks the organization that is gone.
import { useState } from 'react';
import { Button, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Organization } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { notifySuccess } from '../../../components/notify';
import { FormError } from '../../../components/states';
import { useMembership } from '../../../session/session';
import { Section } from './section';

export function DangerZone({ org }: { org: Organization }) {
  const { can } = useMembership(org.id);
  const [leaveOpen, leaveModal] = useDisclosure(false);
  const [deleteOpen, deleteModal] = useDisclosure(false);
  const gone = useGoHome();

  const leave = useMutation({
    mutationFn: () => client.orgs.leave(org.id),
    onSuccess: () => gone(`You left ${org.name}`),
  });

  return (
    <Section title="Danger zone" danger>
      <Row title="Leave organization" text="You lose access until someone invites you again.">
        <Button color="red" variant="outline" onClick={() => { leave.reset(); leaveModal.open(); }}>Leave organization</Button>
      </Row>
      {can('org.delete') && (
        <Row title="Delete organization" text="Every member loses access at once. This cannot be undone from the dashboard.">
          <Button color="red" onClick={deleteModal.open}>Delete organization</Button>
        </Row>
      )}

      <Modal opened={leaveOpen} onClose={leaveModal.close} title="Leave organization?">
        <Stack>
          <Text size="sm">You will no longer see <strong>{org.name}</strong> or anything in it.</Text>
          <FormError error={leave.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={leaveModal.close}>Cancel</Button>
            <Button color="red" loading={leave.isPending} onClick={() => leave.mutate()}>Leave organization</Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={deleteOpen} onClose={deleteModal.close} title="Delete organization?">
        {deleteOpen && <DeleteForm org={org} onDeleted={() => gone(`Deleted ${org.name}`)} onCancel={deleteModal.close} />}
      </Modal>
    </Section>
  );
}

function DeleteForm({ org, onDeleted, onCancel }: { org: Organization; onDeleted: () => Promise<void>; onCancel: () => void }) {
  const [typed, setTyped] = useState('');
  const remove = useMutation({ mutationFn: () => client.orgs.delete(org.id), onSuccess: onDeleted });
  const matches = typed.trim() === org.slug;
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (matches) remove.mutate(); }}>
      <Stack>
        <Text size="sm">
          All members of <strong>{org.name}</strong> lose access immediately, and its API keys stop working.
        </Text>
        <TextInput
          label={<>Type <Code>{org.slug}</Code> to confirm</>}
          autoComplete="off"
          data-autofocus
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
        />
        <FormError error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" color="red" disabled={!matches} loading={remove.isPending}>Delete organization</Button>
        </Group>
      </Stack>
    </form>
  );
}

function Row({ title, text, children }: { title: string; text: string; children: React.ReactNode }) {
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <div style={{ flex: '1 1 16rem' }}>
        <Text fw={500}>{title}</Text>
        <Text size="sm" c="dimmed">{text}</Text>
      </div>
      {children}
    </Group>
  );
}

function useGoHome() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (message: string) => {
    await queryClient.invalidateQueries({ queryKey: ['me'] });
    notifySuccess(message);
    navigate('/', { replace: true });
  };
}
