// Every field of one audit event, including the hash-chain links and the metadata as JSON.
import { Code, Drawer, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { AuditLog } from '@saasready/sdk/client';
import { localTime } from '../../../components/dates';
import { Actor } from './actor';
import { auditSentence, type Directory } from './sentence';

export function AuditDrawer({ log, directory, onClose }: { log: AuditLog | null; directory: Directory; onClose: () => void }) {
  const narrow = useMediaQuery('(max-width: 48em)');
  return (
    <Drawer opened={log !== null} onClose={onClose} position="right" size={narrow ? '100%' : 'lg'} title={log ? <Code fz="md">{log.action}</Code> : null}>
      {log && <Details log={log} directory={directory} />}
    </Drawer>
  );
}

function Details({ log, directory }: { log: AuditLog; directory: Directory }) {
  const rows: [string, React.ReactNode][] = [
    ['Time', localTime(log.created_at)],
    ['Actor', <Actor key="actor" log={log} />],
    ['Actor type', log.actor_type],
    ['Actor user id', mono(log.actor_user_id)],
    ['Actor API key id', mono(log.actor_api_key_id)],
    ['Target type', log.target_type ?? '—'],
    ['Target id', mono(log.target_id)],
    ['IP address', mono(log.ip_address)],
    ['User agent', log.user_agent ?? '—'],
    ['Request id', mono(log.request_id)],
    ['Event id', mono(log.id)],
    ['Sequence', log.seq],
    ['Previous hash', mono(log.prev_hash)],
    ['Hash', mono(log.hash)],
  ];
  return (
    <Stack>
      <Text>{auditSentence(log, directory)}</Text>
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={140}>{label}</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={4}>Metadata</Title>
      {Object.keys(log.metadata).length ? (
        <Code block>{JSON.stringify(log.metadata, null, 2)}</Code>
      ) : (
        <Text size="sm" c="dimmed">No metadata.</Text>
      )}
      <Title order={4}>Raw event</Title>
      <Code block aria-label="Raw event" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{JSON.stringify(log, null, 2)}</Code>
    </Stack>
  );
}

function mono(value: string | null) {
  return value ? <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>{value}</Text> : '—';
}
