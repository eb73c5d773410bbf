// The organization menu in the header: every organization of the user with their role, and "create".
import { useState } from 'react';
import { Badge, Button, Group, Menu, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { client } from '../api/client';
import { fieldErrors, isProblem } from '../api/problems';
import { FormError } from '../components/states';
import { notifySuccess } from '../components/notify';
import { useMe } from '../session/session';

export function OrgSwitcher({ orgId, section }: { orgId: string | undefined; section: string }) {
  const me = useMe();
  const navigate = useNavigate();
  const [createOpen, createModal] = useDisclosure(false);
  const current = me.memberships.find((m) => m.organization_id === orgId);

  const switchTo = (id: string) => {
    navigate(`/orgs/${id}${section}`);
    // keep the session's current organization (and the token's org claims) in step; pages use the path
    client.auth.switchOrg(id).catch(() => {});
  };

  return (
    <>
      <Menu position="bottom-start" width={300} shadow="md">
        <Menu.Target>
          <UnstyledButton aria-label={`Switch organization: ${current?.organization_name ?? 'Choose organization'}`} px="xs" py={4} style={{ borderRadius: 'var(--mantine-radius-sm)', minWidth: 0 }}>
            <Group gap={6} wrap="nowrap">
              <Text fw={600} size="sm" truncate maw={{ base: 120, sm: 240 }}>
                {current?.organization_name ?? 'Choose organization'}
              </Text>
              <IconChevronDown size={14} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Your organizations</Menu.Label>
          {me.memberships.map((m) => (
            <Menu.Item
              key={m.organization_id}
              onClick={() => switchTo(m.organization_id)}
              leftSection={m.organization_id === orgId ? <IconCheck size={14} /> : <span style={{ width: 14 }} />}
              rightSection={
                m.status === 'active' ? <Badge size="xs" variant="light">{m.role_name}</Badge> : <Badge size="xs" variant="light" color="orange">Suspended</Badge>
              }
            >
              <Text size="sm" truncate>{m.organization_name}</Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={14} />} onClick={createModal.open}>
            Create organization
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={createOpen} onClose={createModal.close} title="Create organization">
        <CreateOrgForm onCreated={(id) => { createModal.close(); navigate(`/orgs/${id}`); }} />
      </Modal>
    </>
  );
}

function CreateOrgForm({ onCreated }: { onCreated: (orgId: string) => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const create = useMutation({
    mutationFn: () => client.orgs.create({ name, ...(slug ? { slug } : {}) }, { idempotencyKey: crypto.randomUUID() }),
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      notifySuccess(`Created ${org.name}`);
      onCreated(org.id);
    },
  });
  const errors = fieldErrors(create.error);
  const suggestion = isProblem(create.error, 'organization.slug_taken') ? (create.error.meta?.suggestion as string | undefined) : undefined;
  return (
    <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
      <Stack>
        <TextInput label="Name" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <TextInput
          label="Slug"
          description="Optional: derived from the name when empty"
          value={slug}
          onChange={(e) => setSlug(e.currentTarget.value)}
          error={errors.slug ?? (suggestion ? `Taken. “${suggestion}” is free.` : undefined)}
        />
        {!errors.name && !errors.slug && !suggestion && <FormError error={create.error} />}
        <Button type="submit" loading={create.isPending}>Create</Button>
      </Stack>
    </form>
  );
}
