// One organization, for a superuser who need not be a member: members, roles, settings and the audit
// log. The server records each read (the summary, and each page of members or of the log) in the
// organization's own audit log, so its Owners see who looked; the page says so up front.
import { Alert, Badge, Button, Code, Group, Paper, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import type { AdminOrganizationDetail } from '@saasready/sdk/client';
import { client } from '../../api/client';
import { localTime, RelativeTime } from '../../components/dates';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { auditSentence } from '../org/audit/sentence';
import { SuperuserOnly } from './common/superuser-only';

export function AdminOrganizationPage() {
  return (
    <SuperuserOnly title="Organization">
      <OrganizationView />
    </SuperuserOnly>
  );
}

const TABS = ['members', 'roles', 'settings', 'audit'] as const;
type Tab = (typeof TABS)[number];

function OrganizationView() {
  const { orgId = '' } = useParams<{ orgId: string }>();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'members';
  // one read (and one audit row) per visit, not per focus or remount
  const detail = useQuery({ queryKey: ['admin', 'org', orgId], queryFn: () => client.admin.getOrganization(orgId), staleTime: Infinity, refetchOnWindowFocus: false });
  if (!detail.data) return detail.isError ? <ErrorState error={detail.error} onRetry={() => void detail.refetch()} /> : <Loading label="Loading the organization…" />;
  const { organization } = detail.data;
  return (
    <>
      <PageHeader
        title={organization.name}
        description={<Group gap="xs" component="span"><Code>{organization.slug}</Code><span>{detail.data.member_count} {detail.data.member_count === 1 ? 'member' : 'members'}</span></Group>}
      />
      <Alert color="blue" icon={<IconEye size={18} />} mb="md" title="Superuser view">
        You are not necessarily a member here. Each time you open this page, a page of its members or of its audit log, the
        organization’s own audit log records it, with your name.
      </Alert>
      <Tabs value={tab} onChange={(next) => setParams({ tab: next ?? 'members' }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="members">Members</Tabs.Tab>
          <Tabs.Tab value="roles">Roles</Tabs.Tab>
          <Tabs.Tab value="settings">Settings</Tabs.Tab>
          <Tabs.Tab value="audit">Audit log</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members"><MembersTab orgId={orgId} /></Tabs.Panel>
        <Tabs.Panel value="roles"><RolesTab detail={detail.data} /></Tabs.Panel>
        <Tabs.Panel value="settings"><SettingsTab detail={detail.data} /></Tabs.Panel>
        <Tabs.Panel value="audit"><AuditTab orgId={orgId} /></Tabs.Panel>
      </Tabs>
    </>
  );
}

const noRefetch = { staleTime: Infinity, refetchOnWindowFocus: false } as const;

function MembersTab({ orgId }: { orgId: string }) {
  const members = useInfiniteQuery({
    queryKey: ['admin', 'org', orgId, 'members'],
    queryFn: async ({ pageParam }) => {
      const page = await client.admin.listOrganizationMembers(orgId, { limit: 50, sort: 'name', ...(pageParam ? { cursor: pageParam } : {}) });
      return { items: [...page], nextCursor: page.nextCursor };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    ...noRefetch,
  });
  if (!members.data) return members.isError ? <ErrorState error={members.error} onRetry={() => void members.refetch()} /> : <Loading label="Loading members…" />;
  const rows = members.data.pages.flatMap((p) => p.items);
  if (rows.length === 0) return <EmptyState title="No members" />;
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Members">
          <Table.Thead><Table.Tr><Table.Th>Member</Table.Th><Table.Th>Role</Table.Th><Table.Th>Status</Table.Th><Table.Th>2FA</Table.Th><Table.Th>Last active</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {rows.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td><Text size="sm" fw={500}>{m.user_full_name || '—'}</Text><Text size="xs" c="dimmed">{m.user_email}</Text></Table.Td>
                <Table.Td><Text size="sm">{m.role_name}</Text></Table.Td>
                <Table.Td><Text size="sm">{m.status === 'active' ? 'Active' : 'Suspended'}</Text></Table.Td>
                <Table.Td><Text size="sm">{m.two_factor_enabled ? '2FA on' : 'No 2FA'}</Text></Table.Td>
                <Table.Td>{m.last_active_at ? <RelativeTime value={m.last_active_at} /> : <Text size="sm" c="dimmed">Never</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {members.hasNextPage && <Button variant="default" loading={members.isFetchingNextPage} onClick={() => void members.fetchNextPage()} style={{ alignSelf: 'center' }}>Load more</Button>}
    </Stack>
  );
}

function RolesTab({ detail }: { detail: AdminOrganizationDetail }) {
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Roles">
      {detail.roles.map((role) => (
        <Paper key={role.id} withBorder p="sm" component="li">
          <Group justify="space-between" wrap="wrap">
            <Group gap="xs"><Text fw={500}>{role.name}</Text>{role.is_system && <Badge size="xs" variant="light" color="gray">System</Badge>}</Group>
            <Text size="sm" c="dimmed">{role.member_count} {role.member_count === 1 ? 'member' : 'members'} · {role.permissions.length} {role.permissions.length === 1 ? 'permission' : 'permissions'}</Text>
          </Group>
          {role.description && <Text size="sm" c="dimmed">{role.description}</Text>}
        </Paper>
      ))}
    </Stack>
  );
}

function SettingsTab({ detail }: { detail: AdminOrganizationDetail }) {
  const { organization: org } = detail;
  const settings = org.settings as { require_2fa?: boolean };
  const rows: [string, React.ReactNode][] = [
    ['Name', org.name],
    ['Slug', <Code key="slug">{org.slug}</Code>],
    ['Description', org.description || '—'],
    ['Two-factor required', settings.require_2fa ? 'Yes' : 'No'],
    ['Created', localTime(org.created_at)],
    ['Updated', localTime(org.updated_at)],
  ];
  return (
    <Stack gap="md">
      <Table aria-label="Settings" variant="vertical" withTableBorder>
        <Table.Tbody>
          {rows.map(([label, value]) => (<Table.Tr key={label}><Table.Th w={200}>{label}</Table.Th><Table.Td>{value}</Table.Td></Table.Tr>))}
        </Table.Tbody>
      </Table>
      <div>
        <Text size="sm" fw={500} mb={4}>Metadata</Text>
        <Code block aria-label="Metadata">{JSON.stringify(org.metadata, null, 2)}</Code>
      </div>
    </Stack>
  );
}

function AuditTab({ orgId }: { orgId: string }) {
  const logs = useInfiniteQuery({
    queryKey: ['admin', 'org', orgId, 'audit'],
    queryFn: async ({ pageParam }) => {
      const page = await client.admin.listOrganizationAuditLogs(orgId, { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) });
      return { items: [...page], nextCursor: page.nextCursor };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    ...noRefetch,
  });
  if (!logs.data) return logs.isError ? <ErrorState error={logs.error} onRetry={() => void logs.refetch()} /> : <Loading label="Loading the audit log…" />;
  const rows = logs.data.pages.flatMap((p) => p.items);
  return (
    <Stack gap="sm">
      <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Audit events">
        {rows.map((e) => (
          <Group key={e.id} component="li" gap="xs" wrap="nowrap" align="baseline">
            <RelativeTime value={e.created_at} size="xs" c="dimmed" style={{ whiteSpace: 'nowrap', minWidth: '6rem' }} />
            <Text size="sm">{auditSentence(e, new Map())}</Text>
          </Group>
        ))}
      </Stack>
      {logs.hasNextPage && <Button variant="default" loading={logs.isFetchingNextPage} onClick={() => void logs.fetchNextPage()} style={{ alignSelf: 'center' }}>Load more</Button>}
    </Stack>
  );
}
