// Directory sync (SCIM): create a directory (its base URL and token shown once), rotate or delete
// it, map the groups the IdP pushed to roles, and see the recent sync activity from the audit log.
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { AuditLog, Directory, DirectoryGroup, Role } from '@saasready/sdk/client';
import { client } from '../../api/client';
import { ConfirmModal } from '../../components/confirm-modal';
import { CopyableCode } from '../../components/copyable-code';
import { RelativeTime } from '../../components/dates';
import { MissingPermission } from '../../components/forbidden';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, FormError, Loading } from '../../components/states';
import { useMembership } from '../../session/session';

export function DirectoriesPage() {
  const { orgId = '' } = useParams<{ orgId: string }>();
  const { can, membership } = useMembership(orgId);
  if (!can('directory.manage')) {
    return <MissingPermission title="Directory sync" membership={membership} permission="directory.manage" doing="manage directory sync" />;
  }
  return <Directories orgId={orgId} canReadAudit={can('audit.read')} />;
}

function Directories({ orgId, canReadAudit }: { orgId: string; canReadAudit: boolean }) {
  const [creating, setCreating] = useState(false);
  const directories = useQuery({ queryKey: ['org', orgId, 'directories'], queryFn: () => client.directories.list(orgId) });
  return (
    <>
      <PageHeader
        title="Directory sync"
        description="Connect Entra ID or Okta with SCIM: people and groups assigned there become members here, and leave when they are removed there."
        actions={<Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>Create directory</Button>}
      />
      {!directories.data ? (
        directories.isError ? <ErrorState error={directories.error} onRetry={() => void directories.refetch()} /> : <Loading label="Loading directories…" />
      ) : directories.data.length === 0 ? (
        <EmptyState title="No directory yet">Create one, then paste its URL and token into your identity provider’s provisioning settings.</EmptyState>
      ) : (
        <Stack>
          {directories.data.map((d) => <DirectoryCard key={d.id} orgId={orgId} directory={d} />)}
        </Stack>
      )}
      {canReadAudit && <SyncActivity orgId={orgId} />}
      <CreateDirectoryModal orgId={orgId} opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

/** The URL and the token, this one time, each with a copy button. */
function RevealSecret({ url, token, onDone }: { url: string; token: string; onDone: () => void }) {
  const copyable = (label: string, value: string, testId: string) => (
    <Stack gap={4}>
      <Text size="sm" fw={500}>{label}</Text>
      <CopyableCode value={value} testId={testId} />
    </Stack>
  );
  return (
    <Stack>
      <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Copy the token now: it is shown only once">
        Only a hash of it is kept. If you lose it, rotate the token and paste the new one into your identity provider.
      </Alert>
      {copyable('SCIM base URL (Entra ID: Tenant URL · Okta: SCIM connector base URL)', url, 'scim-url')}
      {copyable('Bearer token (Entra ID: Secret Token · Okta: API token)', token, 'scim-token')}
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}

function CreateDirectoryModal({ orgId, opened, onClose }: { orgId: string; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => client.directories.create(orgId, { name: name.trim() }),
    // the answer holds the token: drop it as soon as nothing shows it
    gcTime: 0,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['org', orgId, 'directories'] });
      void queryClient.invalidateQueries({ queryKey: ['org', orgId, 'audit'] });
    },
  });
  const close = () => {
    create.reset();
    setName('');
    onClose();
  };
  const created = create.data;
  return (
    <Modal opened={opened} onClose={close} title={created ? 'Your new directory' : 'Create directory'} size="lg" closeOnClickOutside={!created} closeOnEscape={!created} withCloseButton={!created}>
      {created ? (
        <RevealSecret url={created.scim_base_url} token={created.token} onDone={close} />
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
          <Stack>
            <TextInput label="Name" description="Which identity provider this is, e.g. “Okta” or “Entra ID”" required maxLength={100} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
            <FormError error={create.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>Cancel</Button>
              <Button type="submit" loading={create.isPending} disabled={!name.trim()}>Create</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function DirectoryCard({ orgId, directory }: { orgId: string; directory: Directory }) {
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState(false);
  const rotate = useMutation({ mutationFn: () => client.directories.rotateToken(orgId, directory.id), gcTime: 0, onError: notifyError });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['org', orgId, 'directories'] });
    void queryClient.invalidateQueries({ queryKey: ['org', orgId, 'audit'] });
  };
  return (
    <Card withBorder>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text fw={600}>{directory.name}</Text>
          <Text size="sm" c="dimmed">{directory.scim_base_url} · token {directory.token_prefix}…</Text>
        </Stack>
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} loading={rotate.isPending} onClick={() => rotate.mutate()}>Rotate token</Button>
          <Button size="xs" variant="light" color="red" leftSection={<IconTrash size={14} />} onClick={() => setDeleting(true)}>Delete</Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mt="md">
        <Stat label="Users" value={String(directory.user_count)} />
        <Stat label="Groups" value={String(directory.group_count)} />
        <Stack gap={0}>
          <Text size="xs" c="dimmed">Last sync</Text>
          {directory.last_sync_at ? <RelativeTime value={directory.last_sync_at} fw={500} /> : <Text fw={500}>Never</Text>}
        </Stack>
      </SimpleGrid>
      <GroupRoles orgId={orgId} directoryId={directory.id} />
      <Modal opened={Boolean(rotate.data)} onClose={() => {}} title="The new token" size="lg" closeOnClickOutside={false} closeOnEscape={false} withCloseButton={false}>
        {rotate.data && <RevealSecret url={directory.scim_base_url} token={rotate.data.token} onDone={() => { rotate.reset(); refresh(); }} />}
      </Modal>
      <ConfirmModal
        opened={deleting}
        title={`Delete ${directory.name}?`}
        confirmLabel="Delete directory"
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await client.directories.delete(orgId, directory.id);
          notifySuccess('Directory deleted: its members stay, now managed here.');
          refresh();
        }}
      >
        Its token stops working at once. The people it provisioned stay members with their current roles, and can be managed here again.
      </ConfirmModal>
    </Card>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={500}>{value}</Text>
    </Stack>
  );
}

