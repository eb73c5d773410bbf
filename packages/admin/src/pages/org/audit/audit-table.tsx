// One event per row, newest first, as a sentence; the action's name stays underneath for those who
// filter by it. Opening an event shows every field and the raw record. On a phone the rows become
// cards, so nothing needs sideways scrolling.
import { Code, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { AuditLog } from '@saasready/sdk/client';
import { fromNow, localTime } from '../../../components/dates';
import { auditSentence, type Directory } from './sentence';

export function AuditTable({ logs, directory, onOpen }: { logs: AuditLog[]; directory: Directory; onOpen: (log: AuditLog) => void }) {
  const phone = useMediaQuery('(max-width: 48em)');
  if (phone) {
    return (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Audit events">
        {logs.map((log) => (
          <Paper key={log.id} withBorder p="sm" component="li">
            <UnstyledButton onClick={() => onOpen(log)} aria-haspopup="dialog" w="100%">
              <Text size="sm">{auditSentence(log, directory)}</Text>
              <Text size="xs" c="dimmed" mt={4}>
                <time dateTime={log.created_at} title={localTime(log.created_at)}>{fromNow(log.created_at)}</time> · <Code fz="xs">{log.action}</Code>
              </Text>
            </UnstyledButton>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table highlightOnHover verticalSpacing="xs" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={200}>Time</Table.Th>
          <Table.Th>Event</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {logs.map((log) => (
          <Table.Tr key={log.id} onClick={() => onOpen(log)} style={{ cursor: 'pointer' }}>
            <Table.Td>
              <Text size="sm" component="time" dateTime={log.created_at} style={{ whiteSpace: 'nowrap' }}>{localTime(log.created_at)}</Text>
              <Text size="xs" c="dimmed">{fromNow(log.created_at)}</Text>
            </Table.Td>
            <Table.Td>
              {/* the keyboard path to the details; the whole row is clickable for the mouse */}
              <UnstyledButton
                onClick={(e) => {
                  e.stopPropagation();
                  onOpen(log);
                }}
                aria-haspopup="dialog"
                title="Show details"
                style={{ textAlign: 'left' }}
              >
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{auditSentence(log, directory)}</Text>
              </UnstyledButton>
              <Text size="xs" c="dimmed" ff="monospace">{log.action}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
