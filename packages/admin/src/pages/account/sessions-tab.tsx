// The user's live sessions: which device, from where, since when; end one, or all of them.
import { useState } from 'react';
import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Session } from '@saasready/sdk/client';
import { client } from '../../api/client';
import { notifyError, notifySuccess } from '../../components/notify';
import { EmptyState, ErrorState, FormError, Loading } from '../../components/states';
import { useSession } from '../../session/session';
import { SESSIONS_KEY } from './keys';
import { RelativeTime } from '../../components/dates';
import { describeUserAgent } from './user-agent';

export function SessionsTab() {
  const sessions = useQuery({ queryKey: SESSIONS_KEY, queryFn: () => client.auth.sessions() });
  const [confirmAll, setConfirmAll] = useState(false);

  let body;
  if (sessions.isPending) body = <Loading label="Loading sessions…" />;
  else if (sessions.isError) body = <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />;
  else if (!sessions.data.length) body = <EmptyState title="No live sessions" />;
  else body = <SessionsTable sessions={sortSessions(sessions.data)} />;

  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" align="flex-start" mb="md" wrap="wrap" gap="sm">
        <div>
          <Title order={3} size="h4">Sessions</Title>
          <Text size="sm" c="dimmed">Devices logged in to your account. End any you do not recognise.</Text>
        </div>
        <Button color="red" variant="light" leftSection={<IconLogout size={16} />} onClick={() => setConfirmAll(true)}>
          Log out everywhere
        </Button>
      </Group>
      {body}
      {sessions.data?.length === 1 && (
        <Text size="sm" c="dimmed" mt="sm">This is your only session.</Text>
      )}
      <LogoutEverywhereModal opened={confirmAll} onClose={() => setConfirmAll(false)} />
    </Paper>
  );
}

/** This device first, then the most recently used. */
function sortSessions(sessions: Session[]): Session[] {
  return [...sessions].sort((a, b) => Number(b.current) - Number(a.current) || b.last_used_at.localeCompare(a.last_used_at));
}

function SessionsTable({ sessions }: { sessions: Session[] }) {
  const queryClient = useQueryClient();
  // a five-column table is unreadable on a phone: stack each session there instead
  const compact = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  const revoke = useMutation({
    mutationFn: (id: string) => client.auth.revokeSession(id),
    onSuccess: () => notifySuccess('Session ended. That device must log in again.'),
    onError: notifyError,
    onSettled: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
  const revokeButton = (s: Session) =>
    !s.current && (
      <Button
        size="xs"
        variant="default"
        aria-label={`Revoke session ${s.id}`}
        loading={revoke.isPending && revoke.variables === s.id}
        onClick={() => revoke.mutate(s.id)}
      >
        Revoke
      </Button>
    );

  if (compact) {
    return (
      <Stack gap="sm">
        {sessions.map((s) => (
          <Paper key={s.id} withBorder p="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Device session={s} />
                <Text size="sm" c="dimmed">IP {s.ip ?? 'unknown'}</Text>
                <Group gap={4} wrap="wrap"><Text size="sm" c="dimmed">Signed in</Text><RelativeTime value={s.created_at} /></Group>
                <Group gap={4} wrap="wrap"><Text size="sm" c="dimmed">Last used</Text><RelativeTime value={s.last_used_at} /></Group>
              </Stack>
              {revokeButton(s)}
            </Group>
          </Paper>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={680}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Device</Table.Th>
            <Table.Th>IP address</Table.Th>
            <Table.Th>Signed in</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td><Device session={s} /></Table.Td>
              <Table.Td><Text size="sm" ff="monospace">{s.ip ?? '—'}</Text></Table.Td>
              <Table.Td><RelativeTime value={s.created_at} /></Table.Td>
              <Table.Td><RelativeTime value={s.last_used_at} /></Table.Td>
              <Table.Td ta="right">{revokeButton(s)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** "Chrome on macOS", the raw User-Agent on hover, and a badge on the session in use. */
function Device({ session }: { session: Session }) {
  return (
    <Group gap="xs" wrap="wrap">
      <Tooltip label={session.user_agent ?? 'No user agent was sent'} multiline maw={360} openDelay={300}>
        <Text size="sm" fw={500}>{describeUserAgent(session.user_agent)}</Text>
      </Tooltip>
      {session.current && <Badge color="green" variant="light" size="sm">This device</Badge>}
    </Group>
  );
}

function LogoutEverywhereModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { sessionLost } = useSession();
  const logoutAll = useMutation({
    mutationFn: () => client.auth.logoutAll(),
    // every session is gone, this one too: the app must forget it and show the login page
    onSuccess: () => sessionLost(),
  });
  const close = () => {
    if (logoutAll.isPending) return;
    logoutAll.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Log out everywhere?" centered>
      <Stack>
        <Text size="sm">
          This ends every session of your account, including this one. You, and anyone else using your account, will have to log in again.
        </Text>
        <FormError error={logoutAll.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={logoutAll.isPending}>Cancel</Button>
          <Button color="red" loading={logoutAll.isPending} onClick={() => logoutAll.mutate()}>Log out everywhere</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