function GroupRoles({ orgId, directoryId }: { orgId: string; directoryId: string }) {
  const queryClient = useQueryClient();
  const groups = useQuery({ queryKey: ['org', orgId, 'directories', directoryId, 'groups'], queryFn: () => client.directories.groups(orgId, directoryId) });
  const roles = useQuery({ queryKey: ['org', orgId, 'roles'], queryFn: () => client.orgs.listRoles(orgId) });
  const setRole = useMutation({
    mutationFn: ({ group, roleId }: { group: DirectoryGroup; roleId: string | null }) => client.directories.setGroupRole(orgId, directoryId, group.id, roleId),
    onSuccess: (group) => {
      notifySuccess(group.role_name ? `Members of ${group.display_name} are now ${group.role_name}.` : `${group.display_name} no longer grants a role.`);
      void queryClient.invalidateQueries({ queryKey: ['org', orgId] });
    },
    onError: notifyError,
  });
  if (!groups.data) return groups.isError ? <ErrorState error={groups.error} onRetry={() => void groups.refetch()} /> : null;
  if (!groups.data.length) return <Text size="sm" c="dimmed" mt="md">No groups pushed yet. Push groups from your identity provider to map them to roles here.</Text>;
  const options = (roles.data ?? []).map((r: Role) => ({ value: r.id, label: r.name }));
  return (
    <Table mt="md" verticalSpacing="xs" aria-label="Group to role mapping">
      <Table.Thead>
        <Table.Tr><Table.Th>Group</Table.Th><Table.Th>Members</Table.Th><Table.Th>Role its members get</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.data.map((g) => (
          <Table.Tr key={g.id}>
            <Table.Td>{g.display_name}</Table.Td>
            <Table.Td>{g.member_count}</Table.Td>
            <Table.Td>
              <Select
                aria-label={`Role for ${g.display_name}`}
                size="xs"
                placeholder="No role"
                clearable
                data={options}
                value={g.role_id}
                disabled={setRole.isPending}
                onChange={(roleId) => setRole.mutate({ group: g, roleId })}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const SYNC_ACTIONS = ['directory.*', 'member.provisioned', 'member.deprovisioned'];

/** The newest directory events of the audit log (provisioning, deprovisioning, user and group changes). */
function SyncActivity({ orgId }: { orgId: string }) {
  const activity = useQuery({
    queryKey: ['org', orgId, 'audit', 'directory-activity'],
    queryFn: async () => {
      const pages = await Promise.all(SYNC_ACTIONS.map((action) => client.orgs.listAuditLogs(orgId, { action, limit: 20 })));
      return pages.flat().sort((a, b) => b.created_at.localeCompare(a.created_at)).slice(0, 20);
    },
  });
  return (
    <Card withBorder mt="lg">
      <Text fw={600} mb="sm">Recent sync activity</Text>
      {!activity.data ? (
        activity.isError ? <ErrorState error={activity.error} onRetry={() => void activity.refetch()} /> : <Loading label="Loading activity…" />
      ) : activity.data.length === 0 ? (
        <Text size="sm" c="dimmed">Nothing yet.</Text>
      ) : (
        <Table verticalSpacing={4} aria-label="Recent sync activity">
          <Table.Tbody>
            {activity.data.map((row: AuditLog) => (
              <Table.Tr key={row.id}>
                <Table.Td><Badge variant="light" tt="none">{row.action}</Badge></Table.Td>
                <Table.Td><Text size="sm">{describe(row)}</Text></Table.Td>
                <Table.Td ta="right"><RelativeTime value={row.created_at} size="sm" c="dimmed" /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function describe(row: AuditLog): string {
  const m = row.metadata as Record<string, unknown>;
  const text = (k: string) => (typeof m[k] === 'string' ? (m[k] as string) : '');
  return text('user_name') || text('display_name') || text('name') || (Array.isArray(m.changed) ? `changed ${(m.changed as string[]).join(', ')}` : '') || (row.actor_type === 'directory' ? 'by the directory' : row.actor_email ?? '');
}
