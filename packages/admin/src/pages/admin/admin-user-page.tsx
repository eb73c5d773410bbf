// One account, as a superuser sees it: profile, two-factor status (reset it), memberships, live
// sessions (end them), recent security events, and disabling or enabling the account. Every change
// is checked (superuser only) and audited by the server; this page only asks first.
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconShieldOff, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { AdminUserDetail } from '@saasready/sdk/client';
import { client } from '../../api/client';
import { ConfirmModal } from '../../components/confirm-modal';
import { localTime, RelativeTime } from '../../components/dates';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/page-header';
import { ErrorState, Loading } from '../../components/states';
import { useMe } from '../../session/session';
import { describeUserAgent } from '../account/user-agent';
import { auditSentence } from '../org/audit/sentence';
import { SuperuserOnly } from './common/superuser-only';
import { ResetTwoFactorConfirm } from './users/user-actions';

export function AdminUserPage() {
  return (
    <SuperuserOnly title="User">
      <UserView />
    </SuperuserOnly>
  );
}

const key = (userId: string) => ['admin', 'user', userId] as const;

function UserView() {
  const { userId = '' } = useParams<{ userId: string }>();
  const detail = useQuery({ queryKey: key(userId), queryFn: () => client.admin.getUser(userId) });
  if (!detail.data) return detail.isError ? <ErrorState error={detail.error} onRetry={() => void detail.refetch()} /> : <Loading label="Loading the account…" />;
  return <UserDetail detail={detail.data} />;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={3} size="h4" mb="sm">{title}</Title>
      {children}
    </Paper>
  );
}

function UserDetail({ detail }: { detail: AdminUserDetail }) {
  const { user, two_factor: twoFactor } = detail;
  const me = useMe();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: key(user.id) });
  const [disableOpen, disable] = useDisclosure(false);
  const [resetOpen, reset] = useDisclosure(false);
  const who = user.full_name || user.email;
  const enable = useMutation({
    mutationFn: () => client.admin.setUserActive(user.id, true),
    onSuccess: () => { notifySuccess(`${user.email} can log in again`); void refresh(); },
    onError: notifyError,
  });
  const endSession = useMutation({
    mutationFn: (sessionId: string) => client.admin.endUserSession(user.id, sessionId),
    onSuccess: () => { notifySuccess('Session ended'); void refresh(); },
    onError: notifyError,
  });
  const isSelf = me.id === user.id;

  return (
    <>
      <PageHeader
        title={who}
        description={
          <Group gap="xs" component="span">
            <span>{user.email}</span>
            {user.is_superuser && <Badge size="sm" color="red" variant="light">Superuser</Badge>}
            {user.is_active ? <Badge size="sm" color="green" variant="light">Active</Badge> : <Badge size="sm" color="orange" variant="light">Disabled</Badge>}
            {user.email_verified ? <Badge size="sm" variant="light">Email verified</Badge> : <Badge size="sm" variant="outline" color="gray">Email not verified</Badge>}
          </Group>
        }
        actions={!isSelf && (user.is_active ? (
          <Button color="red" variant="light" leftSection={<IconUserOff size={16} />} onClick={disable.open}>Disable account…</Button>
        ) : (
          <Button variant="light" leftSection={<IconUserCheck size={16} />} loading={enable.isPending} onClick={() => enable.mutate()}>Enable account</Button>
        ))}
      />
      <Stack gap="md">
        {!user.is_active && <Alert color="orange" title="This account is disabled">It cannot log in, and the API keys it created do nothing.</Alert>}
        <Section title="Profile">
          <Text size="sm">Created {localTime(user.created_at)}</Text>
        </Section>
        <Section title="Two-factor authentication">
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">{twoFactor.enabled ? `On since ${localTime(twoFactor.enabled_at!)}` : 'Off'}</Text>
            {twoFactor.enabled && <Button size="xs" color="red" variant="light" leftSection={<IconShieldOff size={14} />} onClick={reset.open}>Reset two-factor…</Button>}
          </Group>
        </Section>
        <Section title="Memberships">
          {detail.memberships.length === 0 ? <Text size="sm" c="dimmed">No organization.</Text> : (
            <Table.ScrollContainer minWidth={420}>
              <Table>
                <Table.Thead><Table.Tr><Table.Th>Organization</Table.Th><Table.Th>Role</Table.Th><Table.Th>Status</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {detail.memberships.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td><Anchor component={Link} to={`/admin/organizations/${m.organization_id}`} size="sm">{m.organization_name}</Anchor></Table.Td>
                      <Table.Td><Text size="sm">{m.role_name}</Text></Table.Td>
                      <Table.Td><Text size="sm">{m.status === 'active' ? 'Active' : 'Suspended'}</Text></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Section>
        <Section title="Sessions">
          {detail.sessions.length === 0 ? <Text size="sm" c="dimmed">No live session.</Text> : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {detail.sessions.map((s) => {
                const device = describeUserAgent(s.user_agent);
                return (
                  <Group key={s.id} component="li" justify="space-between" wrap="wrap" gap="xs">
                    <Stack gap={0}>
                      <Text size="sm" fw={500}>{device}{s.ip ? ` · ${s.ip}` : ''}</Text>
                      <Group gap={4}><Text size="xs" c="dimmed">last used</Text><RelativeTime value={s.last_used_at} size="xs" c="dimmed" /><Text size="xs" c="dimmed">· started {localTime(s.created_at)}</Text></Group>
                    </Stack>
                    <Button size="xs" variant="default" aria-label={`End session ${device}${s.ip ? ` from ${s.ip}` : ''}`}
                      loading={endSession.isPending && endSession.variables === s.id} onClick={() => endSession.mutate(s.id)}>End session</Button>
                  </Group>
                );
              })}
            </Stack>
          )}
        </Section>
        <Section title="Recent security events">
          {detail.security_events.length === 0 ? <Text size="sm" c="dimmed">None recorded.</Text> : (
            <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Security events">
              {detail.security_events.map((e) => (
                <Group key={e.id} component="li" gap="xs" wrap="nowrap" align="baseline">
                  <RelativeTime value={e.created_at} size="xs" c="dimmed" style={{ whiteSpace: 'nowrap', minWidth: '6rem' }} />
                  <Text size="sm">{auditSentence(e, new Map())}{e.ip_address ? <Text span size="xs" c="dimmed"> · {e.ip_address}</Text> : null}</Text>
                </Group>
              ))}
            </Stack>
          )}
        </Section>
      </Stack>
      <ConfirmModal
        opened={disableOpen}
        onClose={disable.close}
        title={`Disable the account of ${who}?`}
        confirmLabel="Disable account"
        onConfirm={async () => {
          await client.admin.setUserActive(user.id, false);
          notifySuccess(`${user.email} is disabled; their sessions ended`);
          await refresh();
        }}
      >
        <strong>{user.email}</strong> will be logged out everywhere and cannot log in again until a superuser enables the account. The API keys
        this account created stop working too. The audit log records that you did it.
      </ConfirmModal>
      <ResetTwoFactorConfirm user={user} opened={resetOpen} onClose={reset.close} onReset={refresh} />
    </>
  );
}
